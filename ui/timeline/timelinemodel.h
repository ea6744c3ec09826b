// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/tracearrows.h"
#include "core/derived/traceslices.h"
#include "core/derived/tracestates.h"
#include "core/trace.h"
#include "statemaskpyramid.h"

#include <QFont>
#include <QHash>
#include <QString>
#include <array>
#include <memory>
#include <span>
#include <vector>

namespace weft::ui {

// Lane states, state spans, lock bands and lock waits are core's derivation
// (core/derived/tracestates.h), shared with the Chrome export.
using weft::LaneState;
using weft::LockBand;
using weft::LockWaitEdge;
using weft::StateSpan;

// A named slice on its lane's slice rows: core's derivation itself
// (core/derived/traceslices.h), kept once, not copied into the model.
using SliceBar = TraceSlices::Slice;

// What a glyph on a lane means: each kind has its own colour (Theme::instantColor)
// and shape (instantglyph.h). The Mark events a scenario's primitives leave are told
// apart by what they mark (a counter's lost update, the GIL's drop request ...).
enum class InstantKind : quint8 {
    Print,
    Mark, // any other annotation
    Error,
    Killed,
    LostUpdate,
    GilDropRequest,
    GilForcedSwitch,
    Deadlock,
};
inline constexpr int kInstantKindCount = int(InstantKind::Deadlock) + 1;
// The kind a Mark event is drawn as.
InstantKind instantKindOfMark(const Trace &trace, const Event &mark);

struct Instant
{
    qint64 timeNs = 0;
    InstantKind kind = InstantKind::Print;
    int eventIndex = -1; // -1 for Killed (derived from the process exit)
};

struct Lane
{
    quint32 actor = 0;
    quint32 process = 0;
    QString label; // "name (tid 1234)"
    qint64 startNs = 0; // ThreadStart (or first event)
    qint64 endNs = 0; // ThreadEnd, process exit, or the trace's end
    bool finished = false; // saw ThreadEnd
    bool killed = false; // still running when its process exited (a daemon)
    // The trace records what the lane did (thread start, waits, locks, I/O ...);
    // false for lanes of slices and instants only, as other tools write them.
    bool statesKnown = false;
    // Sorted, non-overlapping, cover [startNs, endNs]; in the model's TraceStates.
    std::span<const StateSpan> spans;
    // Which states occur among the spans, per zoom level (statemaskpyramid.h).
    StateMaskPyramid spanStates;
    // The states (bit 1 << state) of spans[first, last), through spanStates.
    quint16 statesIn(std::size_t first, std::size_t last) const;
    // The state still open at the end and whether spans.back() is it: moving a
    // live "now" stretches that span only (TraceStates::Lane::open).
    bool hasOpen = false;
    bool lastSpanOpen = false;
    StateSpan open;
    std::span<const LockBand> locks; // sorted by start; may nest; in the model's TraceStates
    qint64 longestLockNs = 0; // bounds a binary search for bands reaching into a window
    qint64 longestReleasedLockNs = 0; // ... among those not held at the end
    std::vector<std::size_t> locksHeldAtEnd; // indices into locks
    std::vector<Instant> instants; // sorted by time
    // Indices into `instants` of the lost updates that name their event (those
    // LostUpdatePass may call out): a frame finds them without reading every instant.
    std::vector<quint32> lostUpdates;
    std::span<const SliceBar> slices; // sorted by start, then depth; in the model's m_slices
    int sliceRows = 0; // rows the slices need under the lane's bars
    qint64 longestSliceNs = 0; // bounds a binary search for slices reaching into a window
    // Per slice row: indices into `slices` of that row's slices (in order), and the
    // latest end among each index's predecessors and itself. Zoomed out, a row is
    // walked a pixel column at a time: a column of tiny slices is skipped by search,
    // and the running latest end says whether one of them may reach past it.
    std::vector<std::vector<quint32>> sliceRowIndex;
    std::vector<std::vector<qint64>> sliceRowLatestEnd;
    // ... and each index's begin, so that the searches read 8 bytes per slice in
    // order rather than a slice elsewhere per probe.
    std::vector<std::vector<qint64>> sliceRowBegin;
    // ... and end: a slice merged into a mark is decided without reading it
    // (zoomed out at 10 M events, that read missed the cache for each mark).
    std::vector<std::vector<qint64>> sliceRowEnd;
};

struct LaneGroup
{
    quint32 process = 0;
    QString label;
    int firstLane = 0; // index into lanes()
    int laneCount = 0;
};

enum class FlowKind : quint8 { Spawn, Join, WaitsFor, Packet, Message, Notify };
// How many kinds there are, for tables indexed by kind (a new kind goes before Notify, or this
// moves).
inline constexpr std::size_t kFlowKindCount = std::size_t(FlowKind::Notify) + 1;

// An arrow from one lane at one time to another lane at a later (or equal) time.
struct Flow
{
    // Widest first: 48 bytes, not 56 (a contended run has a million of them).
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 bytes = 0; // packets and messages
    quint32 fromActor = 0;
    quint32 toActor = 0;
    quint32 object = 0; // lock / channel / condition
    int fromEvent = -1;
    int toEvent = -1;
    FlowKind kind = FlowKind::Spawn;
};

// One edge of a detected wait-for cycle: the waiter is blocked on `object`
// (a lock; 0 for a thread it joins) that `holder` holds. Taken from the marks the
// deadlock detector leaves on every member's lane (Mark, Abnormal, value = holder).
struct DeadlockEdge
{
    quint32 waiter = 0;
    quint32 holder = 0;
    quint32 object = 0;
    qint64 waitFromNs = 0; // the waiter's blocked span begins
    qint64 heldFromNs = 0; // the holder's band on `object` begins (its lane start if none)
    qint64 heldToNs = 0; // ... and ends
    qint64 detectedNs = 0; // the mark: when the cycle closed
    int eventIndex = -1; // the mark
};

struct CounterSample
{
    qint64 timeNs = 0;
    qint64 value = 0;
    int eventIndex = -1;
};

struct CounterTrack
{
    quint32 object = 0;
    QString name;
    qint64 minValue = 0;
    qint64 maxValue = 0;
    std::vector<CounterSample> samples; // sorted by time
};

// The timeline's data: lanes grouped by process, state spans, lock bands,
// flows, instants and counter tracks, all derived from one Trace. Built once
// per trace in O(n log n); every list is sorted so the renderer can find the
// visible part by binary search.
class TimelineModel
{
public:
    TimelineModel();
    explicit TimelineModel(const Trace &trace);
    // Lanes view the model's own slice storage: a copy would view the original's.
    TimelineModel(const TimelineModel &) = delete;
    TimelineModel &operator=(const TimelineModel &) = delete;

    void setTrace(const Trace &trace);
    // While a run is live, "now" (CLOCK_MONOTONIC ns): what is still open (a
    // thread sleeping, a wait) reaches it rather than stopping at the latest
    // event. 0 for a finished trace. Kept across setTrace. Moving "now" walks
    // no events: only each lane's open span and the locks held so far move.
    void setLiveEnd(qint64 nowNs);
    // One live poll: the latest snapshot and "now" together. The same snapshot
    // as before (Trace::sharesDataWith) only moves "now"; a new one is derived
    // once, already reaching "now".
    // A later snapshot of the same live run (Trace::keptEventsOf: it keeps
    // every event this model was derived from) extends the derivation with its
    // new events instead: the same model a whole derivation gives, at the cost
    // of the new events and of the lanes, not of the whole trace.
    void setLiveTrace(const Trace &trace, qint64 nowNs);
    // Takes over a model derived elsewhere (LiveModelBuilder's worker), giving
    // this one's contents in return: a swap of buffers, not a copy, so that the
    // lanes' views of the slice storage stay valid. Counts as one derivation.
    void adopt(TimelineModel &derived) noexcept;
    // How many times the events were derived (for tests: one per new snapshot),
    // and how many of those only extended the derivation before.
    int buildCount() const { return m_buildCount; }
    int extendCount() const { return m_extendCount; }
    const Trace &trace() const { return m_trace; }
    bool isEmpty() const { return m_lanes.empty(); }

    qint64 startNs() const { return m_startNs; }
    qint64 endNs() const { return m_endNs; }

    const std::vector<LaneGroup> &groups() const { return m_groups; }
    const std::vector<Lane> &lanes() const { return m_lanes; }
    // Index into lanes() of an actor; -1 if the actor has no lane.
    int laneIndexOf(quint32 actor) const;
    const Lane *laneOf(quint32 actor) const;

    // Sorted by min(fromNs, toNs); maxFlowDurationNs() bounds a visible-range search.
    // Waits-for arrows are not among them: see lockWaits().
    const std::vector<Flow> &flows() const { return m_flows; }
    qint64 maxFlowDurationNs() const { return m_maxFlowNs; }
    // Index of the first flow that may touch [fromNs, ...).
    std::size_t firstFlowFrom(qint64 fromNs) const;
    // Indices into flows() of the start and join arrows, ascending: a crowded
    // column of arrows draws only these among the rest of its flows (they bundle
    // into fans), found without reading the others.
    const std::vector<quint32> &fanFlows() const { return m_fanFlows; }

    // In time order; flowOf() gives one as the arrow it is drawn as.
    std::span<const LockWaitEdge> lockWaits() const;
    Flow flowOf(const LockWaitEdge &wait) const;
    // Index of the first lock wait at or after fromNs.
    std::size_t firstLockWaitFrom(qint64 fromNs) const;

    // How many flows of a kind (lock waits included) start in [fromNs, toNs]: lets the renderer
    // drop a kind of arrow that would only be noise (200 join arrows in one column).
    int flowCount(FlowKind kind, qint64 fromNs, qint64 toNs) const;

    const std::vector<CounterTrack> &counters() const { return m_counters; }
    // The detected wait-for cycle, in the detector's order; empty when none.
    const std::vector<DeadlockEdge> &deadlockCycle() const { return m_deadlock; }

    // Queries used by tooltips and tests.
    LaneState stateAt(quint32 actor, qint64 timeNs) const;
    const StateSpan *spanAt(quint32 actor, qint64 timeNs) const;
    // The slice on that lane's row `depth` at that time (within `slackNs`, the
    // nearest), or null.
    const SliceBar *sliceAt(quint32 actor, int depth, qint64 timeNs, qint64 slackNs = 0) const;
    // A slice's time not spent in the slices one row under it (self time).
    qint64 selfTimeNs(quint32 actor, const SliceBar &slice) const;
    // The slice a SpanBegin begins (on its lane), or nullptr.
    const SliceBar *sliceBegunBy(int eventIndex) const;
    quint32 lockOwnerAt(quint32 lock, qint64 timeNs) const;
    std::vector<quint32> locksUsed() const;
    // Width of the widest lane label (with its daemon tag) in a font; cached per model.
    qreal widestLabel(const QFont &font) const;

private:
    void build();
    bool canExtendTo(const Trace &trace) const;
    void extend(const Trace &trace);
    // Lanes for the states' actors, in their order (process, main thread,
    // creation), keeping the lanes there are; groups and the actor index with them.
    void placeLanes();
    // Takes a lane's states, of which the first `keptSpans` spans and
    // `keptLocks` lock bands are those the lane had already.
    static void takeStates(Lane &lane, const TraceStates::Lane &derived, std::size_t keptSpans,
                           std::size_t keptLocks);
    void moveLiveEnd();
    // The instants and counter samples of events [from, size), after those there are.
    void addInstantsAndCounters(std::size_t from);
    void addKilledInstants();
    void clearSlices();
    void addSlices();
    // The arrows from derived.arrows()[from], as flows, then placed in order.
    void addArrows(const TraceArrows &derived, std::size_t from);
    void placeNewFlows(std::size_t firstNew);
    void resolveDeadlock();
    Trace m_trace;
    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    qint64 m_liveEndNs = 0;
    std::vector<LaneGroup> m_groups;
    std::vector<Lane> m_lanes;
    // Every lane's slices, lane after lane: the trace's own (TraceSlices::of).
    std::shared_ptr<const TraceSlices> m_slices;
    // Some slice ends where the trace does (unfinished): a longer trace moves it.
    bool m_slicesReachEnd = false;
    // A live run's arrows, the model's own, so that its next snapshot extends
    // them (TraceArrows::extend); null for another trace, whose are the trace's.
    std::shared_ptr<TraceArrows> m_liveArrows;
    std::vector<int> m_laneOfActor; // actor id -> lane index, -1 if none
    std::vector<Flow> m_flows; // every kind but WaitsFor
    std::vector<quint32> m_fanFlows; // indices of Spawn and Join flows
    // What the lanes' spans and lock bands view: the trace's own states
    // (TraceStates::of), shared with the time breakdown and the wait causes,
    // or, while a live "now" runs past the trace's end, the model's own
    // (m_liveStates, which moving "now" changes).
    std::shared_ptr<const TraceStates> m_states;
    std::shared_ptr<TraceStates> m_liveStates;
    qint64 m_maxFlowNs = 0;
    std::vector<std::vector<qint64>> m_flowTimesByKind; // early end of each flow, sorted
    std::vector<CounterTrack> m_counters;
    std::vector<DeadlockEdge> m_deadlock;
    mutable QString m_widestLabelFont;
    mutable qreal m_widestLabel = -1;
    // Each label's width in m_widestLabelFont, kept when a live run's next
    // model is adopted: most of its labels are the last one's, and shaping
    // 2000 lanes' labels again took a share of every adoption.
    mutable QHash<QString, qreal> m_labelWidths;
    int m_buildCount = 0;
    int m_extendCount = 0;
};

} // namespace weft::ui
