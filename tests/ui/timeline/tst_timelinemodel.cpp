// SPDX-License-Identifier: MIT
#include "core/derived/tracearrows.h"
#include "core/scenarios/gil/gilscenarios.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "core/scenarios/sockets/socketscenarios.h"
#include "core/scenarios/sync/syncscenarios.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "core/tracebuilder.h"
#include "tests/common/deadlocktrace.h"
#include "tests/common/liveseries.h"
#include "tests/common/sampletrace.h"
#include "tests/common/scenariorun.h"
#include "ui/timeline/timelinemodel.h"

#include <QTest>
#include <algorithm>
#include <tuple>

using namespace weft;
using namespace weft::ui;
using testsupport::prefixOf;

Q_DECLARE_METATYPE(weft::ui::LaneState)
Q_DECLARE_METATYPE(weft::ui::FlowKind)

namespace {

// Everything the passes and tooltips read, field by field.
void compareModels(const TimelineModel &live, const TimelineModel &fresh)
{
    QCOMPARE(live.startNs(), fresh.startNs());
    QCOMPARE(live.endNs(), fresh.endNs());
    QCOMPARE(live.lanes().size(), fresh.lanes().size());
    QCOMPARE(live.groups().size(), fresh.groups().size());
    for (std::size_t g = 0; g < live.groups().size(); ++g) {
        const LaneGroup &a = live.groups()[g], &b = fresh.groups()[g];
        QCOMPARE(std::tuple(a.process, a.label, a.firstLane, a.laneCount),
                 std::tuple(b.process, b.label, b.firstLane, b.laneCount));
    }
    const auto spanKey = [](const StateSpan &s) {
        return std::tuple(s.startNs, s.endNs, s.state, s.ended, s.object, s.eventIndex, s.endEvent);
    };
    const auto bandKey = [](const LockBand &b) {
        return std::tuple(b.startNs, b.endNs, b.lock, b.eventIndex, b.releaseEvent, b.released);
    };
    for (std::size_t l = 0; l < live.lanes().size(); ++l) {
        const Lane &a = live.lanes()[l], &b = fresh.lanes()[l];
        QCOMPARE(std::tuple(a.actor, a.startNs, a.endNs, a.finished, a.killed, a.statesKnown),
                 std::tuple(b.actor, b.startNs, b.endNs, b.finished, b.killed, b.statesKnown));
        QCOMPARE(std::tuple(a.process, a.label, a.hasOpen, a.lastSpanOpen),
                 std::tuple(b.process, b.label, b.hasOpen, b.lastSpanOpen));
        QCOMPARE(a.spans.size(), b.spans.size());
        for (std::size_t i = 0; i < a.spans.size(); ++i)
            QVERIFY(spanKey(a.spans[i]) == spanKey(b.spans[i]));
        // The pyramid answers as the spans themselves do, over every prefix and suffix.
        for (std::size_t i = 0; i <= a.spans.size(); i += 1 + a.spans.size() / 50) {
            QCOMPARE(a.statesIn(0, i), StateMaskPyramid::statesInEach(a.spans, 0, i));
            QCOMPARE(a.statesIn(i, a.spans.size()),
                     StateMaskPyramid::statesInEach(a.spans, i, a.spans.size()));
        }
        QCOMPARE(a.locks.size(), b.locks.size());
        for (std::size_t i = 0; i < a.locks.size(); ++i)
            QVERIFY(bandKey(a.locks[i]) == bandKey(b.locks[i]));
        QCOMPARE(a.longestLockNs, b.longestLockNs);
        QCOMPARE(a.longestReleasedLockNs, b.longestReleasedLockNs);
        QCOMPARE(a.locksHeldAtEnd, b.locksHeldAtEnd);
        QCOMPARE(a.lostUpdates, b.lostUpdates);
        QCOMPARE(std::tuple(a.sliceRows, a.longestSliceNs),
                 std::tuple(b.sliceRows, b.longestSliceNs));
        QCOMPARE(a.instants.size(), b.instants.size());
        for (std::size_t i = 0; i < a.instants.size(); ++i)
            QVERIFY(
                std::tuple(a.instants[i].timeNs, a.instants[i].kind, a.instants[i].eventIndex)
                == std::tuple(b.instants[i].timeNs, b.instants[i].kind, b.instants[i].eventIndex));
        QCOMPARE(a.slices.size(), b.slices.size());
        for (std::size_t i = 0; i < a.slices.size(); ++i)
            QVERIFY(std::tuple(a.slices[i].beginNs, a.slices[i].endNs, a.slices[i].depth,
                               a.slices[i].beginEvent)
                    == std::tuple(b.slices[i].beginNs, b.slices[i].endNs, b.slices[i].depth,
                                  b.slices[i].beginEvent));
        QCOMPARE(a.sliceRowIndex, b.sliceRowIndex);
        QCOMPARE(a.sliceRowLatestEnd, b.sliceRowLatestEnd);
    }
    QCOMPARE(live.flows().size(), fresh.flows().size());
    const auto flowKey = [](const Flow &f) {
        return std::tuple(f.fromNs, f.toNs, f.bytes, f.fromActor, f.toActor, f.object, f.fromEvent,
                          f.toEvent, f.kind);
    };
    for (std::size_t i = 0; i < live.flows().size(); ++i)
        QVERIFY(flowKey(live.flows()[i]) == flowKey(fresh.flows()[i]));
    QCOMPARE(live.fanFlows(), fresh.fanFlows());
    QCOMPARE(live.maxFlowDurationNs(), fresh.maxFlowDurationNs());
    for (std::size_t kind = 0; kind < kFlowKindCount; ++kind) {
        const qint64 third = (fresh.endNs() - fresh.startNs()) / 3;
        for (const auto &[from, to] : {std::pair(fresh.startNs(), fresh.endNs()),
                                       std::pair(fresh.startNs() + third, fresh.endNs() - third)})
            QCOMPARE(live.flowCount(FlowKind(kind), from, to),
                     fresh.flowCount(FlowKind(kind), from, to));
    }
    QCOMPARE(live.lockWaits().size(), fresh.lockWaits().size());
    for (std::size_t i = 0; i < live.lockWaits().size(); ++i)
        QVERIFY(std::tuple(live.lockWaits()[i].event, live.lockWaits()[i].holder)
                == std::tuple(fresh.lockWaits()[i].event, fresh.lockWaits()[i].holder));
    QCOMPARE(live.deadlockCycle().size(), fresh.deadlockCycle().size());
    for (std::size_t i = 0; i < live.deadlockCycle().size(); ++i) {
        const DeadlockEdge &a = live.deadlockCycle()[i], &b = fresh.deadlockCycle()[i];
        QCOMPARE(std::tuple(a.waitFromNs, a.heldFromNs, a.heldToNs),
                 std::tuple(b.waitFromNs, b.heldFromNs, b.heldToNs));
    }
    QCOMPARE(live.counters().size(), fresh.counters().size());
    for (std::size_t c = 0; c < live.counters().size(); ++c) {
        const CounterTrack &a = live.counters()[c], &b = fresh.counters()[c];
        QCOMPARE(std::tuple(a.object, a.name, a.minValue, a.maxValue, a.samples.size()),
                 std::tuple(b.object, b.name, b.minValue, b.maxValue, b.samples.size()));
    }
}

// A live model against one built once from the same snapshot at the same "now".
void compareWithFreshBuild(const TimelineModel &live, const Trace &snapshot, qint64 now)
{
    TimelineModel fresh;
    fresh.setLiveEnd(now);
    fresh.setTrace(snapshot);
    compareModels(live, fresh);
}

// A run to its end, by name: a hand-built trace or a lesson run for real
// (once per test binary: every row of a test reads the same run).
Trace traceOf(const QString &source)
{
    static QHash<QString, Trace> runs;
    if (source == QLatin1String("sample"))
        return testsupport::makeSampleTrace().trace;
    if (source == QLatin1String("deadlock"))
        return testsupport::makeDeadlockTrace().trace;
    if (!runs.contains(source)) {
        const std::unique_ptr<Scenario> scenario = source == QLatin1String("locks.deadlock")
            ? makeLocksDeadlockScenario()
            : source == QLatin1String("threads.join")           ? makeThreadsJoinScenario()
            : source == QLatin1String("locks.counter")          ? makeLocksCounterScenario()
            : source == QLatin1String("socket.threaded_server") ? makeSocketThreadedServerScenario()
            : source == QLatin1String("gil.io")                 ? makeGilIoScenario()
                                                : makeSyncProducerConsumerScenario();
        runs.insert(source, testsupport::runWith(*scenario, {}));
    }
    return runs.value(source);
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT
private slots:
    void marksAreToldApartByWhatTheyMark();
    void lanesGroupedByProcess();
    void arrowsAreCoresDerivationNotItsOwn();
    void stateAt_data();
    void stateAt();
    void flows_data();
    void flows();
    void lockBandsAndOwner();
    void instantsAndCounters();
    void daemonKilledAtProcessExit();
    void emptyAndUnknownIds();
    void equalSizeMessagesPairInOrder();
    void messagesPairByTagNotArrival();
    void untaggedMessagesPairFirstInFirstOut();
    void deadlockCycleFromTheDetectorsMarks();
    void noCycleWithoutMarks();
    void lostUpdateMarkNamingALaneIsNoCycle();
    void liveEndExtendsOpenSpans();
    void aLargeTraceIsLaidOutOnTwoThreadsAsOnOne();
    void livePollsEqualOneBuild_data();
    void livePollsEqualOneBuild();
    void liveSnapshotsExtendTheModel_data();
    void liveSnapshotsExtendTheModel();
    void sameSnapshotOnlyMovesNow();
    void aStateBegunAtTheEndAppearsWhenNowMoves();

private:
    testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
};

void TestTimelineModel::lanesGroupedByProcess()
{
    const TimelineModel model(m_sample.trace);
    QCOMPARE(model.lanes().size(), std::size_t(3));
    QCOMPARE(model.groups().size(), std::size_t(1));
    QCOMPARE(model.groups()[0].laneCount, 3);
    QVERIFY(model.groups()[0].label.contains(QStringLiteral("4242")));
    // Main thread first, then in order of appearance; labels carry name and native id.
    QCOMPARE(model.lanes()[0].actor, m_sample.main);
    QCOMPARE(model.lanes()[1].actor, m_sample.a);
    QCOMPARE(model.lanes()[2].actor, m_sample.b);
    QVERIFY(model.lanes()[1].label.contains(QStringLiteral("A")));
    QVERIFY(model.lanes()[1].label.contains(QStringLiteral("101")));
    QCOMPARE(model.laneIndexOf(m_sample.b), 2);
    QCOMPARE(model.laneIndexOf(999), -1);

    // Two processes: two groups, each with its own lanes.
    TraceBuilder builder;
    const quint32 p1 = builder.addProcess({1, QStringLiteral("parent")});
    const quint32 p2 = builder.addProcess({2, QStringLiteral("child")});
    const quint32 a = builder.addActor({QStringLiteral("main"), 1, p1, true, false});
    const quint32 b = builder.addActor({QStringLiteral("main"), 2, p2, true, false});
    const quint32 c = builder.addActor({QStringLiteral("worker"), 3, p1, false, false});
    for (quint32 actor : {b, c, a})
        builder.addEvent({qint64(actor), 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    const TimelineModel two(builder.build());
    QCOMPARE(two.groups().size(), std::size_t(2));
    QCOMPARE(two.groups()[0].laneCount, 2);
    QCOMPARE(two.lanes()[0].actor, a);
    QCOMPARE(two.lanes()[1].actor, c);
    QCOMPARE(two.lanes()[2].actor, b);
}

void TestTimelineModel::stateAt_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<LaneState>("state");
    QTest::newRow("main running before join") << "MainThread" << qint64(5) << LaneState::Running;
    QTest::newRow("main waits in join") << "MainThread" << qint64(50) << LaneState::WaitingJoin;
    QTest::newRow("main runs after join") << "MainThread" << qint64(115) << LaneState::Running;
    QTest::newRow("A running holding L") << "A" << qint64(40) << LaneState::Running;
    QTest::newRow("A sleeping from its start") << "A" << qint64(60) << LaneState::Sleeping;
    QTest::newRow("A sleeping") << "A" << qint64(70) << LaneState::Sleeping;
    QTest::newRow("A running after sleep") << "A" << qint64(90) << LaneState::Running;
    QTest::newRow("A finished") << "A" << qint64(110) << LaneState::Finished;
    QTest::newRow("B blocked on L") << "B" << qint64(35) << LaneState::BlockedOnLock;
    QTest::newRow("B still blocked") << "B" << qint64(59) << LaneState::BlockedOnLock;
    QTest::newRow("B running with L") << "B" << qint64(65) << LaneState::Running;
    QTest::newRow("B waits for bytes") << "B" << qint64(73) << LaneState::WaitingIo;
    QTest::newRow("B runs when they come") << "B" << qint64(76) << LaneState::Running;
    QTest::newRow("B waits on cv") << "B" << qint64(82) << LaneState::WaitingCondition;
    QTest::newRow("B woken") << "B" << qint64(87) << LaneState::Running;
    QTest::newRow("B finished") << "B" << qint64(95) << LaneState::Finished;
    QTest::newRow("B before start") << "B" << qint64(10) << LaneState::Count;
}

void TestTimelineModel::stateAt()
{
    QFETCH(QString, actor);
    QFETCH(qint64, time);
    QFETCH(LaneState, state);
    const TimelineModel model(m_sample.trace);
    QCOMPARE(model.stateAt(m_sample.trace.findActor(actor), time), state);
}

void TestTimelineModel::flows_data()
{
    QTest::addColumn<FlowKind>("kind");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("fromNs");
    QTest::addColumn<qint64>("toNs");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("spawn A") << FlowKind::Spawn << "MainThread"
                             << "A" << qint64(10) << qint64(15) << qint64(0);
    QTest::newRow("spawn B") << FlowKind::Spawn << "MainThread"
                             << "B" << qint64(12) << qint64(18) << qint64(0);
    QTest::newRow("join A") << FlowKind::Join << "A"
                            << "MainThread" << qint64(100) << qint64(110) << qint64(0);
    QTest::newRow("join B") << FlowKind::Join << "B"
                            << "MainThread" << qint64(90) << qint64(110) << qint64(0);
    QTest::newRow("B waits for owner A") << FlowKind::WaitsFor << "B"
                                         << "A" << qint64(35) << qint64(35) << qint64(0);
    QTest::newRow("first packet chunk") << FlowKind::Packet << "A"
                                        << "B" << qint64(45) << qint64(75) << qint64(4);
    QTest::newRow("second packet chunk") << FlowKind::Packet << "A"
                                         << "B" << qint64(45) << qint64(78) << qint64(6);
    QTest::newRow("queue message") << FlowKind::Message << "MainThread"
                                   << "A" << qint64(15) << qint64(25) << qint64(8);
    QTest::newRow("A notifies B") << FlowKind::Notify << "A"
                                  << "B" << qint64(84) << qint64(85) << qint64(0);
}

void TestTimelineModel::flows()
{
    QFETCH(FlowKind, kind);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, fromNs);
    QFETCH(qint64, toNs);
    QFETCH(qint64, bytes);
    const TimelineModel model(m_sample.trace);
    // Waits-for arrows are kept apart, and drawn as flows.
    std::vector<Flow> flows = model.flows();
    for (const LockWaitEdge &wait : model.lockWaits())
        flows.push_back(model.flowOf(wait));
    QCOMPARE(flows.size(), std::size_t(9));
    QCOMPARE(model.flowCount(FlowKind::WaitsFor, 0, 1000), 1);
    QCOMPARE(model.flowCount(FlowKind::WaitsFor, 36, 1000), 0);
    const quint32 fromActor = m_sample.trace.findActor(from),
                  toActor = m_sample.trace.findActor(to);
    const auto match = std::find_if(flows.begin(), flows.end(), [&](const Flow &f) {
        return f.kind == kind && f.fromActor == fromActor && f.toActor == toActor
            && f.fromNs == fromNs && f.toNs == toNs && f.bytes == bytes;
    });
    QVERIFY(match != flows.end());
    // The flow's events are the ones it connects.
    const auto &events = m_sample.trace.events();
    QCOMPARE(events[std::size_t(match->fromEvent)].timeNs, fromNs);
    if (kind != FlowKind::WaitsFor)
        QCOMPARE(events[std::size_t(match->toEvent)].timeNs, toNs);
    // Sorted for the renderer's binary search.
    const auto &sorted = model.flows();
    for (std::size_t i = 1; i < sorted.size(); ++i)
        QVERIFY(std::min(sorted[i - 1].fromNs, sorted[i - 1].toNs)
                <= std::min(sorted[i].fromNs, sorted[i].toNs));
    for (std::size_t i = 1; i < model.lockWaits().size(); ++i)
        QVERIFY(model.lockWaits()[i - 1].timeNs <= model.lockWaits()[i].timeNs);
}

void TestTimelineModel::lockBandsAndOwner()
{
    const TimelineModel model(m_sample.trace);
    const Lane *a = model.laneOf(m_sample.a);
    const Lane *b = model.laneOf(m_sample.b);
    QVERIFY(a && b);
    QCOMPARE(a->locks.size(), std::size_t(1));
    QCOMPARE(a->locks[0].startNs, 30);
    QCOMPARE(a->locks[0].endNs, 60);
    QCOMPARE(b->locks.size(), std::size_t(1));
    QCOMPARE(b->locks[0].startNs, 60);
    QCOMPARE(b->locks[0].endNs, 70);
    QCOMPARE(model.lockOwnerAt(m_sample.lock, 45), m_sample.a);
    QCOMPARE(model.lockOwnerAt(m_sample.lock, 65), m_sample.b);
    QCOMPARE(model.lockOwnerAt(m_sample.lock, 80), 0u);
    QCOMPARE(model.locksUsed(), std::vector<quint32> {m_sample.lock});
}

void TestTimelineModel::instantsAndCounters()
{
    const TimelineModel model(m_sample.trace);
    const Lane *a = model.laneOf(m_sample.a);
    QCOMPARE(a->instants.size(), std::size_t(2));
    QCOMPARE(a->instants[0].kind, InstantKind::Print);
    QCOMPARE(a->instants[0].timeNs, 40);
    const Event &print = m_sample.trace.events()[std::size_t(a->instants[0].eventIndex)];
    QCOMPARE(m_sample.trace.text(print.text), QStringLiteral("hello from A"));
    QCOMPARE(a->instants[1].kind, InstantKind::Error);
    QCOMPARE(a->instants[1].timeNs, 95);
    const Lane *b = model.laneOf(m_sample.b);
    QCOMPARE(b->instants.size(), std::size_t(1));
    QCOMPARE(b->instants[0].kind, InstantKind::Mark);
    QCOMPARE(b->instants[0].timeNs, 86);
    QCOMPARE(model.counters().size(), std::size_t(1));
    QCOMPARE(model.counters()[0].name, QStringLiteral("count"));
    QCOMPARE(model.counters()[0].samples.size(), std::size_t(2));
    QCOMPARE(model.counters()[0].maxValue, 2);
    // Spans of every lane are sorted, disjoint and inside the lane.
    for (const Lane &lane : model.lanes()) {
        for (std::size_t i = 0; i < lane.spans.size(); ++i) {
            QVERIFY(lane.spans[i].startNs < lane.spans[i].endNs);
            if (i)
                QCOMPARE(lane.spans[i - 1].endNs, lane.spans[i].startNs);
        }
        QVERIFY(!lane.killed);
    }
}

void TestTimelineModel::daemonKilledAtProcessExit()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({7, QStringLiteral("child")});
    const quint32 main = builder.addActor({QStringLiteral("main"), 7, process, true, false});
    const quint32 daemon = builder.addActor({QStringLiteral("daemon"), 8, process, false, true});
    builder.addEvent({0, 7, main, 0, 0, 0, EventKind::ProcessStart, 0});
    builder.addEvent({5, 8, daemon, 0, 0, 0, EventKind::ThreadStart, 0});
    builder.addEvent({10, 1000, daemon, 0, 0, 0, EventKind::SleepBegin, 0});
    builder.addEvent({50, 0, main, 0, 0, 0, EventKind::ProcessExit, 0});
    const TimelineModel model(builder.build());
    const Lane *lane = model.laneOf(daemon);
    QVERIFY(lane);
    QVERIFY(lane->killed);
    QCOMPARE(lane->endNs, 50);
    QCOMPARE(lane->instants.size(), std::size_t(1));
    QCOMPARE(lane->instants[0].kind, InstantKind::Killed);
    QCOMPARE(lane->instants[0].timeNs, 50);
    QCOMPARE(model.stateAt(daemon, 30), LaneState::Sleeping);
    QVERIFY(!model.laneOf(main)->killed);

    // A worker process that records its daemon's end as it exits: the same verdict.
    TraceBuilder worker;
    const quint32 p = worker.addProcess({9, QStringLiteral("worker")});
    const quint32 wmain = worker.addActor({QStringLiteral("main"), 9, p, true, false});
    const quint32 wdaemon = worker.addActor({QStringLiteral("daemon"), 10, p, false, true});
    const quint32 wother = worker.addActor({QStringLiteral("done early"), 11, p, false, false});
    worker.addEvent({0, 9, wmain, 0, 0, 0, EventKind::ProcessStart, 0});
    worker.addEvent({5, 10, wdaemon, 0, 0, 0, EventKind::ThreadStart, 0});
    worker.addEvent({6, 11, wother, 0, 0, 0, EventKind::ThreadStart, 0});
    worker.addEvent({20, 0, wother, 0, 0, 0, EventKind::ThreadEnd, 0});
    worker.addEvent({40, 0, wmain, 0, 0, 0, EventKind::ThreadEnd, 0});
    worker.addEvent({50, 0, wdaemon, 0, 0, 0, EventKind::ThreadEnd, Abnormal});
    worker.addEvent({50, 0, wmain, 0, 0, 0, EventKind::ProcessExit, 0});
    worker.addEvent({60, 0, wmain, 0, 0, 0, EventKind::Print, 0});
    const TimelineModel second(worker.build());
    QVERIFY(second.laneOf(wdaemon)->killed);
    QVERIFY(!second.laneOf(wother)->killed);
    QCOMPARE(second.laneOf(wother)->endNs, 20);
    QCOMPARE(second.laneOf(wmain)->endNs, 40);
    QCOMPARE(second.stateAt(wmain, 45), LaneState::Finished);
}

void TestTimelineModel::emptyAndUnknownIds()
{
    const TimelineModel empty {Trace()};
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.stateAt(1, 0), LaneState::Count);
    // Events naming actors and objects the tables do not have are ignored, not a crash.
    TraceBuilder builder;
    builder.addEvent({1, 0, 77, 0, 0, 0, EventKind::LockAcquired, 0});
    builder.addEvent({2, 0, 0, 5, 0, 0, EventKind::PacketRecv, 0});
    const TimelineModel model(builder.build());
    QVERIFY(model.lanes().empty());
}

namespace {

// One queue, two producers P1 and P2, one consumer C. Each message is 8 bytes
// (equal sizes) and carries its tag as preview, like process.queue's "P1#1".
struct QueueTrace
{
    Trace trace;
    quint32 p1 = 0, p2 = 0, c = 0;
};

QueueTrace makeQueueTrace(const QList<std::tuple<qint64, EventKind, int, QString>> &events)
{
    QueueTrace q;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("weft")});
    q.p1 = builder.addActor({QStringLiteral("P1"), 11, process, false, false});
    q.p2 = builder.addActor({QStringLiteral("P2"), 12, process, false, false});
    q.c = builder.addActor({QStringLiteral("C"), 13, process, false, false});
    const quint32 queue = builder.addObject({QStringLiteral("q"), ObjectKind::Queue});
    const quint32 actors[] = {q.p1, q.p2, q.c};
    for (const auto &[t, kind, who, tag] : events)
        builder.addEvent({t, 8, actors[who], queue, builder.intern(tag), 0, kind, 0});
    q.trace = builder.build();
    return q;
}

// (send time, receive time) of every message arrow, in the model's order.
std::vector<std::pair<qint64, qint64>> messagePairs(const TimelineModel &model)
{
    std::vector<std::pair<qint64, qint64>> pairs;
    for (const Flow &flow : model.flows())
        if (flow.kind == FlowKind::Message)
            pairs.emplace_back(flow.fromNs, flow.toNs);
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

} // namespace

void TestTimelineModel::equalSizeMessagesPairInOrder()
{
    const QueueTrace q = makeQueueTrace({{10, EventKind::MessageSend, 0, QStringLiteral("P1#1")},
                                         {20, EventKind::MessageSend, 0, QStringLiteral("P1#2")},
                                         {30, EventKind::MessageRecv, 2, QStringLiteral("P1#1")},
                                         {40, EventKind::MessageRecv, 2, QStringLiteral("P1#2")}});
    const TimelineModel model(q.trace);
    const std::vector<std::pair<qint64, qint64>> expected {{10, 30}, {20, 40}};
    QCOMPARE(messagePairs(model), expected);
    for (const Flow &flow : model.flows()) {
        QCOMPARE(flow.fromActor, q.p1);
        QCOMPARE(flow.toActor, q.c);
        QCOMPARE(flow.bytes, qint64(8));
    }
}

void TestTimelineModel::messagesPairByTagNotArrival()
{
    // P1 records its put first but P2's item reaches the queue first: the
    // consumer gets P2#1 before P1#1. Sizes are equal; only the tags tell.
    const QueueTrace q = makeQueueTrace({{10, EventKind::MessageSend, 0, QStringLiteral("P1#1")},
                                         {11, EventKind::MessageSend, 1, QStringLiteral("P2#1")},
                                         {30, EventKind::MessageRecv, 2, QStringLiteral("P2#1")},
                                         {40, EventKind::MessageRecv, 2, QStringLiteral("P1#1")}});
    const TimelineModel model(q.trace);
    const std::vector<std::pair<qint64, qint64>> expected {{10, 40}, {11, 30}};
    QCOMPARE(messagePairs(model), expected);
    for (const Flow &flow : model.flows())
        QCOMPARE(flow.fromActor, flow.fromNs == 10 ? q.p1 : q.p2);
}

void TestTimelineModel::untaggedMessagesPairFirstInFirstOut()
{
    // Without previews (an imported trace) the queue's order is all there is;
    // a repeated tag ("STOP" per consumer) pairs first in first out too.
    const QueueTrace q = makeQueueTrace({{10, EventKind::MessageSend, 0, QString()},
                                         {11, EventKind::MessageSend, 1, QString()},
                                         {12, EventKind::MessageSend, 0, QStringLiteral("STOP")},
                                         {13, EventKind::MessageSend, 1, QStringLiteral("STOP")},
                                         {30, EventKind::MessageRecv, 2, QString()},
                                         {31, EventKind::MessageRecv, 2, QString()},
                                         {32, EventKind::MessageRecv, 2, QStringLiteral("STOP")},
                                         {33, EventKind::MessageRecv, 2, QStringLiteral("STOP")}});
    const std::vector<std::pair<qint64, qint64>> expected {{10, 30}, {11, 31}, {12, 32}, {13, 33}};
    QCOMPARE(messagePairs(TimelineModel(q.trace)), expected);
}

void TestTimelineModel::deadlockCycleFromTheDetectorsMarks()
{
    const testsupport::DeadlockTrace d = testsupport::makeDeadlockTrace();
    const TimelineModel model(d.trace);
    const auto &cycle = model.deadlockCycle();
    QCOMPARE(cycle.size(), std::size_t(2));
    QCOMPARE(cycle[0].waiter, d.t1);
    QCOMPARE(cycle[0].holder, d.t2);
    QCOMPARE(cycle[0].object, d.l2);
    QCOMPARE(cycle[1].waiter, d.t2);
    QCOMPARE(cycle[1].holder, d.t1);
    QCOMPARE(cycle[1].object, d.l1);
    for (const DeadlockEdge &edge : cycle) {
        QCOMPARE(edge.waitFromNs, qint64(50)); // the waiter's blocked span
        QCOMPARE(edge.heldFromNs, qint64(1)); // the holder's band on that lock
        QCOMPARE(edge.heldToNs, qint64(104));
        QCOMPARE(edge.detectedNs, qint64(100));
    }
}

void TestTimelineModel::noCycleWithoutMarks()
{
    // Ordinary marks (a lost update, a GIL switch) are not cycle edges.
    QVERIFY(TimelineModel(testsupport::makeDeadlockTrace(false).trace).deadlockCycle().empty());
    QVERIFY(TimelineModel(m_sample.trace).deadlockCycle().empty());
}

void TestTimelineModel::lostUpdateMarkNamingALaneIsNoCycle()
{
    // locks.race marks a lost update as abnormal with value = how many writes it
    // overwrote; that number can be a lane's actor id (it drew a deadlock ring).
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    const quint32 t1 = builder.addActor({QStringLiteral("T1"), 101, process, false, false});
    const quint32 t2 = builder.addActor({QStringLiteral("T2"), 102, process, false, false});
    const quint32 counter = builder.addObject({QStringLiteral("counter"), ObjectKind::Counter});
    builder.addEvent({0, 101, t1, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    builder.addEvent({0, 102, t2, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    builder.addEvent({5, qint64(t2), t1, counter, builder.intern(QStringLiteral("lost update")), 0,
                      EventKind::Mark, Abnormal});
    builder.addEvent({9, 0, t1, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    builder.addEvent({9, 0, t2, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    const TimelineModel model(builder.build());
    QCOMPARE(model.lanes().size(), std::size_t(2));
    QVERIFY(model.deadlockCycle().empty());
}

void TestTimelineModel::liveEndExtendsOpenSpans()
{
    // A thread still sleeping when the live snapshot was taken: its sleep reaches
    // "now", not the last event, so the live view grows between events.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    const quint32 t1 = builder.addActor({QStringLiteral("T1"), 101, process, false, false});
    builder.addEvent({0, 101, t1, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    builder.addEvent({10, 1000, t1, 0, 0, 0, EventKind::SleepBegin, NoFlags});
    const Trace trace = builder.build();
    TimelineModel model(trace);
    QCOMPARE(model.endNs(), qint64(10));
    // The model reads the trace's own states, which every other view shares ...
    const std::shared_ptr<const TraceStates> shared = TraceStates::of(trace);
    QCOMPARE(model.lanes().front().spans.data(), shared->lanes()[t1].spans.data());
    model.setLiveEnd(500);
    QCOMPARE(model.endNs(), qint64(500));
    const Lane &lane = model.lanes().front();
    QCOMPARE(lane.spans.back().state, LaneState::Sleeping);
    QCOMPARE(lane.spans.back().endNs, qint64(500));
    // ... and "now" moves a copy of its own: the others still end where the trace does.
    QCOMPARE(shared->lanes()[t1].spans.back().endNs, qint64(10));
    QCOMPARE(TraceStates::of(trace)->lanes()[t1].endNs, qint64(10));
    model.setLiveEnd(0); // the run is over: the trace's own end again
    QCOMPARE(model.endNs(), qint64(10));
}

void TestTimelineModel::aLargeTraceIsLaidOutOnTwoThreadsAsOnOne()
{
    // From 1 M events the walk for instants and counters runs on a second
    // thread beside the slices and arrows: each lane gets exactly what its
    // events say, as the single-threaded build gives a small trace.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    constexpr int kActors = 4;
    std::vector<quint32> actors;
    actors.reserve(kActors);
    for (int a = 0; a < kActors; ++a)
        actors.push_back(
            builder.addActor({QStringLiteral("T%1").arg(a), 100 + a, process, a == 0, false}));
    const quint32 counter = builder.addObject({QStringLiteral("in flight"), ObjectKind::Counter});
    const quint32 text = builder.intern(QStringLiteral("line"));
    constexpr int kRounds = 210'000; // five events each: past the side-by-side threshold
    for (int r = 0; r < kRounds; ++r) {
        const quint32 actor = actors[std::size_t(r % kActors)];
        const qint64 t = 10 * qint64(r);
        builder.addEvent({t, 5, actor, 0, text, 0, EventKind::SpanBegin, NoFlags});
        builder.addEvent({t + 1, 0, actor, 0, text, 0, EventKind::Print, NoFlags});
        builder.addEvent({t + 2, r % 7, 0, counter, 0, 0, EventKind::CounterValue, NoFlags});
        builder.addEvent(
            {t + 3, 0, actor, 0, text, 0, r % 3 ? EventKind::Mark : EventKind::Error, NoFlags});
        builder.addEvent({t + 5, 5, actor, 0, text, 0, EventKind::SpanEnd, NoFlags});
    }
    const Trace trace = builder.build();
    QVERIFY(trace.events().size() >= 1'000'000);

    const TimelineModel model(trace);
    QCOMPARE(model.lanes().size(), std::size_t(kActors));
    QCOMPARE(model.counters().size(), std::size_t(1));
    QCOMPARE(model.counters()[0].samples.size(), std::size_t(kRounds));
    QCOMPARE(model.counters()[0].maxValue, 6);
    std::size_t slices = 0;
    for (const Lane &lane : model.lanes()) {
        std::vector<int> expected;
        for (std::size_t i = 0; i < trace.events().size(); ++i) {
            const Event &e = trace.events()[i];
            if (e.actor == lane.actor
                && (e.kind == EventKind::Print || e.kind == EventKind::Mark
                    || e.kind == EventKind::Error))
                expected.push_back(int(i));
        }
        QCOMPARE(lane.instants.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(lane.instants[i].eventIndex, expected[i]);
        QCOMPARE(lane.sliceRows, 1);
        QCOMPARE(lane.sliceRowIndex.front().size(), lane.slices.size());
        slices += lane.slices.size();
    }
    QCOMPARE(slices, std::size_t(kRounds));
}

void TestTimelineModel::livePollsEqualOneBuild_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("polls");
    for (const char *source : {"sample", "deadlock", "locks.deadlock", "threads.join",
                               "sync.producer_consumer", "locks.counter"})
        for (const int polls : {1, 3, 17})
            QTest::addRow("%s/%d", source, polls) << QString::fromLatin1(source) << polls;
}

void TestTimelineModel::livePollsEqualOneBuild()
{
    // A live run as MainWindow sees it: every poll brings a longer snapshot and a
    // later "now", and polls in between move "now" only. After each poll the model
    // must be the one built once from that snapshot at that "now": open waits,
    // locks held so far and unfinished lanes reach "now", nothing else moves.
    QFETCH(QString, source);
    QFETCH(int, polls);
    const Trace whole = traceOf(source);
    QVERIFY(!whole.isEmpty());
    const std::size_t n = whole.events().size();
    TimelineModel live;
    for (int poll = 1; poll <= polls; ++poll) {
        const Trace snapshot
            = prefixOf(whole, (n * std::size_t(poll) + polls - 1) / std::size_t(polls));
        const qint64 step = std::max<qint64>(1, (whole.endNs() - whole.startNs()) / 7);
        for (const qint64 now : {snapshot.endNs() + step, snapshot.endNs() + 2 * step}) {
            live.setLiveTrace(snapshot, now);
            compareWithFreshBuild(live, snapshot, now);
        }
        QCOMPARE(live.buildCount(), poll); // the second "now" derived nothing
    }
    // The run is over: its own end again, then the final trace.
    live.setLiveEnd(0);
    live.setTrace(whole);
    compareModels(live, TimelineModel(whole));
}

void TestTimelineModel::liveSnapshotsExtendTheModel_data()
{
    livePollsEqualOneBuild_data();
    // Packets between a server's threads and its clients; the GIL's hand-offs and marks.
    for (const char *source : {"socket.threaded_server", "gil.io"})
        for (const int polls : {3, 17})
            QTest::addRow("%s/%d", source, polls) << QString::fromLatin1(source) << polls;
    // More polls than events: snapshots with one new event, or none.
    for (const char *source : {"sample", "deadlock"})
        QTest::addRow("%s/100", source) << QString::fromLatin1(source) << 100;
}

void TestTimelineModel::liveSnapshotsExtendTheModel()
{
    // The same run seen through a recorder's live snapshots (each keeps the
    // events of the ones before): the model extends its derivation, and is
    // still the one built once from that snapshot. Two models take turns, as
    // LiveModelBuilder's do, so each extends over two polls' events.
    QFETCH(QString, source);
    QFETCH(int, polls);
    const Trace whole = traceOf(source);
    const std::size_t n = whole.events().size();
    std::vector<std::size_t> cuts;
    for (int poll = 1; poll < polls; ++poll)
        cuts.push_back(n * std::size_t(poll) / std::size_t(polls));
    const std::vector<Trace> series = testsupport::liveSeries(whole, cuts);
    TimelineModel models[2];
    const qint64 step = std::max<qint64>(1, (whole.endNs() - whole.startNs()) / 7);
    for (std::size_t poll = 0; poll < series.size(); ++poll) {
        const Trace &snapshot = series[poll];
        TimelineModel &live = models[poll % 2];
        for (const qint64 now : {snapshot.endNs() + step, snapshot.endNs() + 2 * step}) {
            live.setLiveTrace(snapshot, now);
            compareWithFreshBuild(live, snapshot, now);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("at poll %1 of %2").arg(poll + 1).arg(polls)));
        }
    }
    // Every snapshot after each model's first was an extension (but of an
    // empty one: a model of nothing is derived afresh).
    int extendable = 0;
    for (std::size_t poll = 2; poll < series.size(); ++poll)
        extendable += series[poll - 2].isEmpty() ? 0 : 1;
    QVERIFY(extendable > 0 || series.size() < 3);
    QCOMPARE(models[0].extendCount() + models[1].extendCount(), extendable);
    // The run is over: the final trace, of no live series, is derived whole.
    TimelineModel &last = models[(series.size() - 1) % 2];
    last.setLiveEnd(0);
    last.setTrace(whole);
    compareModels(last, TimelineModel(whole));
}

void TestTimelineModel::aStateBegunAtTheEndAppearsWhenNowMoves()
{
    // The last event begins a sleep: at the trace's own end the sleep has no
    // length, so no span; once "now" moves on, the span appears, and goes
    // again when the end comes back. Each time the lane's summary follows.
    TraceBuilder builder;
    const quint32 a = builder.addActor({QStringLiteral("A"), 1, 0, true, false});
    for (const auto &[t, kind] :
         {std::pair {0, EventKind::ThreadStart}, std::pair {40, EventKind::SleepBegin},
          std::pair {60, EventKind::SleepEnd}, std::pair {100, EventKind::SleepBegin}}) {
        Event e;
        e.timeNs = t;
        e.actor = a;
        e.kind = kind;
        builder.addEvent(e);
    }
    const Trace trace = builder.build();
    TimelineModel live;
    live.setLiveTrace(trace, trace.endNs());
    const std::size_t before = live.lanes().front().spans.size();
    for (const qint64 now : {qint64(1000), qint64(2000), trace.endNs(), qint64(3000)}) {
        live.setLiveEnd(now);
        TimelineModel fresh;
        fresh.setLiveTrace(trace, now);
        compareModels(live, fresh);
        QCOMPARE(live.lanes().front().spans.size(), before + (now > trace.endNs() ? 1 : 0));
        QCOMPARE(live.lanes().front().statesIn(0, live.lanes().front().spans.size()),
                 fresh.lanes().front().statesIn(0, fresh.lanes().front().spans.size()));
    }
}

void TestTimelineModel::sameSnapshotOnlyMovesNow()
{
    const Trace trace = testsupport::makeSampleTrace().trace;
    TimelineModel model;
    model.setLiveTrace(trace, trace.endNs() + 100);
    QCOMPARE(model.buildCount(), 1);
    QCOMPARE(model.endNs(), trace.endNs() + 100);
    // A copy: the same payload, as a poll with nothing new sends it.
    model.setLiveTrace(Trace(trace), trace.endNs() + 300);
    QCOMPARE(model.buildCount(), 1);
    QCOMPARE(model.endNs(), trace.endNs() + 300);
    model.setLiveTrace(prefixOf(trace, trace.events().size()), trace.endNs() + 400);
    QCOMPARE(model.buildCount(), 2); // equal events, another snapshot: derived again
}

void TestTimelineModel::marksAreToldApartByWhatTheyMark()
{
    TraceBuilder b;
    const quint32 p = b.addProcess({1, QStringLiteral("p")});
    const quint32 t1 = b.addActor({QStringLiteral("T1"), 1, p, true, false});
    const quint32 t2 = b.addActor({QStringLiteral("T2"), 2, p, false, false});
    const quint32 counter = b.addObject({QStringLiteral("counter"), ObjectKind::Counter});
    const quint32 gil = b.addObject({QStringLiteral("GIL"), ObjectKind::Gil});
    const quint32 lock = b.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    b.addEvent({0, 0, t1, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({0, 0, t2, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({10, 1, t1, counter, 0, 0, EventKind::Mark, Abnormal}); // lost update
    b.addEvent({20, 1, t1, gil, 0, 0, EventKind::Mark, NoFlags}); // drop request
    b.addEvent({30, 2, t1, gil, 0, 0, EventKind::Mark, NoFlags}); // forced switch
    b.addEvent({40, qint64(t2), t1, lock, 0, 0, EventKind::Mark, Abnormal | WaitsFor});
    b.addEvent({50, 5, t1, counter, 0, 0, EventKind::Mark, NoFlags}); // a read, not a loss
    b.addEvent({60, 0, t1, 0, 0, 0, EventKind::Mark, Abnormal}); // "killed: ..." and the like
    const TimelineModel model(b.build());
    std::vector<InstantKind> kinds;
    for (const Instant &instant : model.laneOf(t1)->instants)
        kinds.push_back(instant.kind);
    const std::vector<InstantKind> expected {
        InstantKind::LostUpdate, InstantKind::GilDropRequest, InstantKind::GilForcedSwitch,
        InstantKind::Deadlock,   InstantKind::Mark,           InstantKind::Mark};
    QCOMPARE(kinds, expected);
}

QTEST_GUILESS_MAIN(TestTimelineModel)
void TestTimelineModel::arrowsAreCoresDerivationNotItsOwn()
{
    // Every arrow but the deadlock's waits-for ones is one of core's arrows (the
    // export reads the same), and every one of core's but the lock hand-offs is drawn.
    std::size_t compared = 0;
    for (const Trace &trace : {m_sample.trace, testsupport::makeDeadlockTrace().trace}) {
        const TimelineModel model(trace);
        std::vector<std::pair<int, int>> drawn, derived;
        for (const Flow &flow : model.flows())
            if (flow.kind != FlowKind::WaitsFor)
                drawn.emplace_back(flow.fromEvent, flow.toEvent);
        const TraceArrows arrows(trace);
        for (const TraceArrows::Arrow &a : arrows.arrows())
            if (a.kind != TraceArrows::Kind::LockHandoff)
                derived.emplace_back(int(a.from), int(a.to));
        std::sort(drawn.begin(), drawn.end());
        std::sort(derived.begin(), derived.end());
        QCOMPARE(drawn, derived);
        compared += derived.size();
    }
    QVERIFY(compared > 0);
}

#include "tst_timelinemodel.moc"
