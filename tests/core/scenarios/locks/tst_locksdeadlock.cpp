// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestLocksDeadlock : public QObject
{
    Q_OBJECT
private slots:
    void oppositeOrdersDeadlockAndTheCycleIsNamed();
    void fixedOrderCompletes();
};

void TestLocksDeadlock::oppositeOrdersDeadlockAndTheCycleIsNamed()
{
    const auto scenario = makeLocksDeadlockScenario();
    const Trace trace = runWith(*scenario, {"hold_ms=20"}); // returns: no hang
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Deadlocked);
    QVERIFY2(outcome.summary.contains(QStringLiteral("T1 waits for L2 held by T2")),
             qPrintable(outcome.summary));
    QVERIFY2(outcome.summary.contains(QStringLiteral("T2 waits for L1 held by T1")),
             qPrintable(outcome.summary));

    const quint32 t1 = trace.findActor(QStringLiteral("T1"));
    const quint32 t2 = trace.findActor(QStringLiteral("T2"));
    const quint32 l1 = trace.findObject(QStringLiteral("L1"));
    const quint32 l2 = trace.findObject(QStringLiteral("L2"));
    QVERIFY(t1 && t2 && l1 && l2);
    // Both members are marked on their lanes, each pointing at the lock it
    // waits for, and each waits for that lock in the events (LockWait).
    QSet<QPair<quint32, quint32>> marked;
    for (const Event &e : trace.eventsOfKind(EventKind::Mark)) {
        if (e.isAbnormal())
            marked.insert({e.actor, e.object});
    }
    QCOMPARE(marked, (QSet<QPair<quint32, quint32>> {{t1, l2}, {t2, l1}}));
    QSet<QPair<quint32, quint32>> waits;
    for (const Event &e : trace.eventsOfKind(EventKind::LockWait))
        waits.insert({e.actor, e.object});
    QVERIFY(waits.contains({t1, l2}));
    QVERIFY(waits.contains({t2, l1}));
    // Each held its first lock, and the run left nothing held.
    QCOMPARE(trace.eventsOfKind(EventKind::LockAcquired).size(), std::size_t(2));
    QCOMPARE(trace.eventsOfKind(EventKind::LockReleased).size(), std::size_t(2));
}

void TestLocksDeadlock::fixedOrderCompletes()
{
    const auto scenario = makeLocksDeadlockScenario();
    const Trace trace = runWith(*scenario, {"fixed_order=true", "hold_ms=20"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    // Both threads took both locks; the lock bands never overlap.
    QCOMPARE(trace.eventsOfKind(EventKind::LockAcquired).size(), std::size_t(4));
    QHash<quint32, quint32> owner;
    for (const Event &e : trace.events()) {
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(owner.value(e.object), 0u);
            owner[e.object] = e.actor;
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(owner.value(e.object), e.actor);
            owner[e.object] = 0;
        }
    }
}

QTEST_GUILESS_MAIN(TestLocksDeadlock)
#include "tst_locksdeadlock.moc"
