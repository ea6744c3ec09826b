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
    std::atomic<int> progressed{0};
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
    QTRY_COMPARE(progressed.load(), 1);
    t.join();
    QVERIFY(gate.pending().isEmpty());
}

void TestStepGate::releaseAnyPicksEarliestArrival()
{
    StepGate gate;
    gate.setStepping(true);
    std::atomic<int> first{0};
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
    std::atomic<int> result{-1};
    std::thread a([&] { result = gate.pass(action(1)) ? 1 : 0; });
    QTRY_COMPARE(gate.pending().size(), 1);
    gate.cancel();
    a.join();
    QCOMPARE(result.load(), 0);
}

QTEST_GUILESS_MAIN(TestStepGate)
#include "tst_stepgate.moc"
