// SPDX-License-Identifier: MIT
#include "core/derived/tracestates.h"
#include "core/tracebuilder.h"

#include <QTest>

using namespace weft;

class TestTraceStates : public QObject
{
    Q_OBJECT

private slots:
    void statesFollowTheEventsThatSayThem();
    void spansAreContiguousAndReachTheEnd();
    void aThreadEndFinishesTheLane();
    void aProcessExitKillsItsRunningThreads();
    void lockHoldsSayWhetherTheyWereReleased();
    void aWaitOnAHeldLockNamesItsHolder();
    void aLiveRunReachesNow();
    void lanesOfSlicesOnlyDoNotClaimStates();
};

namespace {

struct Sample
{
    Trace trace;
    quint32 main = 0, worker = 0, daemon = 0, other = 0;
    quint32 lock = 0, socket = 0, cond = 0;
};

// main: starts at 0, sleeps 10-20, blocks on L 30-40 (worker holds it 25-45), joins
// worker 50-60, waits on I/O 70-80, on a condition 85-90, exits its process at 100.
// worker: 20-60, holds L 25-45 and L again from 55 until it ends at 60.
// daemon (same process): from 5, never ends: killed by the exit at 100.
// other (another process): one print at 50.
Sample makeSample()
{
    TraceBuilder b;
    Sample s;
    const quint32 p1 = b.addProcess({1000, QStringLiteral("p")});
    const quint32 p2 = b.addProcess({2000, QStringLiteral("q")});
    s.main = b.addActor({QStringLiteral("main"), 1, p1, true, false});
    s.worker = b.addActor({QStringLiteral("worker"), 2, p1, false, false});
    s.daemon = b.addActor({QStringLiteral("daemon"), 3, p1, false, true});
    s.other = b.addActor({QStringLiteral("other"), 4, p2, true, false});
    s.lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    s.socket = b.addObject({QStringLiteral("S"), ObjectKind::Socket});
    s.cond = b.addObject({QStringLiteral("C"), ObjectKind::Condition});
    auto add = [&](qint64 t, quint32 actor, EventKind kind, quint32 object = 0, qint64 value = 0) {
        b.addEvent({t, value, actor, object, 0, 0, kind, NoFlags});
    };
    add(0, s.main, EventKind::ThreadStart);
    add(5, s.daemon, EventKind::ThreadStart);
    add(10, s.main, EventKind::SleepBegin);
    add(20, s.main, EventKind::SleepEnd);
    add(20, s.worker, EventKind::ThreadStart);
    add(25, s.worker, EventKind::LockAcquired, s.lock);
    add(30, s.main, EventKind::LockWait, s.lock);
    add(40, s.main, EventKind::LockAcquired,
        s.lock); // no release by worker first: still "holds" until 45
    add(45, s.worker, EventKind::LockReleased, s.lock);
    add(46, s.main, EventKind::LockReleased, s.lock);
    add(50, s.main, EventKind::JoinWait, 0, s.worker);
    add(50, s.other, EventKind::Print);
    add(55, s.worker, EventKind::LockAcquired, s.lock);
    add(60, s.worker, EventKind::ThreadEnd);
    add(60, s.main, EventKind::JoinDone, 0, s.worker);
    add(70, s.main, EventKind::IoWaitBegin, s.socket);
    add(80, s.main, EventKind::IoWaitEnd, s.socket);
    add(85, s.main, EventKind::CondWait, s.cond);
    add(90, s.main, EventKind::CondWake, s.cond);
    add(100, s.main, EventKind::ProcessExit);
    s.trace = b.build();
    return s;
}

std::vector<LaneState> statesOf(const TraceStates::Lane &lane)
{
    std::vector<LaneState> states;
    for (const StateSpan &span : lane.spans)
        states.push_back(span.state);
    return states;
}

} // namespace

void TestTraceStates::statesFollowTheEventsThatSayThem()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    const TraceStates::Lane &main = states.lanes()[s.main];
    const std::vector<LaneState> expected {
        LaneState::Running,          LaneState::Sleeping,  LaneState::Running,
        LaneState::BlockedOnLock,    LaneState::Running,   LaneState::WaitingJoin,
        LaneState::Running,          LaneState::WaitingIo, LaneState::Running,
        LaneState::WaitingCondition, LaneState::Running};
    // Its exit is the trace's last event: "finished" would last no time.
    QCOMPARE(statesOf(main), expected);
    QCOMPARE(main.spans[3].object, s.lock);
    QCOMPARE(main.spans[5].object, s.worker); // a join names the joined thread
    QCOMPARE(main.spans[7].object, s.socket);
    QCOMPARE(main.spans[9].object, s.cond);
    // Each span begins at the event that began it.
    for (const StateSpan &span : main.spans)
        QCOMPARE(s.trace.events()[std::size_t(span.eventIndex)].timeNs, span.startNs);
}

void TestTraceStates::spansAreContiguousAndReachTheEnd()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    for (quint32 actor : {s.main, s.worker, s.daemon, s.other}) {
        const TraceStates::Lane &lane = states.lanes()[actor];
        QCOMPARE(lane.actor, actor);
        QVERIFY(!lane.spans.empty());
        QCOMPARE(lane.spans.front().startNs, lane.startNs);
        QCOMPARE(lane.spans.back().endNs, s.trace.endNs());
        for (std::size_t i = 1; i < lane.spans.size(); ++i)
            QCOMPARE(lane.spans[i - 1].endNs, lane.spans[i].startNs);
    }
}

void TestTraceStates::aThreadEndFinishesTheLane()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    const TraceStates::Lane &worker = states.lanes()[s.worker];
    QVERIFY(worker.finished);
    QVERIFY(!worker.killed);
    QCOMPARE(worker.endNs, qint64(60));
    QCOMPARE(worker.spans.back().state, LaneState::Finished);
    QCOMPARE(worker.spans.back().startNs, qint64(60));
}

void TestTraceStates::aProcessExitKillsItsRunningThreads()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    const TraceStates::Lane &daemon = states.lanes()[s.daemon];
    QVERIFY(daemon.killed);
    QVERIFY(daemon.finished);
    QCOMPARE(daemon.killedNs, qint64(100));
    QCOMPARE(s.trace.events()[std::size_t(daemon.killedBy)].kind, EventKind::ProcessExit);
    QCOMPARE(daemon.endNs, qint64(100));
    // Threads of another process live on; the exit's own lane ends, not killed.
    QVERIFY(!states.lanes()[s.other].finished);
    QCOMPARE(states.lanes()[s.other].endNs, s.trace.endNs());
    QVERIFY(!states.lanes()[s.main].killed);
    QVERIFY(!states.lanes()[s.worker].killed); // it had ended already
}

void TestTraceStates::lockHoldsSayWhetherTheyWereReleased()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    const auto &holds = states.lanes()[s.worker].locks;
    QCOMPARE(holds.size(), std::size_t(2));
    QCOMPARE(holds[0].startNs, qint64(25));
    QCOMPARE(holds[0].endNs, qint64(45));
    QVERIFY(holds[0].released);
    // Still held when the worker ended: the hold ends with it.
    QCOMPARE(holds[1].startNs, qint64(55));
    QCOMPARE(holds[1].endNs, qint64(60));
    QVERIFY(!holds[1].released);
}

void TestTraceStates::aWaitOnAHeldLockNamesItsHolder()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    QCOMPARE(states.lockWaits().size(), std::size_t(1));
    const LockWaitEdge &wait = states.lockWaits().front();
    QCOMPARE(wait.timeNs, qint64(30));
    QCOMPARE(wait.holder, s.worker);
    QCOMPARE(s.trace.events()[std::size_t(wait.event)].actor, s.main);
}

void TestTraceStates::aLiveRunReachesNow()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, 500);
    QCOMPARE(states.lanes()[s.other].spans.back().endNs, qint64(500));
    QCOMPARE(states.lanes()[s.other].endNs, qint64(500));
    QCOMPARE(states.lanes()[s.worker].endNs, qint64(60)); // ended lanes keep their end
}

void TestTraceStates::lanesOfSlicesOnlyDoNotClaimStates()
{
    TraceBuilder b;
    const quint32 actor = b.addActor({QStringLiteral("clang"), 1, 0, true, false});
    const quint32 name = b.intern(QStringLiteral("Frontend"));
    b.addEvent({0, 0, actor, 0, name, 0, EventKind::SpanBegin, NoFlags});
    b.addEvent({10, 0, actor, 0, name, 0, EventKind::SpanEnd, NoFlags});
    const Trace trace = b.build();
    const TraceStates states(trace, trace.endNs());
    QVERIFY(!states.lanes()[actor].statesKnown);
    QCOMPARE(states.lanes()[actor].startNs, qint64(0));
}

QTEST_GUILESS_MAIN(TestTraceStates)
#include "tst_tracestates.moc"
