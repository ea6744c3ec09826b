// SPDX-License-Identifier: MIT
#include "core/cancelled.h"
#include "core/mutex.h"
#include "core/thread.h"
#include "tests/common/scopedrun.h"
#include "tests/common/traceassertions.h"

#include <QTest>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace weft;
using namespace weft::testsupport;

class TestMutex : public QObject
{
    Q_OBJECT
private slots:
    void uncontendedLockRecordsNoWait();
    void contendedLockRecordsWaitThenAcquire();
    void tryLockDoesNotWait();
    void unlockByNonOwnerThrows();
    void waiterIsCancellable();
    void manyThreadsNeverShareTheLock();
    void useOutsideARunThrows();
};

void TestMutex::uncontendedLockRecordsNoWait()
{
    ScopedRun run;
    Mutex m(QStringLiteral("L"));
    QCOMPARE(run.trace().object(m.object()).kind, ObjectKind::Lock);
    {
        LockGuard guard(m);
        QCOMPARE(m.owner(), run.mainActor());
    }
    QCOMPARE(m.owner(), 0u);
    const Trace trace = run.trace();
    QVERIFY(trace.eventsOfKind(EventKind::LockWait).empty());
    const auto holds = lockHoldIntervals(trace, m.object());
    QCOMPARE(holds.size(), std::size_t(1));
    QCOMPARE(holds.front().actor, run.mainActor());
    QVERIFY(!holds.front().isOpen());
}

void TestMutex::contendedLockRecordsWaitThenAcquire()
{
    ScopedRun run;
    Mutex m(QStringLiteral("L"));
    m.lock();
    Thread waiter(QStringLiteral("waiter"), [&m] { LockGuard guard(m); });
    waiter.start();
    // The waiter announces that it waits before the lock is given up.
    QTRY_COMPARE(run.trace().eventsOfKind(EventKind::LockWait).size(), std::size_t(1));
    QVERIFY(waiter.isAlive());
    m.unlock();
    waiter.join();

    const Trace trace = run.trace();
    const auto waits = trace.eventsOfKind(EventKind::LockWait);
    QCOMPARE(waits.front().actor, waiter.actor());
    QCOMPARE(waits.front().object, m.object());
    const auto holds = lockHoldIntervals(trace, m.object());
    QCOMPARE(holds.size(), std::size_t(2));
    QCOMPARE(holds[0].actor, run.mainActor());
    QCOMPARE(holds[1].actor, waiter.actor());
    // The waiter got the lock only once the main thread had released it.
    QVERIFY(holds[1].beginNs >= holds[0].endNs);
    QVERIFY(waits.front().timeNs <= holds[1].beginNs);
    const QString overlap = lockExclusivityViolation(trace);
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
}

void TestMutex::tryLockDoesNotWait()
{
    ScopedRun run;
    Mutex m(QStringLiteral("L"));
    QVERIFY(m.tryLock());
    std::atomic<int> otherGotIt {-1};
    Thread other(QStringLiteral("other"), [&] { otherGotIt = m.tryLock() ? 1 : 0; });
    other.start();
    other.join();
    QCOMPARE(otherGotIt.load(), 0);
    m.unlock();

    const Trace trace = run.trace();
    // A failed tryLock neither waits nor acquires.
    QVERIFY(trace.eventsOfKind(EventKind::LockWait).empty());
    QVERIFY(eventsOfActor(trace, other.actor(), EventKind::LockAcquired).empty());
    QCOMPARE(lockHoldIntervals(trace, m.object()).size(), std::size_t(1));
}

void TestMutex::unlockByNonOwnerThrows()
{
    ScopedRun run;
    Mutex m(QStringLiteral("L"));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, m.unlock()); // nobody holds it

    m.lock();
    std::atomic<bool> threw {false};
    Thread intruder(QStringLiteral("intruder"), [&] {
        try {
            m.unlock();
        } catch (const std::logic_error &) {
            threw = true;
        }
    });
    intruder.start();
    intruder.join();
    QVERIFY(threw.load());
    QCOMPARE(m.owner(), run.mainActor()); // still ours
    m.unlock();
    const QString unbalanced = unbalancedLockViolation(run.trace());
    QVERIFY2(unbalanced.isEmpty(), qPrintable(unbalanced));
}

void TestMutex::waiterIsCancellable()
{
    ScopedRun run;
    Mutex m(QStringLiteral("L"));
    m.lock();
    Thread waiter(QStringLiteral("waiter"), [&m] { LockGuard guard(m); });
    waiter.start();
    QTRY_COMPARE(run.trace().eventsOfKind(EventKind::LockWait).size(), std::size_t(1));

    run.context().cancel();
    QTRY_VERIFY(!waiter.isAlive());
    QVERIFY(waiter.wasCancelled());
    const Trace trace = run.trace();
    const auto ends = eventsOfActor(trace, waiter.actor(), EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(ends.front().isAbnormal());
    // It never got the lock, which the main thread still holds.
    QVERIFY(eventsOfActor(trace, waiter.actor(), EventKind::LockAcquired).empty());
    QCOMPARE(m.owner(), run.mainActor());
}

void TestMutex::manyThreadsNeverShareTheLock()
{
    ScopedRun run;
    Mutex m(QStringLiteral("L"));
    constexpr int kThreads = 8;
    constexpr int kRounds = 200;
    std::vector<std::unique_ptr<Thread>> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
        threads.push_back(std::make_unique<Thread>(QString(), [&m] {
            for (int r = 0; r < kRounds; ++r)
                LockGuard guard(m);
        }));
    }
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->join();

    const Trace trace = run.trace();
    QCOMPARE(lockHoldIntervals(trace, m.object()).size(), std::size_t(kThreads * kRounds));
    const QString overlap = lockExclusivityViolation(trace, m.object());
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    const QString unbalanced = unbalancedLockViolation(trace);
    QVERIFY2(unbalanced.isEmpty(), qPrintable(unbalanced));
}

void TestMutex::useOutsideARunThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::logic_error, Mutex(QStringLiteral("orphan")));
}

QTEST_GUILESS_MAIN(TestMutex)
#include "tst_mutex.moc"
