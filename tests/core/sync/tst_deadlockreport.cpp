// SPDX-License-Identifier: MIT
#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"

#include <QTest>
#include <atomic>
#include <thread>

using namespace weft;
using weft::testsupport::runFunction;

namespace {
// Spins until `flag` is set, staying cancellable (the handshake that makes the
// deadlock certain instead of depending on a sleep).
void awaitFlag(const std::atomic<bool> &flag)
{
    while (!flag.load()) {
        checkCancelled();
        std::this_thread::yield();
    }
}

std::vector<Event> deadlockMarks(const Trace &trace)
{
    std::vector<Event> marks;
    for (const Event &e : trace.eventsOfKind(EventKind::Mark)) {
        if (e.isAbnormal())
            marks.push_back(e);
    }
    return marks;
}
} // namespace

class TestDeadlockReport : public QObject
{
    Q_OBJECT
private slots:
    void oppositeLockOrdersAreReportedAndTheRunEnds();
    void takingALockTwiceIsACycleOfOne();
    void joiningAThreadThatWaitsForOurLockIsADeadlock();
    void noDeadlockNoReport();
};

void TestDeadlockReport::oppositeLockOrdersAreReportedAndTheRunEnds()
{
    const Trace trace = runFunction([](RunContext &) {
        Mutex l1(QStringLiteral("L1"));
        Mutex l2(QStringLiteral("L2"));
        std::atomic<bool> t1HasL1 {false}, t2HasL2 {false};
        Thread t1(QStringLiteral("T1"), [&] {
            LockGuard first(l1);
            t1HasL1 = true;
            awaitFlag(t2HasL2);
            LockGuard second(l2);
        });
        Thread t2(QStringLiteral("T2"), [&] {
            LockGuard first(l2);
            t2HasL2 = true;
            awaitFlag(t1HasL1);
            LockGuard second(l1);
        });
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    });
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Deadlocked);
    for (const char *name : {"T1", "T2", "L1", "L2"})
        QVERIFY2(outcome.summary.contains(QLatin1String(name)), qPrintable(outcome.summary));
    QVERIFY2(outcome.summary.contains(QStringLiteral("T1 waits for L2 held by T2")),
             qPrintable(outcome.summary));
    QVERIFY2(outcome.summary.contains(QStringLiteral("T2 waits for L1 held by T1")),
             qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("cycle_length")), 2);

    // One mark per member, on its own lane, pointing at the lock it waits for
    // and naming the holder in value.
    const quint32 t1 = trace.findActor(QStringLiteral("T1"));
    const quint32 t2 = trace.findActor(QStringLiteral("T2"));
    const quint32 l1 = trace.findObject(QStringLiteral("L1"));
    const quint32 l2 = trace.findObject(QStringLiteral("L2"));
    const auto marks = deadlockMarks(trace);
    QCOMPARE(marks.size(), std::size_t(2));
    QSet<QPair<quint32, quint32>> edges;
    for (const Event &e : marks)
        edges.insert({e.actor, e.object});
    QVERIFY(edges.contains({t1, l2}));
    QVERIFY(edges.contains({t2, l1}));
    for (const Event &e : marks)
        QCOMPARE(quint32(e.value), e.actor == t1 ? t2 : t1);

    // Every thread ended (cancelled), and every lock taken was released.
    QCOMPARE(trace.eventsOfKind(EventKind::ThreadEnd).size(), std::size_t(3));
    QCOMPARE(trace.eventsOfKind(EventKind::LockAcquired).size(),
             trace.eventsOfKind(EventKind::LockReleased).size());
}

void TestDeadlockReport::takingALockTwiceIsACycleOfOne()
{
    const Trace trace = runFunction([](RunContext &) {
        Mutex lock(QStringLiteral("L"));
        lock.lock();
        lock.lock();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Deadlocked);
    QCOMPARE(trace.outcome().value(QStringLiteral("cycle_length")), 1);
    QVERIFY2(trace.outcome().summary.contains(
                 QStringLiteral("MainThread waits for L held by MainThread")),
             qPrintable(trace.outcome().summary));
}

void TestDeadlockReport::joiningAThreadThatWaitsForOurLockIsADeadlock()
{
    const Trace trace = runFunction([](RunContext &) {
        Mutex lock(QStringLiteral("L"));
        LockGuard held(lock);
        Thread worker(QStringLiteral("Worker"), [&] { LockGuard guard(lock); });
        worker.start();
        worker.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Deadlocked);
    const QString summary = trace.outcome().summary;
    QVERIFY2(summary.contains(QStringLiteral("MainThread waits for Worker to finish")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Worker waits for L held by MainThread")),
             qPrintable(summary));
}

void TestDeadlockReport::noDeadlockNoReport()
{
    const Trace trace = runFunction([](RunContext &) {
        Mutex l1(QStringLiteral("L1"));
        Mutex l2(QStringLiteral("L2"));
        auto body = [&] {
            for (int i = 0; i < 50; ++i) {
                LockGuard first(l1);
                LockGuard second(l2);
            }
        };
        Thread a(QStringLiteral("A"), body);
        Thread b(QStringLiteral("B"), body);
        a.start();
        b.start();
        a.join();
        b.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(deadlockMarks(trace).empty());
}

QTEST_GUILESS_MAIN(TestDeadlockReport)
#include "tst_deadlockreport.moc"
