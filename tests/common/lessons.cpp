// SPDX-License-Identifier: MIT
#include "lessons.h"

#include "core/mutex.h"
#include "core/thread.h"
#include "core/tracing.h"

namespace weft::testsupport {

void twoThreadsOneLock(RunContext &)
{
    Mutex lock(QStringLiteral("L"));
    auto body = [&] {
        lock.lock();
        print(currentThreadName() + QStringLiteral(" inside"));
        lock.unlock();
        print(currentThreadName() + QStringLiteral(" done"));
    };
    Thread a(QStringLiteral("A"), body);
    Thread b(QStringLiteral("B"), body);
    a.start();
    b.start();
    a.join();
    b.join();
}

} // namespace weft::testsupport
