// SPDX-License-Identifier: MIT
#include "core/derived/waitcauses.h"
#include "core/tracebuilder.h"

#include <QTest>

using namespace weft;

class TestWaitCauses : public QObject
{
    Q_OBJECT

private slots:
    void aLockWaitNamesItsHolderAndTheRelease();
    void aJoinIsEndedByTheThreadsEnd();
    void aConditionWaitIsEndedByTheNotify();
    void anIoWaitIsEndedByTheSendItReceives();
    void aWaitCutByTheEndHasNoCause();
    void otherEventsAreNoWaits();
    void onlyTheKindsThatCanHaveACauseHaveOne();
};

namespace {

struct Sample
{
    Trace trace;
    quint32 a = 0, b = 0, c = 0;
    quint32 lock = 0, cond = 0, queue = 0;
    QHash<QString, int> at; // a name for each event of interest -> its index
};

// a holds L 0-30; b waits for it 10-30 (a's release hands it over), then joins c 40-50.
// c waits on a condition 12-20 (a notifies at 20), on queue q 25-35 (a puts at 34),
// and ends at 50. b waits on q again from 60 until the trace ends at 70.
Sample makeSample()
{
    TraceBuilder builder;
    Sample s;
    const quint32 p = builder.addProcess({1, QStringLiteral("p")});
    s.a = builder.addActor({QStringLiteral("a"), 1, p, true, false});
    s.b = builder.addActor({QStringLiteral("b"), 2, p, false, false});
    s.c = builder.addActor({QStringLiteral("c"), 3, p, false, false});
    s.lock = builder.addObject({QStringLiteral("L"), ObjectKind::Lock});
    s.cond = builder.addObject({QStringLiteral("C"), ObjectKind::Condition});
    s.queue = builder.addObject({QStringLiteral("q"), ObjectKind::Channel});
    int next = 0;
    auto add = [&](const char *name, qint64 t, quint32 actor, EventKind kind, quint32 object = 0,
                   qint64 value = 0) {
        builder.addEvent({t, value, actor, object, 0, 0, kind, NoFlags});
        s.at.insert(QLatin1String(name), next++);
    };
    add("a start", 0, s.a, EventKind::ThreadStart);
    add("a acquires", 0, s.a, EventKind::LockAcquired, s.lock);
    add("b start", 5, s.b, EventKind::ThreadStart);
    add("c start", 5, s.c, EventKind::ThreadStart);
    add("b waits", 10, s.b, EventKind::LockWait, s.lock);
    add("c waits on C", 12, s.c, EventKind::CondWait, s.cond);
    add("a notifies", 20, s.a, EventKind::CondNotify, s.cond, 1);
    add("c woken", 20, s.c, EventKind::CondWake, s.cond);
    add("c waits on q", 25, s.c, EventKind::IoWaitBegin, s.queue);
    add("a releases", 30, s.a, EventKind::LockReleased, s.lock);
    add("b acquires", 30, s.b, EventKind::LockAcquired, s.lock);
    add("b releases", 31, s.b, EventKind::LockReleased, s.lock);
    add("a puts", 34, s.a, EventKind::MessageSend, s.queue, 8);
    add("c wait ends", 35, s.c, EventKind::IoWaitEnd, s.queue);
    add("c gets", 35, s.c, EventKind::MessageRecv, s.queue, 8);
    add("b joins", 40, s.b, EventKind::JoinWait, 0, s.c);
    add("c ends", 50, s.c, EventKind::ThreadEnd);
    add("b joined", 50, s.b, EventKind::JoinDone, 0, s.c);
    add("b waits on q", 60, s.b, EventKind::IoWaitBegin, s.queue);
    add("a print", 70, s.a, EventKind::Print);
    s.trace = builder.build();
    return s;
}

} // namespace

void TestWaitCauses::aLockWaitNamesItsHolderAndTheRelease()
{
    const Sample s = makeSample();
    const WaitCauses causes(s.trace);
    for (const char *either : {"b waits", "b acquires"}) { // the wait's begin or its end
        const auto cause = causes.causeOf(s.at.value(QLatin1String(either)));
        QVERIFY2(cause, either);
        QCOMPARE(cause->state, LaneState::BlockedOnLock);
        QCOMPARE(cause->waiter, s.b);
        QCOMPARE(cause->object, s.lock);
        QCOMPARE(cause->startNs, 10);
        QCOMPARE(cause->endNs, 30);
        QVERIFY(cause->ended);
        QCOMPARE(cause->waitEvent, s.at.value(QStringLiteral("b waits")));
        QCOMPARE(cause->endEvent, s.at.value(QStringLiteral("b acquires")));
        QCOMPARE(cause->causeEvent, s.at.value(QStringLiteral("a releases")));
        QCOMPARE(cause->holder, s.a);
        QCOMPARE(cause->holderAcquired, s.at.value(QStringLiteral("a acquires")));
    }
}

void TestWaitCauses::aJoinIsEndedByTheThreadsEnd()
{
    const Sample s = makeSample();
    const auto cause = WaitCauses(s.trace).causeOf(s.at.value(QStringLiteral("b joins")));
    QVERIFY(cause);
    QCOMPARE(cause->state, LaneState::WaitingJoin);
    QCOMPARE(cause->causeEvent, s.at.value(QStringLiteral("c ends")));
    QCOMPARE(cause->holder, quint32(0));
}

void TestWaitCauses::aConditionWaitIsEndedByTheNotify()
{
    const Sample s = makeSample();
    const auto cause = WaitCauses(s.trace).causeOf(s.at.value(QStringLiteral("c woken")));
    QVERIFY(cause);
    QCOMPARE(cause->state, LaneState::WaitingCondition);
    QCOMPARE(cause->causeEvent, s.at.value(QStringLiteral("a notifies")));
}

void TestWaitCauses::anIoWaitIsEndedByTheSendItReceives()
{
    const Sample s = makeSample();
    const auto cause = WaitCauses(s.trace).causeOf(s.at.value(QStringLiteral("c waits on q")));
    QVERIFY(cause);
    QCOMPARE(cause->state, LaneState::WaitingIo);
    QCOMPARE(cause->endEvent, s.at.value(QStringLiteral("c wait ends")));
    QCOMPARE(cause->causeEvent, s.at.value(QStringLiteral("a puts")));
}

void TestWaitCauses::aWaitCutByTheEndHasNoCause()
{
    const Sample s = makeSample();
    const auto cause = WaitCauses(s.trace).causeOf(s.at.value(QStringLiteral("b waits on q")));
    QVERIFY(cause);
    QVERIFY(!cause->ended);
    QCOMPARE(cause->endEvent, -1);
    QCOMPARE(cause->causeEvent, -1);
}

void TestWaitCauses::otherEventsAreNoWaits()
{
    const Sample s = makeSample();
    const WaitCauses causes(s.trace);
    QVERIFY(!causes.causeOf(s.at.value(QStringLiteral("a print"))));
    QVERIFY(!causes.causeOf(s.at.value(QStringLiteral("a puts"))));
    QVERIFY(!causes.causeOf(-1));
    QVERIFY(!causes.causeOf(int(s.trace.events().size())));
}

void TestWaitCauses::onlyTheKindsThatCanHaveACauseHaveOne()
{
    // canHaveCause lets the details panel skip the derivation: it must never
    // say no for an event that has a cause.
    const Sample s = makeSample();
    const WaitCauses causes(s.trace);
    int withCause = 0;
    for (int i = 0; i < int(s.trace.events().size()); ++i) {
        if (!causes.causeOf(i))
            continue;
        ++withCause;
        QVERIFY2(WaitCauses::canHaveCause(s.trace.events()[std::size_t(i)].kind),
                 eventKindName(s.trace.events()[std::size_t(i)].kind));
    }
    QVERIFY(withCause >= 8); // every kind of wait, begun and ended
    QVERIFY(!WaitCauses::canHaveCause(EventKind::Print));
    QVERIFY(!WaitCauses::canHaveCause(EventKind::ThreadEnd));
}

QTEST_GUILESS_MAIN(TestWaitCauses)
#include "tst_waitcauses.moc"
