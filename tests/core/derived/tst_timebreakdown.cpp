// SPDX-License-Identifier: MIT
#include "core/derived/timebreakdown.h"
#include "core/tracebuilder.h"

#include <QTest>
#include <numeric>

using namespace weft;

class TestTimeBreakdown : public QObject
{
    Q_OBJECT

private slots:
    void eachStateGetsItsTime();
    void statesAddUpToTheLanesLife();
    void aRangeCountsOnlyWhatFallsInIt();
    void blockedTimeIsSplitPerLock();
    void processesSumTheirLanes();
};

namespace {

struct Sample
{
    Trace trace;
    quint32 main = 0, worker = 0, daemon = 0;
    quint32 lock = 0, gil = 0;
    quint32 process = 0;
};

// main: 0-100; sleeps 10-20, blocked on L 30-40, on the GIL 42-44, joins worker
// 50-60, waits on I/O 70-80, on a condition 85-90; its process exits at 100.
// worker: 20-60, running all along (holding a lock is running).
// daemon: from 5, killed by the exit at 100.
Sample makeSample()
{
    TraceBuilder b;
    Sample s;
    s.process = b.addProcess({1000, QStringLiteral("p")});
    s.main = b.addActor({QStringLiteral("main"), 1, s.process, true, false});
    s.worker = b.addActor({QStringLiteral("worker"), 2, s.process, false, false});
    s.daemon = b.addActor({QStringLiteral("daemon"), 3, s.process, false, true});
    s.lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    s.gil = b.addObject({QStringLiteral("GIL"), ObjectKind::Lock});
    const quint32 socket = b.addObject({QStringLiteral("S"), ObjectKind::Socket});
    const quint32 cond = b.addObject({QStringLiteral("C"), ObjectKind::Condition});
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
    add(39, s.worker, EventKind::LockReleased, s.lock);
    add(40, s.main, EventKind::LockAcquired, s.lock);
    add(41, s.main, EventKind::LockReleased, s.lock);
    add(42, s.main, EventKind::LockWait, s.gil);
    add(44, s.main, EventKind::LockAcquired, s.gil);
    add(45, s.main, EventKind::LockReleased, s.gil);
    add(50, s.main, EventKind::JoinWait, 0, s.worker);
    add(60, s.worker, EventKind::ThreadEnd);
    add(60, s.main, EventKind::JoinDone, 0, s.worker);
    add(70, s.main, EventKind::IoWaitBegin, socket);
    add(80, s.main, EventKind::IoWaitEnd, socket);
    add(85, s.main, EventKind::CondWait, cond);
    add(90, s.main, EventKind::CondWake, cond);
    add(100, s.main, EventKind::ProcessExit);
    s.trace = b.build();
    return s;
}

const LaneTime &laneOf(const TimeBreakdown &breakdown, quint32 actor)
{
    for (const LaneTime &lane : breakdown.lanes()) {
        if (lane.actor == actor)
            return lane;
    }
    static const LaneTime none;
    return none;
}

TimeBreakdown wholeRun(const Trace &trace)
{
    const TraceStates states(trace, trace.endNs());
    return TimeBreakdown(trace, states, trace.startNs(), trace.endNs());
}

} // namespace

void TestTimeBreakdown::eachStateGetsItsTime()
{
    const Sample s = makeSample();
    const TimeBreakdown breakdown = wholeRun(s.trace);
    const LaneTime &main = laneOf(breakdown, s.main);
    QCOMPARE(main.actor, s.main);
    QCOMPARE(main.livedNs, 100);
    QCOMPARE(main.in(LaneState::Sleeping), 10);
    QCOMPARE(main.in(LaneState::BlockedOnLock), 12);
    QCOMPARE(main.in(LaneState::WaitingJoin), 10);
    QCOMPARE(main.in(LaneState::WaitingIo), 10);
    QCOMPARE(main.in(LaneState::WaitingCondition), 5);
    QCOMPARE(main.in(LaneState::Running), 53);
    QCOMPARE(main.in(LaneState::Finished), 0);

    const LaneTime &worker = laneOf(breakdown, s.worker);
    QCOMPARE(worker.livedNs, 40); // not the time after its end
    QCOMPARE(worker.in(LaneState::Running), 40);
    const LaneTime &daemon = laneOf(breakdown, s.daemon);
    QCOMPARE(daemon.livedNs, 95); // killed by its process's exit
}

void TestTimeBreakdown::statesAddUpToTheLanesLife()
{
    const Sample s = makeSample();
    const TimeBreakdown breakdown = wholeRun(s.trace);
    QCOMPARE(breakdown.lanes().size(), std::size_t(3));
    for (const LaneTime &lane : breakdown.lanes()) {
        const qint64 sum = std::accumulate(lane.inState.begin(), lane.inState.end(), qint64(0));
        QCOMPARE(sum, lane.livedNs);
        qint64 blocked = 0;
        for (const auto &entry : lane.blockedOn)
            blocked += entry.second;
        QCOMPARE(blocked, lane.in(LaneState::BlockedOnLock));
    }
}

void TestTimeBreakdown::aRangeCountsOnlyWhatFallsInIt()
{
    const Sample s = makeSample();
    const TraceStates states(s.trace, s.trace.endNs());
    const TimeBreakdown breakdown(s.trace, states, 35, 55);
    const LaneTime &main = laneOf(breakdown, s.main);
    QCOMPARE(main.livedNs, 20);
    QCOMPARE(main.in(LaneState::BlockedOnLock), 7); // 35-40 on L, 42-44 on the GIL
    QCOMPARE(main.in(LaneState::WaitingJoin), 5); // 50-55
    QCOMPARE(main.in(LaneState::Running), 8);
    QCOMPARE(main.in(LaneState::Sleeping), 0);
    QCOMPARE(breakdown.fromNs(), 35);
    QCOMPARE(breakdown.toNs(), 55);

    const TimeBreakdown empty(s.trace, states, 200, 300); // after the run
    for (const LaneTime &lane : empty.lanes())
        QCOMPARE(lane.livedNs, 0);
}

void TestTimeBreakdown::blockedTimeIsSplitPerLock()
{
    const Sample s = makeSample();
    const TimeBreakdown breakdown = wholeRun(s.trace);
    const LaneTime &main = laneOf(breakdown, s.main);
    QCOMPARE(main.blockedOnLock(s.lock), 10);
    QCOMPARE(main.blockedOnLock(s.gil), 2); // waiting for the GIL is its own entry
    QCOMPARE(main.blockedOn.size(), std::size_t(2));
    QCOMPARE(laneOf(breakdown, s.worker).blockedOnLock(s.lock), 0);
}

void TestTimeBreakdown::processesSumTheirLanes()
{
    const Sample s = makeSample();
    const TimeBreakdown breakdown = wholeRun(s.trace);
    const std::vector<LaneTime> processes = breakdown.processes();
    QCOMPARE(processes.size(), std::size_t(1));
    const LaneTime &p = processes.front();
    QCOMPARE(p.process, s.process);
    QCOMPARE(p.actor, quint32(0));
    QCOMPARE(p.livedNs, 100 + 40 + 95);
    QCOMPARE(p.in(LaneState::Running), 53 + 40 + 95);
    QCOMPARE(p.blockedOnLock(s.lock), 10);
    QCOMPARE(p.blockedOnLock(s.gil), 2);
}

QTEST_GUILESS_MAIN(TestTimeBreakdown)
#include "tst_timebreakdown.moc"
