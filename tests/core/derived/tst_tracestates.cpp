// SPDX-License-Identifier: MIT
#include "core/derived/tracestates.h"
#include "core/tracebuilder.h"
#include "tests/common/liveseries.h"

#include <QRandomGenerator>
#include <QTest>
#include <tuple>

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
    void theTracesOwnStatesAreDerivedOnceForAllItsCopies();
    void lanesOfSlicesOnlyDoNotClaimStates();
    void aChildProcessIsStartingUntilItsProgramRuns();
    void aForkedChildIsStartingUntilItLeavesTheStartingLine();
    void aThreadAtItsStepGateIsPausedUntilItsNextEvent();
    void extendingALiveSeriesDerivesWhatTheWholeDoes_data();
    void extendingALiveSeriesDerivesWhatTheWholeDoes();
    void movingTheEndDerivesWhatTheLaterEndDoes();
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

void TestTraceStates::theTracesOwnStatesAreDerivedOnceForAllItsCopies()
{
    const Sample s = makeSample();
    const Trace copy = s.trace; // NOLINT(performance-unnecessary-copy-initialization)
    const std::shared_ptr<const TraceStates> shared = TraceStates::of(s.trace);
    QCOMPARE(TraceStates::of(copy).get(), shared.get());
    // ... to the trace's own end, as a derivation of its own would say.
    const TraceStates own(s.trace, s.trace.endNs());
    QCOMPARE(shared->lanes().size(), own.lanes().size());
    for (std::size_t a = 0; a < own.lanes().size(); ++a) {
        QCOMPARE(shared->lanes()[a].spans.size(), own.lanes()[a].spans.size());
        QCOMPARE(shared->lanes()[a].endNs, own.lanes()[a].endNs);
    }
    QCOMPARE(shared->lockWaits().size(), own.lockWaits().size());
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

namespace {

// A parent (main, line 10 starts the child) and a child process's main lane:
// ProcessStart at 10 (site `startSite`), then the events `child` lists.
struct ChildTrace
{
    Trace trace;
    quint32 main = 0, child = 0, lock = 0;
};

ChildTrace childTrace(quint16 startSite,
                      const std::vector<std::tuple<qint64, EventKind, quint16>> &childEvents)
{
    TraceBuilder b;
    ChildTrace c;
    const quint32 p1 = b.addProcess({1000, QStringLiteral("parent")});
    const quint32 p2 = b.addProcess({2000, QStringLiteral("child")});
    c.main = b.addActor({QStringLiteral("main"), 1, p1, true, false});
    c.child = b.addActor({QStringLiteral("MainThread"), 2, p2, true, false});
    c.lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    const quint16 parentLine = b.addSite({QStringLiteral("parent.py"), 10});
    b.addSite({QStringLiteral("child.py"), 20});
    b.addSite({QStringLiteral("child.py"), 21});
    b.addEvent({0, 0, c.main, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({10, 2000, c.child, 0, 0, startSite ? parentLine : quint16(0),
                EventKind::ProcessStart, NoFlags});
    for (const auto &[t, kind, site] : childEvents)
        b.addEvent(
            {t, 0, c.child, kind == EventKind::ThreadStart ? 0 : c.lock, 0, site, kind, Imported});
    b.addEvent({200, 0, c.main, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    c.trace = b.build();
    return c;
}

} // namespace

void TestTraceStates::aChildProcessIsStartingUntilItsProgramRuns()
{
    // A C++ worker: the executable loads (no events), announces its main thread
    // without a site at 60, and runs the program's first line (site 2) at 80.
    const ChildTrace c = childTrace(1,
                                    {{60, EventKind::ThreadStart, 0},
                                     {80, EventKind::SleepBegin, 2},
                                     {90, EventKind::SleepEnd, 2},
                                     {120, EventKind::ThreadEnd, 0}});
    const TraceStates states(c.trace, c.trace.endNs());
    const TraceStates::Lane &child = states.lanes()[c.child];
    const std::vector<LaneState> expected {LaneState::Starting, LaneState::Sleeping,
                                           LaneState::Running, LaneState::Finished};
    QCOMPARE(statesOf(child), expected);
    QCOMPARE(child.spans[0].startNs, 10);
    QCOMPARE(child.spans[0].endNs, 80);
    // The parent, which no ProcessStart began, never starts.
    QCOMPARE(statesOf(states.lanes()[c.main]).front(), LaneState::Running);
}

void TestTraceStates::aForkedChildIsStartingUntilItLeavesTheStartingLine()
{
    // A forked Python child: multiprocessing's bootstrap takes a lock (attributed
    // to the parent's p.start() line, the ProcessStart's site 1, and waits for it
    // honestly), then the target's first line (site 3) runs at 70.
    const ChildTrace c = childTrace(1,
                                    {{30, EventKind::LockWait, 1},
                                     {40, EventKind::LockAcquired, 1},
                                     {50, EventKind::LockReleased, 1},
                                     {70, EventKind::LockAcquired, 3},
                                     {100, EventKind::LockReleased, 3}});
    const TraceStates states(c.trace, c.trace.endNs());
    const std::vector<LaneState> expected {LaneState::Starting, LaneState::BlockedOnLock,
                                           LaneState::Starting, LaneState::Running};
    const TraceStates::Lane &child = states.lanes()[c.child];
    QCOMPARE(statesOf(child), expected);
    QCOMPARE(child.spans[2].startNs, 40);
    QCOMPARE(child.spans[3].startNs, 70);
    // A child with no event of the program's own is starting to its end, never "running".
    const ChildTrace silent = childTrace(0, {{60, EventKind::ThreadStart, 0}});
    const TraceStates silentStates(silent.trace, silent.trace.endNs());
    QCOMPARE(statesOf(silentStates.lanes()[silent.child]),
             std::vector<LaneState> {LaneState::Starting});
}

void TestTraceStates::aThreadAtItsStepGateIsPausedUntilItsNextEvent()
{
    TraceBuilder b;
    const quint32 p = b.addProcess({1000, QStringLiteral("p")});
    const quint32 t = b.addActor({QStringLiteral("T1"), 1, p, true, false});
    const quint32 lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    auto add = [&](qint64 time, EventKind kind, quint32 object = 0, qint64 value = 0) {
        b.addEvent({time, value, t, object, 0, 0, kind, NoFlags});
    };
    add(0, EventKind::ThreadStart);
    add(10, EventKind::StepWait, lock, qint64(EventKind::LockAcquired));
    add(50, EventKind::LockAcquired, lock); // the user let it take L
    add(60, EventKind::StepWait, lock, qint64(EventKind::LockReleased));
    add(70, EventKind::LockReleased, lock);
    add(80, EventKind::StepWait);
    add(90, EventKind::Print); // a step that changes no state still ends the pause
    const Trace trace = b.build();
    const TraceStates states(trace, 100);
    const auto &spans = states.lanes()[t].spans;
    using Row = std::tuple<qint64, qint64, LaneState, quint32>;
    std::vector<Row> got;
    got.reserve(spans.size());
    for (const StateSpan &span : spans)
        got.emplace_back(span.startNs, span.endNs, span.state, span.object);
    const std::vector<Row> want {
        {0, 10, LaneState::Running, 0},   {10, 50, LaneState::Paused, lock},
        {50, 60, LaneState::Running, 0},  {60, 70, LaneState::Paused, lock},
        {70, 80, LaneState::Running, 0},  {80, 90, LaneState::Paused, 0},
        {90, 100, LaneState::Running, 0},
    };
    QCOMPARE(got, want);
    // The hold is the program's: a pause inside it does not cut it.
    QCOMPARE(states.lanes()[t].locks.size(), std::size_t(1));
    QCOMPARE(states.lanes()[t].locks[0].endNs, 70);
}

namespace {

// Many lanes taking and releasing three locks (nested, and held at the end),
// sleeping, waiting and ending, some of their process's threads killed by
// its exit: in an order from a fixed seed, so every run checks the same.
Trace randomTrace(quint32 seed, int eventCount)
{
    QRandomGenerator random(seed);
    TraceBuilder b;
    const quint32 p1 = b.addProcess({1000, QStringLiteral("p")});
    const quint32 p2 = b.addProcess({2000, QStringLiteral("q")});
    std::vector<quint32> actors;
    actors.reserve(6);
    for (int a = 0; a < 6; ++a)
        actors.push_back(b.addActor(
            {QStringLiteral("t%1").arg(a), qint64(a + 1), a < 4 ? p1 : p2, a == 0, a == 3}));
    std::vector<quint32> locks;
    locks.reserve(3);
    for (int l = 0; l < 3; ++l)
        locks.push_back(b.addObject({QStringLiteral("L%1").arg(l), ObjectKind::Lock}));
    const EventKind kinds[]
        = {EventKind::ThreadStart,  EventKind::SleepBegin,   EventKind::SleepEnd,
           EventKind::LockWait,     EventKind::LockAcquired, EventKind::LockReleased,
           EventKind::LockAcquired, EventKind::LockReleased, EventKind::JoinWait,
           EventKind::JoinDone,     EventKind::IoWaitBegin,  EventKind::IoWaitEnd,
           EventKind::StepWait,     EventKind::Print,        EventKind::ThreadEnd,
           EventKind::ProcessExit};
    qint64 t = 0;
    for (int i = 0; i < eventCount; ++i) {
        t += random.bounded(3); // equal times too
        // Lanes join in turn, as a run starts its threads.
        const quint32 actor
            = actors[std::size_t(random.bounded(std::min(int(actors.size()), 1 + i / 8)))];
        EventKind kind = kinds[random.bounded(int(std::size(kinds)))];
        if ((kind == EventKind::ProcessExit || kind == EventKind::ThreadEnd)
            && random.bounded(8) != 0)
            kind = EventKind::Print; // ends are rare
        const quint32 lock = locks[std::size_t(random.bounded(int(locks.size())))];
        b.addEvent({t, qint64(actors[std::size_t(random.bounded(int(actors.size())))]), actor, lock,
                    0, 0, kind, NoFlags});
    }
    return b.buildInTimeOrder();
}

bool sameSpan(const StateSpan &a, const StateSpan &b)
{
    return std::tie(a.startNs, a.endNs, a.state, a.ended, a.object, a.eventIndex, a.endEvent)
        == std::tie(b.startNs, b.endNs, b.state, b.ended, b.object, b.eventIndex, b.endEvent);
}

// Empty when both derivations say the same; else what differs first.
QString differenceBetween(const TraceStates &got, const TraceStates &want)
{
    if (got.lanes().size() != want.lanes().size())
        return QStringLiteral("%1 lanes, not %2").arg(got.lanes().size()).arg(want.lanes().size());
    for (std::size_t a = 0; a < want.lanes().size(); ++a) {
        const TraceStates::Lane &g = got.lanes()[a], &w = want.lanes()[a];
        const QString lane = QStringLiteral("lane %1: ").arg(a);
        if (std::tie(g.actor, g.startNs, g.endNs, g.lastEventNs, g.finished, g.killed, g.killedNs,
                     g.killedBy, g.statesKnown, g.hasOpen, g.lastSpanOpen)
            != std::tie(w.actor, w.startNs, w.endNs, w.lastEventNs, w.finished, w.killed,
                        w.killedNs, w.killedBy, w.statesKnown, w.hasOpen, w.lastSpanOpen))
            return lane + QStringLiteral("life or end differs");
        if (g.hasOpen && !sameSpan(g.open, w.open))
            return lane + QStringLiteral("open state differs");
        if (g.spans.size() != w.spans.size())
            return lane
                + QStringLiteral("%1 spans, not %2").arg(g.spans.size()).arg(w.spans.size());
        for (std::size_t i = 0; i < w.spans.size(); ++i)
            if (!sameSpan(g.spans[i], w.spans[i]))
                return lane + QStringLiteral("span %1 differs").arg(i);
        if (g.locks.size() != w.locks.size())
            return lane
                + QStringLiteral("%1 locks, not %2").arg(g.locks.size()).arg(w.locks.size());
        for (std::size_t i = 0; i < w.locks.size(); ++i) {
            const LockBand &x = g.locks[i], &y = w.locks[i];
            if (std::tie(x.startNs, x.endNs, x.lock, x.eventIndex, x.releaseEvent, x.released,
                         x.heldAtEnd)
                != std::tie(y.startNs, y.endNs, y.lock, y.eventIndex, y.releaseEvent, y.released,
                            y.heldAtEnd))
                return lane + QStringLiteral("lock band %1 differs").arg(i);
        }
    }
    if (got.lockWaits().size() != want.lockWaits().size())
        return QStringLiteral("%1 lock waits, not %2")
            .arg(got.lockWaits().size())
            .arg(want.lockWaits().size());
    for (std::size_t i = 0; i < want.lockWaits().size(); ++i) {
        const LockWaitEdge &x = got.lockWaits()[i], &y = want.lockWaits()[i];
        if (std::tie(x.timeNs, x.event, x.holder) != std::tie(y.timeNs, y.event, y.holder))
            return QStringLiteral("lock wait %1 differs").arg(i);
    }
    return {};
}

} // namespace

void TestTraceStates::extendingALiveSeriesDerivesWhatTheWholeDoes_data()
{
    QTest::addColumn<Trace>("full");
    QTest::newRow("sample") << makeSample().trace;
    QTest::newRow("child process") << childTrace(1,
                                                 {{30, EventKind::LockWait, 1},
                                                  {40, EventKind::LockAcquired, 1},
                                                  {50, EventKind::LockReleased, 1},
                                                  {70, EventKind::LockAcquired, 3},
                                                  {100, EventKind::LockReleased, 3}})
                                          .trace;
    for (quint32 seed = 1; seed <= 4; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("random %1").arg(seed))) << randomTrace(seed, 400);
}

void TestTraceStates::extendingALiveSeriesDerivesWhatTheWholeDoes()
{
    QFETCH(Trace, full);
    const std::size_t n = full.events().size();
    // Cut after every event, one snapshot after another, and in a few big
    // steps (a snapshot skipped, as the live model extends the one before last).
    std::vector<std::size_t> everyEvent;
    for (std::size_t k = 1; k < n; ++k)
        everyEvent.push_back(k);
    for (const std::vector<std::size_t> &cuts :
         {everyEvent, std::vector<std::size_t> {n / 3, n / 2, n - 1}}) {
        const std::vector<Trace> series = testsupport::liveSeries(full, cuts);
        // "Now" a little after each snapshot's last event, as a live poll's.
        const auto nowOf = [](const Trace &t) {
            return t.endNs() + 7;
        };
        TraceStates extended(series.front(), nowOf(series.front()));
        for (std::size_t s = 1; s < series.size(); ++s) {
            QCOMPARE(extended.eventsWalked(), series[s - 1].events().size());
            extended.extend(series[s], nowOf(series[s]));
            const TraceStates whole(series[s], nowOf(series[s]));
            const QString difference = differenceBetween(extended, whole);
            if (!difference.isEmpty())
                QFAIL(qPrintable(QStringLiteral("after %1 events: %2")
                                     .arg(series[s].events().size())
                                     .arg(difference)));
        }
    }
}

void TestTraceStates::movingTheEndDerivesWhatTheLaterEndDoes()
{
    for (quint32 seed = 1; seed <= 4; ++seed) {
        const Trace trace = randomTrace(seed, 300);
        TraceStates moved(trace, trace.endNs() + 5);
        // Held bands and open spans stretch; an end at the last event opens none.
        for (const qint64 later : {trace.endNs() + 50, trace.endNs(), trace.endNs() + 9}) {
            moved.moveEnd(later);
            QCOMPARE(differenceBetween(moved, TraceStates(trace, later)), QString());
        }
    }
}

QTEST_GUILESS_MAIN(TestTraceStates)
#include "tst_tracestates.moc"
