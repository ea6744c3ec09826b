// SPDX-License-Identifier: MIT
// threads.identity — every thread has a name and an id, the main thread too.
//
// The Python this mirrors:
//     def show():
//         t = threading.current_thread()
//         print(f"{t.name}: native id {t.native_id}")
//     show()                                   # the main thread
//     threads = [threading.Thread(target=show) for _ in range(3)]
//     for t in threads: t.start()
//     for t in threads: t.join()
//
// currentThreadName() and currentNativeThreadId() are current_thread().name
// and .native_id. A Thread cannot be copied or moved, so the threads live in
// a std::deque, which never moves what it holds.

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <deque>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsIdentityScenario)
};

// Each thread's name and native id, the main thread's first.
using Identities = QList<QPair<QString, qint64>>;

Identities showThreads(int count)
{
    auto show = [] {
        print(Tr::tr("%1: native id %2").arg(currentThreadName()).arg(currentNativeThreadId()));
    };

    show(); // the main thread is a thread like any other
    std::deque<Thread> threads;
    for (int i = 0; i < count; ++i)
        threads.emplace_back(QString(), show);
    for (Thread &t : threads)
        t.start();
    for (Thread &t : threads)
        t.join();

    // The Thread objects keep each name and native id after the thread ended.
    Identities seen {{currentThreadName(), currentNativeThreadId()}};
    for (const Thread &t : threads)
        seen.append({t.name(), t.nativeId()});
    return seen;
}

Outcome identityOutcome(const Identities &seen)
{
    Outcome outcome;
    QStringList listed;
    for (const auto &[name, nativeId] : seen) {
        listed << Tr::tr("%1 (id %2)").arg(name).arg(nativeId);
        outcome.setValue(name, nativeId);
    }
    const int threadCount = int(seen.size());
    outcome.summary
        = Tr::tr("%n thread(s), each with its own name and native id: %1.", nullptr, threadCount)
              .arg(listed.join(QStringLiteral(", ")));
    return outcome;
}

class ThreadsIdentityScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsIdentityScenario)
public:
    QString id() const override { return QStringLiteral("threads.identity"); }
    Topic topic() const override { return Topic::Threads; }
    QString title() const override { return tr("Thread names and ids"); }
    QString explanation() const override
    {
        return tr("Every thread has a name and a native id that the operating system assigns "
                  "(gettid() on Linux) — the main thread included. Threads started without a "
                  "name are called Thread-1, Thread-2 and so on. Each thread prints who it is; "
                  "the same name and id label its lane.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("threads"), tr("Threads"), 3, 1, 32,
                                       tr("How many threads to start besides the main thread"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/threads/threadsidentity.cpp");
    }

    void run(RunContext &context) const override
    {
        const int count = int(context.parameters().integer(QStringLiteral("threads")));
        context.setOutcome(identityOutcome(showThreads(count)));
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsIdentityScenario()
{
    return std::make_unique<ThreadsIdentityScenario>();
}

} // namespace weft
