// SPDX-License-Identifier: MIT
#include "core/stepgate.h"

#include <QTest>
#include <atomic>
#include <thread>

using namespace weft;

class TestStepGate : public QObject
{
    Q_OBJECT
private slots:
    void openGateLetsEveryoneThrough();
    void closedGateHoldsUntilReleased();
    void releaseAnyPicksEarliestArrival();
    void turningSteppingOffReleasesAll();
    void cancelWakesWaitersWithFalse();
    void grantedStepsAreRecordedInGrantOrder();
    void runUntilPassesOthersAndParksTheKind();
};

namespace {
PendingAction action(quint32 actor)
{
    PendingAction a;
    a.actor = actor;
    a.kind = EventKind::LockAcquired;
    a.description = QStringLiteral("acquire L%1").arg(actor);
    return a;
}
} // namespace

void TestStepGate::openGateLetsEveryoneThrough()
{
    StepGate gate;
    QVERIFY(gate.pass(action(1)));
    QVERIFY(gate.pending().isEmpty());
}

void TestStepGate::closedGateHoldsUntilReleased()
{
    StepGate gate;
    gate.setStepping(true);
    std::atomic<int> progressed {0};
    std::thread t([&] {
        gate.pass(action(1));
        progressed = 1;
    });
    QTRY_COMPARE(gate.pending().size(), 1);
    QCOMPARE(gate.pending().first().description, QStringLiteral("acquire L1"));
    // Nobody steps: the thread must stay parked.
    QTest::qWait(50);
    QCOMPARE(progressed.load(), 0);
    QVERIFY(!gate.release(2));
    QVERIFY(gate.release(1));
    // Granted is no longer waiting, even before the thread has woken up.
    QVERIFY(gate.pending().isEmpty());
    QVERIFY(!gate.release(1));
    QTRY_COMPARE(progressed.load(), 1);
    t.join();
    QVERIFY(gate.pending().isEmpty());
}

void TestStepGate::releaseAnyPicksEarliestArrival()
{
    StepGate gate;
    gate.setStepping(true);
    std::atomic<int> first {0};
    std::thread a([&] {
        gate.pass(action(1));
        int expected = 0;
        first.compare_exchange_strong(expected, 1);
    });
    QTRY_COMPARE(gate.pending().size(), 1);
    std::thread b([&] {
        gate.pass(action(2));
        int expected = 0;
        first.compare_exchange_strong(expected, 2);
    });
    QTRY_COMPARE(gate.pending().size(), 2);
    QVERIFY(gate.releaseAny());
    QTRY_COMPARE(gate.pending().size(), 1);
    QCOMPARE(gate.pending().first().actor, quint32(2));
    // Only the earliest arrival was let go: it moves on while the other still waits.
    QTRY_COMPARE(first.load(), 1);
    QCOMPARE(gate.pending().size(), 1);
    QVERIFY(gate.releaseAny());
    a.join();
    b.join();
    QCOMPARE(first.load(), 1);
}

void TestStepGate::turningSteppingOffReleasesAll()
{
    StepGate gate;
    gate.setStepping(true);
    std::thread a([&] { gate.pass(action(1)); });
    std::thread b([&] { gate.pass(action(2)); });
    QTRY_COMPARE(gate.pending().size(), 2);
    gate.setStepping(false);
    a.join();
    b.join();
    QVERIFY(gate.pending().isEmpty());
}

void TestStepGate::cancelWakesWaitersWithFalse()
{
    StepGate gate;
    gate.setStepping(true);
    std::atomic<int> result {-1};
    std::thread a([&] { result = gate.pass(action(1)) ? 1 : 0; });
    QTRY_COMPARE(gate.pending().size(), 1);
    gate.cancel();
    a.join();
    QCOMPARE(result.load(), 0);
}

void TestStepGate::grantedStepsAreRecordedInGrantOrder()
{
    StepGate gate;
    gate.setStepping(true);
    std::thread a([&] { gate.pass(action(1)); });
    std::thread b([&] { gate.pass(action(2)); });
    QTRY_COMPARE(gate.pending().size(), 2);
    QVERIFY(gate.release(2));
    QVERIFY(gate.release(1));
    a.join();
    b.join();
    const Schedule schedule = gate.schedule();
    QCOMPARE(schedule.size(), 2);
    QCOMPARE(schedule.at(0).actor, quint32(2));
    QCOMPARE(schedule.at(1).actor, quint32(1));
    QCOMPARE(schedule.at(0).kind, EventKind::LockAcquired);
    QVERIFY(!schedule.leftStepMode());
    gate.setStepping(false);
    QVERIFY(gate.schedule().leftStepMode());
    QVERIFY(gate.pass(action(3))); // free passages are not recorded
    QCOMPARE(gate.schedule().size(), 2);
}

void TestStepGate::runUntilPassesOthersAndParksTheKind()
{
    StepGate gate;
    gate.setStepping(true);
    PendingAction print = action(1);
    print.kind = EventKind::Print;
    std::thread a([&] {
        gate.pass(print); // parked before run-until: let go by it
        gate.pass(print); // passes without parking
        gate.pass(action(1)); // the lock: parks
    });
    QTRY_COMPARE(gate.pending().size(), 1);
    gate.runUntil(EventKind::LockAcquired);
    QTRY_VERIFY(!gate.isRunningUntil());
    QTRY_COMPARE(gate.pending().size(), 1);
    QCOMPARE(gate.pending().first().kind, EventKind::LockAcquired);
    QCOMPARE(gate.schedule().size(), 2); // both prints
    // Already there: a second run-until for the same kind does not let it go.
    gate.runUntil(EventKind::LockAcquired);
    QVERIFY(!gate.isRunningUntil());
    QCOMPARE(gate.pending().size(), 1);
    QVERIFY(gate.releaseAny());
    a.join();
    QCOMPARE(gate.schedule().size(), 3);
}

QTEST_GUILESS_MAIN(TestStepGate)
#include "tst_stepgate.moc"
