// SPDX-License-Identifier: MIT
#include "timelinemodel.h"

#include "core/derived/tracearrows.h"
#include "core/derived/traceslices.h"
#include "core/interchange/untrustedtext.h"
#include "core/nearlysortedsort.h"
#include "core/saturating.h"
#include "core/sync/gilmark.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <algorithm>
#include <future>
#include <limits>
#include <tuple>
#include <unordered_map>

namespace weft::ui {

namespace {

// From this many events a build lays out the instants on a second thread:
// below it, starting a thread costs more than it saves.
constexpr std::size_t kSideBySideEvents = 1'000'000;

QString laneLabel(const ActorInfo &actor, quint32 id)
{
    // Names come from the file: cut before anything measures them.
    QString name = boundedText(actorDisplayName(actor, id));
    if (actor.nativeId > 0)
        return QCoreApplication::translate("weft::ui::TimelineModel", "%1 (tid %2)")
            .arg(name)
            .arg(actor.nativeId);
    return name;
}

QString groupLabel(const Trace &trace, quint32 process)
{
    const ProcessInfo info = trace.process(process);
    if (process == 0)
        return QCoreApplication::translate("weft::ui::TimelineModel", "Threads");
    QString name = info.name.isEmpty()
        ? QCoreApplication::translate("weft::ui::TimelineModel", "process %1").arg(process)
        : boundedText(info.name);
    if (info.pid > 0)
        return QCoreApplication::translate("weft::ui::TimelineModel", "%1 (pid %2)")
            .arg(name)
            .arg(info.pid);
    return name;
}

} // namespace

InstantKind instantKindOfMark(const Trace &trace, const Event &mark)
{
    // Flags and object kinds, never the text: the text is translated and free-form.
    if (mark.flags & WaitsFor)
        return InstantKind::Deadlock;
    const ObjectKind object = mark.object ? trace.object(mark.object).kind : ObjectKind::Other;
    if (object == ObjectKind::Counter && mark.isAbnormal())
        return InstantKind::LostUpdate; // SharedCounter::write's overwritten update
    if (object == ObjectKind::Gil && mark.value == qint64(GilMark::DropRequest))
        return InstantKind::GilDropRequest;
    if (object == ObjectKind::Gil && mark.value == qint64(GilMark::ForcedSwitch))
        return InstantKind::GilForcedSwitch;
    return InstantKind::Mark;
}

TimelineModel::TimelineModel() = default;

TimelineModel::TimelineModel(const Trace &trace)
{
    setTrace(trace);
}

void TimelineModel::setTrace(const Trace &trace)
{
    m_trace = trace;
    build();
}

void TimelineModel::setLiveEnd(qint64 nowNs)
{
    if (nowNs == m_liveEndNs)
        return;
    m_liveEndNs = nowNs;
    moveLiveEnd();
}

void TimelineModel::setLiveTrace(const Trace &trace, qint64 nowNs)
{
    if (trace.sharesDataWith(m_trace)) {
        setLiveEnd(nowNs);
        return;
    }
    m_liveEndNs = nowNs;
    if (canExtendTo(trace)) {
        extend(trace);
        return;
    }
    m_trace = trace;
    build();
}

void TimelineModel::adopt(TimelineModel &derived) noexcept
{
    using std::swap;
    swap(m_trace, derived.m_trace);
    swap(m_startNs, derived.m_startNs);
    swap(m_endNs, derived.m_endNs);
    swap(m_liveEndNs, derived.m_liveEndNs);
    swap(m_groups, derived.m_groups);
    swap(m_lanes, derived.m_lanes);
    swap(m_slices, derived.m_slices);
    swap(m_slicesReachEnd, derived.m_slicesReachEnd);
    swap(m_liveArrows, derived.m_liveArrows);
    swap(m_laneOfActor, derived.m_laneOfActor);
    swap(m_flows, derived.m_flows);
    swap(m_fanFlows, derived.m_fanFlows);
    swap(m_states, derived.m_states);
    swap(m_liveStates, derived.m_liveStates);
    swap(m_maxFlowNs, derived.m_maxFlowNs);
    swap(m_flowTimesByKind, derived.m_flowTimesByKind);
    swap(m_counters, derived.m_counters);
    swap(m_deadlock, derived.m_deadlock);
    // The label widths measured so far stay (in their font); the widest is found again.
    m_widestLabel = -1;
    ++m_buildCount;
}

void TimelineModel::moveLiveEnd()
{
    // What build() would derive with the new end, from what only the end
    // shapes (TraceStates::moveEnd: a lane's open state runs to the end, as do
    // the locks it still holds and an unfinished lane's life).
    if (m_trace.isEmpty())
        return;
    const qint64 endNs = std::max(m_trace.endNs(), m_liveEndNs);
    if (endNs == m_endNs)
        return;
    m_endNs = endNs;
    if (!m_liveStates) // the trace's shared states: the breakdown reads them to the trace's end
        m_states = m_liveStates = std::make_shared<TraceStates>(*m_states);
    m_liveStates->moveEnd(endNs);
    for (Lane &lane : m_lanes) {
        // The open span only stretched, or came or went: the spans before it
        // stand, and a stretched one keeps its state (its masks stand too).
        const TraceStates::Lane &derived = m_liveStates->lanes()[lane.actor];
        const std::size_t kept = lane.lastSpanOpen && derived.lastSpanOpen
            ? lane.spans.size()
            : lane.spans.size() - (lane.lastSpanOpen ? 1 : 0);
        takeStates(lane, derived, kept, lane.locks.size());
    }
    resolveDeadlock();
}

void TimelineModel::takeStates(Lane &lane, const TraceStates::Lane &derived, std::size_t keptSpans,
                               std::size_t keptLocks)
{
    lane.startNs = derived.startNs;
    lane.endNs = derived.endNs;
    lane.finished = derived.finished;
    lane.killed = derived.killed;
    lane.statesKnown = derived.statesKnown;
    lane.hasOpen = derived.hasOpen;
    lane.lastSpanOpen = derived.lastSpanOpen;
    lane.open = derived.open;
    lane.spans = derived.spans;
    // Only the spans after the kept ones are summarised again (at every poll,
    // for 2000 lanes, redoing them all was a share of the window's thread).
    if (keptSpans < lane.spans.size() || lane.spanStates.size() != lane.spans.size())
        lane.spanStates.append(lane.spans, std::min(keptSpans, lane.spans.size()));
    lane.locks = derived.locks;
    // Bands held at the end are among the changed ones (TraceStates::Lane::locksUnchanged).
    keptLocks = std::min(keptLocks, lane.locks.size());
    std::erase_if(lane.locksHeldAtEnd, [keptLocks](std::size_t b) { return b >= keptLocks; });
    for (std::size_t b = keptLocks; b < lane.locks.size(); ++b) {
        const LockBand &band = lane.locks[b];
        if (band.heldAtEnd)
            lane.locksHeldAtEnd.push_back(b);
        else
            lane.longestReleasedLockNs
                = std::max(lane.longestReleasedLockNs, band.endNs - band.startNs);
    }
    lane.longestLockNs = lane.longestReleasedLockNs;
    for (const std::size_t held : lane.locksHeldAtEnd) {
        const LockBand &band = lane.locks[held];
        lane.longestLockNs = std::max(lane.longestLockNs, band.endNs - band.startNs);
    }
}

quint16 Lane::statesIn(std::size_t first, std::size_t last) const
{
    return spanStates.statesIn(spans, first, last);
}

int TimelineModel::laneIndexOf(quint32 actor) const
{
    return actor < m_laneOfActor.size() ? m_laneOfActor[actor] : -1;
}

const Lane *TimelineModel::laneOf(quint32 actor) const
{
    const int index = laneIndexOf(actor);
    return index >= 0 ? &m_lanes[std::size_t(index)] : nullptr;
}

std::size_t TimelineModel::firstFlowFrom(qint64 fromNs) const
{
    const qint64 earliest = fromNs - m_maxFlowNs;
    const auto it = std::lower_bound(
        m_flows.begin(), m_flows.end(), earliest,
        [](const Flow &flow, qint64 t) { return std::min(flow.fromNs, flow.toNs) < t; });
    return std::size_t(it - m_flows.begin());
}

Flow TimelineModel::flowOf(const LockWaitEdge &wait) const
{
    const Event &e = m_trace.events()[std::size_t(wait.event)];
    return {.fromNs = e.timeNs,
            .toNs = e.timeNs,
            .fromActor = e.actor,
            .toActor = wait.holder,
            .object = e.object,
            .fromEvent = wait.event,
            .kind = FlowKind::WaitsFor};
}

std::span<const LockWaitEdge> TimelineModel::lockWaits() const
{
    if (!m_states)
        return {};
    return m_states->lockWaits();
}

std::size_t TimelineModel::firstLockWaitFrom(qint64 fromNs) const
{
    const std::span<const LockWaitEdge> waits = lockWaits();
    const auto it = std::lower_bound(waits.begin(), waits.end(), fromNs,
                                     [](const LockWaitEdge &w, qint64 t) { return w.timeNs < t; });
    return std::size_t(it - waits.begin());
}

int TimelineModel::flowCount(FlowKind kind, qint64 fromNs, qint64 toNs) const
{
    if (kind == FlowKind::WaitsFor) {
        const std::span<const LockWaitEdge> waits = lockWaits();
        const auto end
            = std::upper_bound(waits.begin(), waits.end(), toNs,
                               [](qint64 t, const LockWaitEdge &w) { return t < w.timeNs; });
        return int(end - (waits.begin() + std::ptrdiff_t(firstLockWaitFrom(fromNs))));
    }
    if (std::size_t(kind) >= m_flowTimesByKind.size())
        return 0;
    const auto &times = m_flowTimesByKind[std::size_t(kind)];
    return int(std::upper_bound(times.begin(), times.end(), toNs)
               - std::lower_bound(times.begin(), times.end(), fromNs));
}

const StateSpan *TimelineModel::spanAt(quint32 actor, qint64 timeNs) const
{
    const Lane *lane = laneOf(actor);
    if (!lane || lane->spans.empty())
        return nullptr;
    auto it = std::upper_bound(lane->spans.begin(), lane->spans.end(), timeNs,
                               [](qint64 t, const StateSpan &span) { return t < span.startNs; });
    if (it == lane->spans.begin())
        return nullptr;
    --it;
    return timeNs <= it->endNs ? &*it : nullptr;
}

const SliceBar *TimelineModel::sliceAt(quint32 actor, int depth, qint64 timeNs,
                                       qint64 slackNs) const
{
    const Lane *lane = laneOf(actor);
    if (!lane)
        return nullptr;
    auto it = std::lower_bound(lane->slices.begin(), lane->slices.end(),
                               saturatingSub(saturatingSub(timeNs, slackNs), lane->longestSliceNs),
                               [](const SliceBar &s, qint64 t) { return s.beginNs < t; });
    const SliceBar *best = nullptr;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (; it != lane->slices.end() && it->beginNs <= timeNs + slackNs; ++it) {
        if (it->depth != depth)
            continue;
        const qint64 distance = timeNs < it->beginNs ? it->beginNs - timeNs
            : timeNs > it->endNs                     ? timeNs - it->endNs
                                                     : 0;
        if (distance <= slackNs && distance < bestDistance) {
            best = &*it;
            bestDistance = distance;
        }
    }
    return best;
}

qint64 TimelineModel::selfTimeNs(quint32 actor, const SliceBar &slice) const
{
    const Lane *lane = laneOf(actor);
    qint64 children = 0;
    if (lane) {
        auto it = std::lower_bound(lane->slices.begin(), lane->slices.end(), slice.beginNs,
                                   [](const SliceBar &s, qint64 t) { return s.beginNs < t; });
        for (; it != lane->slices.end() && it->beginNs < slice.endNs; ++it)
            if (it->depth == slice.depth + 1 && !it->async())
                children += std::min(it->endNs, slice.endNs) - it->beginNs;
    }
    return std::max<qint64>(0, slice.endNs - slice.beginNs - children);
}

const SliceBar *TimelineModel::sliceBegunBy(int eventIndex) const
{
    const auto &events = m_trace.events();
    if (eventIndex < 0 || std::size_t(eventIndex) >= events.size())
        return nullptr;
    const Event &begin = events[std::size_t(eventIndex)];
    const Lane *lane = laneOf(begin.actor);
    if (!lane || begin.kind != EventKind::SpanBegin)
        return nullptr;
    auto it = std::lower_bound(lane->slices.begin(), lane->slices.end(), begin.timeNs,
                               [](const SliceBar &s, qint64 t) { return s.beginNs < t; });
    for (; it != lane->slices.end() && it->beginNs == begin.timeNs; ++it) {
        if (it->beginEvent == eventIndex)
            return &*it;
    }
    return nullptr;
}

LaneState TimelineModel::stateAt(quint32 actor, qint64 timeNs) const
{
    const StateSpan *span = spanAt(actor, timeNs);
    return span ? span->state : LaneState::Count;
}

quint32 TimelineModel::lockOwnerAt(quint32 lock, qint64 timeNs) const
{
    for (const Lane &lane : m_lanes) {
        for (const LockBand &band : lane.locks) {
            if (band.startNs > timeNs)
                break;
            if (band.lock == lock && timeNs < band.endNs)
                return lane.actor;
        }
    }
    return 0;
}

std::vector<quint32> TimelineModel::locksUsed() const
{
    std::vector<quint32> locks;
    for (const Lane &lane : m_lanes)
        for (const LockBand &band : lane.locks)
            if (std::find(locks.begin(), locks.end(), band.lock) == locks.end())
                locks.push_back(band.lock);
    std::sort(locks.begin(), locks.end());
    return locks;
}

qreal TimelineModel::widestLabel(const QFont &font) const
{
    const QString key = font.key();
    if (m_widestLabel >= 0 && key == m_widestLabelFont)
        return m_widestLabel;
    // Another font, or the labels of many traces gone by: measured afresh.
    if (key != m_widestLabelFont
        || std::size_t(m_labelWidths.size()) > 2 * (m_lanes.size() + m_counters.size()) + 64)
        m_labelWidths.clear();
    const QFontMetricsF metrics(font);
    auto widthOf = [&](const QString &text) {
        auto it = m_labelWidths.find(text);
        if (it == m_labelWidths.end())
            it = m_labelWidths.insert(text, metrics.horizontalAdvance(text));
        return it.value();
    };
    qreal widest = 0;
    for (const Lane &lane : m_lanes) {
        QString text = lane.label;
        if (m_trace.actor(lane.actor).isDaemon)
            text += QCoreApplication::translate("weft::ui::LabelPass", " · daemon");
        widest = std::max(widest, widthOf(text));
    }
    for (const CounterTrack &track : m_counters)
        widest = std::max(widest, widthOf(track.name));
    m_widestLabelFont = key;
    m_widestLabel = widest;
    return widest;
}

void TimelineModel::addArrows(const TraceArrows &derived, std::size_t from)
{
    // One derivation of who started, joined, fed and woke whom, shared with the
    // export (core/derived/tracearrows.h); lock hand-offs show as bands here.
    const std::vector<Event> &events = m_trace.events();
    const std::vector<TraceArrows::Arrow> &arrows = derived.arrows();
    for (std::size_t a = from; a < arrows.size(); ++a) {
        const TraceArrows::Arrow &arrow = arrows[a];
        const Event &from = events[arrow.from], &to = events[arrow.to];
        if (laneIndexOf(from.actor) < 0 || laneIndexOf(to.actor) < 0)
            continue;
        Flow flow {.fromNs = from.timeNs,
                   .toNs = to.timeNs,
                   .fromActor = from.actor,
                   .toActor = to.actor,
                   .fromEvent = int(arrow.from),
                   .toEvent = int(arrow.to)};
        switch (arrow.kind) {
        case TraceArrows::Kind::Spawn:
            flow.kind = FlowKind::Spawn;
            break;
        case TraceArrows::Kind::Join:
            flow.kind = FlowKind::Join;
            break;
        case TraceArrows::Kind::Packet:
            flow.kind = FlowKind::Packet;
            flow.bytes = arrow.bytes;
            flow.object = to.object;
            break;
        case TraceArrows::Kind::Message:
            flow.kind = FlowKind::Message;
            flow.bytes = to.value;
            flow.object = to.object;
            break;
        case TraceArrows::Kind::Notify:
            flow.kind = FlowKind::Notify;
            flow.object = to.object;
            break;
        case TraceArrows::Kind::LockHandoff:
            continue;
        }
        m_flows.push_back(flow);
    }
}

void TimelineModel::placeNewFlows(std::size_t firstNew)
{
    // A total order, so std::sort needs no buffer (stable_sort takes half the
    // flows' memory again) and the result does not depend on the input order.
    const auto byStart = [](const Flow &a, const Flow &b) {
        return std::tuple(std::min(a.fromNs, a.toNs), a.fromEvent, a.toEvent, a.kind)
            < std::tuple(std::min(b.fromNs, b.toNs), b.fromEvent, b.toEvent, b.kind);
    };
    const auto newFlows = m_flows.begin() + std::ptrdiff_t(firstNew);
    std::sort(newFlows, m_flows.end(), byStart);
    // What indexes the flows, for the new ones: a live run's are mostly the
    // latest, merged in near the end.
    m_flowTimesByKind.resize(kFlowKindCount);
    std::size_t ofKind[kFlowKindCount] = {};
    for (auto flow = newFlows; flow != m_flows.end(); ++flow)
        ++ofKind[std::size_t(flow->kind)];
    std::size_t timesBefore[kFlowKindCount];
    for (std::size_t kind = 0; kind < kFlowKindCount; ++kind) {
        timesBefore[kind] = m_flowTimesByKind[kind].size();
        m_flowTimesByKind[kind].reserve(timesBefore[kind] + ofKind[kind]);
    }
    for (auto flow = newFlows; flow != m_flows.end(); ++flow) {
        m_maxFlowNs = std::max(m_maxFlowNs, std::abs(flow->toNs - flow->fromNs));
        m_flowTimesByKind[std::size_t(flow->kind)].push_back(std::min(flow->fromNs, flow->toNs));
    }
    for (std::size_t kind = 0; kind < kFlowKindCount; ++kind) {
        std::vector<qint64> &times = m_flowTimesByKind[kind];
        mergeSortedTail(times.begin(), times.begin() + std::ptrdiff_t(timesBefore[kind]),
                        times.end(), std::less<>());
    }
    const auto mergeFrom = mergeSortedTail(m_flows.begin(), newFlows, m_flows.end(), byStart);
    // The fans' indices from where the new flows moved the old ones.
    const auto firstMoved = quint32(mergeFrom - m_flows.begin());
    std::erase_if(m_fanFlows, [firstMoved](quint32 f) { return f >= firstMoved; });
    m_fanFlows.reserve(m_fanFlows.size() + ofKind[std::size_t(FlowKind::Spawn)]
                       + ofKind[std::size_t(FlowKind::Join)]);
    for (std::size_t f = firstMoved; f < m_flows.size(); ++f)
        if (m_flows[f].kind == FlowKind::Spawn || m_flows[f].kind == FlowKind::Join)
            m_fanFlows.push_back(quint32(f));
}

void TimelineModel::resolveDeadlock()
{
    // Where each edge starts and ends on the picture: the waiter's blocked span
    // and the holder's band on the lock, both around the moment of detection.
    for (DeadlockEdge &edge : m_deadlock) {
        if (const StateSpan *span = spanAt(edge.waiter, edge.detectedNs); span
            && span->state != LaneState::Running && span->state != LaneState::Starting
            && span->state != LaneState::Finished)
            edge.waitFromNs = span->startNs;
        const Lane *holder = laneOf(edge.holder);
        edge.heldFromNs = holder->startNs;
        edge.heldToNs = holder->endNs;
        for (const LockBand &band : holder->locks) {
            if (band.startNs > edge.detectedNs)
                break;
            if (band.lock == edge.object && edge.detectedNs <= band.endNs) {
                edge.heldFromNs = band.startNs;
                edge.heldToNs = band.endNs;
            }
        }
    }
}

void TimelineModel::addInstantsAndCounters(std::size_t from)
{
    const std::vector<Event> &events = m_trace.events();
    std::unordered_map<quint32, int> counterIndex;
    for (std::size_t c = 0; c < m_counters.size(); ++c)
        counterIndex.emplace(m_counters[c].object, int(c));
    // The events are in time order, so each lane's instants come sorted.
    for (int i = int(from); i < int(events.size()); ++i) {
        const Event &e = events[std::size_t(i)];
        if (e.kind == EventKind::CounterValue) {
            auto [it, inserted] = counterIndex.emplace(e.object, int(m_counters.size()));
            if (inserted) {
                const ObjectInfo info = m_trace.object(e.object);
                m_counters.push_back({e.object, boundedText(info.name), e.value, e.value, {}});
            }
            CounterTrack &track = m_counters[std::size_t(it->second)];
            track.minValue = std::min(track.minValue, e.value);
            track.maxValue = std::max(track.maxValue, e.value);
            track.samples.push_back({e.timeNs, e.value, i});
            continue;
        }
        const int li = laneIndexOf(e.actor);
        if (li < 0)
            continue;
        Lane &lane = m_lanes[std::size_t(li)];
        switch (e.kind) {
        case EventKind::Print:
            lane.instants.push_back({e.timeNs, InstantKind::Print, i});
            break;
        case EventKind::Mark:
            lane.instants.push_back({e.timeNs, instantKindOfMark(m_trace, e), i});
            if (lane.instants.back().kind == InstantKind::LostUpdate)
                lane.lostUpdates.push_back(quint32(lane.instants.size() - 1));
            // Only the deadlock detector's marks are cycle edges (value = the holder).
            // A flag, not the value's look: a lost update's value can equal an actor id.
            if ((e.flags & WaitsFor) && e.value > 0 && quint32(e.value) != e.actor
                && laneIndexOf(quint32(e.value)) >= 0)
                m_deadlock.push_back(
                    {e.actor, quint32(e.value), e.object, e.timeNs, 0, 0, e.timeNs, i});
            break;
        case EventKind::Error:
            lane.instants.push_back({e.timeNs, InstantKind::Error, i});
            break;
        default:
            break;
        }
    }
}

void TimelineModel::addKilledInstants()
{
    // A lane killed by its process's exit shows it at that moment, before the
    // lane's other instants of the same time.
    for (Lane &lane : m_lanes) {
        const TraceStates::Lane &derived = m_states->lanes()[lane.actor];
        if (!derived.killed)
            continue;
        const auto at
            = std::lower_bound(lane.instants.begin(), lane.instants.end(), derived.killedNs,
                               [](const Instant &instant, qint64 t) { return instant.timeNs < t; });
        if (at != lane.instants.end() && at->kind == InstantKind::Killed)
            continue; // shown since an earlier snapshot
        const auto index = quint32(at - lane.instants.begin());
        lane.instants.insert(at, {derived.killedNs, InstantKind::Killed, derived.killedBy});
        for (quint32 &lost : lane.lostUpdates)
            lost += lost >= index ? 1 : 0;
    }
}

void TimelineModel::clearSlices()
{
    m_slices.reset();
    m_slicesReachEnd = false;
    for (Lane &lane : m_lanes) {
        lane.slices = {};
        lane.sliceRows = 0;
        lane.longestSliceNs = 0;
        lane.sliceRowIndex.clear();
        lane.sliceRowLatestEnd.clear();
        lane.sliceRowBegin.clear();
        lane.sliceRowEnd.clear();
    }
}

void TimelineModel::addSlices()
{
    // Already sorted by actor, begin and depth: each lane's part is in order.
    m_slices = TraceSlices::of(m_trace);
    const std::vector<SliceBar> &slices = m_slices->slices();
    const qint64 traceEnd = m_trace.endNs();
    m_slicesReachEnd = std::any_of(slices.begin(), slices.end(), [traceEnd](const SliceBar &s) {
        return s.unfinished || s.endNs >= traceEnd;
    });
    std::size_t i = 0;
    while (i < slices.size()) {
        std::size_t end = i + 1;
        while (end < slices.size() && slices[end].actor == slices[i].actor)
            ++end;
        if (const int li = laneIndexOf(slices[i].actor); li >= 0) {
            Lane &lane = m_lanes[std::size_t(li)];
            lane.slices = std::span<const SliceBar>(slices.data() + i, end - i);
            for (const SliceBar &slice : lane.slices) {
                lane.sliceRows = std::max(lane.sliceRows, slice.depth + 1);
                lane.longestSliceNs = std::max(lane.longestSliceNs, slice.endNs - slice.beginNs);
            }
            lane.sliceRowIndex.assign(std::size_t(lane.sliceRows), {});
            lane.sliceRowLatestEnd.assign(std::size_t(lane.sliceRows), {});
            lane.sliceRowBegin.assign(std::size_t(lane.sliceRows), {});
            lane.sliceRowEnd.assign(std::size_t(lane.sliceRows), {});
            // Each row's four columns sized once: grown by doubling, they were
            // copied and page-faulted about twice over.
            std::vector<std::size_t> inRow(std::size_t(lane.sliceRows), 0);
            for (const SliceBar &slice : lane.slices)
                ++inRow[std::size_t(slice.depth)];
            for (std::size_t row = 0; row < inRow.size(); ++row) {
                lane.sliceRowIndex[row].reserve(inRow[row]);
                lane.sliceRowLatestEnd[row].reserve(inRow[row]);
                lane.sliceRowBegin[row].reserve(inRow[row]);
                lane.sliceRowEnd[row].reserve(inRow[row]);
            }
            for (std::size_t k = 0; k < lane.slices.size(); ++k) {
                const auto row = std::size_t(lane.slices[k].depth);
                auto &latest = lane.sliceRowLatestEnd[row];
                lane.sliceRowIndex[row].push_back(quint32(k));
                lane.sliceRowBegin[row].push_back(lane.slices[k].beginNs);
                lane.sliceRowEnd[row].push_back(lane.slices[k].endNs);
                latest.push_back(std::max(latest.empty() ? lane.slices[k].endNs : latest.back(),
                                          lane.slices[k].endNs));
            }
        }
        i = end;
    }
}

void TimelineModel::build()
{
    ++m_buildCount;
    m_widestLabel = -1;
    m_groups.clear();
    m_lanes.clear();
    clearSlices();
    m_liveArrows.reset();
    m_flows.clear();
    m_fanFlows.clear();
    m_states.reset();
    m_liveStates.reset();
    m_counters.clear();
    m_deadlock.clear();
    m_maxFlowNs = 0;
    m_flowTimesByKind.clear();
    m_startNs = m_trace.startNs();
    m_endNs = m_trace.isEmpty() ? m_trace.endNs() : std::max(m_trace.endNs(), m_liveEndNs);
    m_laneOfActor.assign(std::size_t(m_trace.actorCount()) + 1, -1);
    if (m_trace.isEmpty())
        return;
    // A live run's snapshot (TraceLineage) is derived into the model's own
    // states and arrows, which its next snapshot extends. Otherwise, to the
    // trace's own end, they are the trace's, derived once for every view
    // (core/derived/tracestates.h, tracearrows.h).
    const bool live = m_trace.lineage().series != 0;
    if (live)
        m_liveArrows = std::make_shared<TraceArrows>(m_trace, TraceArrows::Handoffs::Skip);
    const std::shared_ptr<const TraceArrows> arrows
        = live ? m_liveArrows : TraceArrows::of(m_trace, TraceArrows::Handoffs::Skip);
    if (m_endNs == m_trace.endNs() && !live)
        m_states = TraceStates::of(m_trace);
    else
        m_states = m_liveStates = std::make_shared<TraceStates>(m_trace, m_endNs);

    placeLanes();
    for (Lane &lane : m_lanes)
        takeStates(lane, m_states->lanes()[lane.actor], 0, 0);
    m_flows.reserve(arrows->arrows().size());

    // The walk over every event for instants and counters takes about as long
    // as laying out the slices and arrows (0.2 s each at 10 M events): on a
    // large trace they run side by side. They write different members.
    if (m_trace.events().size() >= kSideBySideEvents) {
        auto instants = std::async(std::launch::async, [this] { addInstantsAndCounters(0); });
        addSlices();
        addArrows(*arrows, 0);
        instants.get();
    } else {
        addInstantsAndCounters(0);
        addSlices();
        addArrows(*arrows, 0);
    }
    addKilledInstants();
    resolveDeadlock();
    placeNewFlows(0);
}

bool TimelineModel::canExtendTo(const Trace &trace) const
{
    // The model's own states and arrows, derived from events the new trace
    // keeps, on the same axis (a step axis maps every time anew).
    return m_liveStates && m_liveArrows && !m_trace.isEmpty()
        && m_liveStates->eventsWalked() == m_trace.events().size()
        && m_liveArrows->eventsWalked() == m_trace.events().size()
        && trace.keptEventsOf(m_trace) == m_trace.events().size()
        && trace.events().size() >= m_trace.events().size();
}

void TimelineModel::extend(const Trace &trace)
{
    ++m_buildCount;
    ++m_extendCount;
    const std::size_t from = m_trace.events().size();
    m_trace = trace;
    m_widestLabel = -1; // the labels' widths are kept (m_labelWidths)
    m_startNs = m_trace.startNs();
    m_endNs = std::max(m_trace.endNs(), m_liveEndNs);

    // What each lane's states kept: all but the open span, and the bands before
    // the first that changed.
    std::vector<std::size_t> keptSpans(m_laneOfActor.size(), 0);
    for (const Lane &lane : m_lanes)
        keptSpans[lane.actor] = lane.spans.size() - (lane.lastSpanOpen ? 1 : 0);
    m_liveStates->extend(m_trace, m_endNs);
    placeLanes();
    for (Lane &lane : m_lanes) {
        const TraceStates::Lane &derived = m_liveStates->lanes()[lane.actor];
        takeStates(lane, derived, lane.actor < keptSpans.size() ? keptSpans[lane.actor] : 0,
                   derived.locksUnchanged);
    }

    addInstantsAndCounters(from);
    addKilledInstants();

    // Slices: kept while no new event begins or ends one and none reaches the
    // trace's end, which moved; else laid out again (they are few in a live run).
    const std::vector<Event> &events = m_trace.events();
    const bool newSlices
        = std::any_of(events.begin() + std::ptrdiff_t(from), events.end(), [](const Event &e) {
              return e.kind == EventKind::SpanBegin || e.kind == EventKind::SpanEnd;
          });
    if (newSlices || m_slicesReachEnd) {
        clearSlices();
        addSlices();
    }

    const std::size_t arrowsBefore = m_liveArrows->arrows().size();
    m_liveArrows->extend(m_trace);
    const std::size_t flowsBefore = m_flows.size();
    addArrows(*m_liveArrows, arrowsBefore);
    placeNewFlows(flowsBefore);
    resolveDeadlock();
}

void TimelineModel::placeLanes()
{
    // Lanes: every actor with at least one event, grouped by process, the
    // main thread first, then in order of creation.
    const std::vector<TraceStates::Lane> &states = m_states->lanes();
    const quint32 actorCount = quint32(m_trace.actorCount());
    std::vector<quint32> order;
    for (quint32 a = 1; a <= actorCount && a < states.size(); ++a)
        if (states[a].actor != 0)
            order.push_back(a);
    std::vector<ActorInfo> infos(std::size_t(actorCount) + 1);
    for (const quint32 a : order)
        infos[a] = m_trace.actor(a);
    std::stable_sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        const ActorInfo &ia = infos[a], &ib = infos[b];
        // Unknown process (0) sorts last.
        const quint32 pa = ia.process ? ia.process : ~0u, pb = ib.process ? ib.process : ~0u;
        if (pa != pb)
            return pa < pb;
        if (ia.isMainThread != ib.isMainThread)
            return ia.isMainThread;
        return a < b; // creation order: Thread-1, Thread-2, ... as the code made them
    });
    // The lanes there are move to their places (a live run's new thread may
    // belong before another process's lanes); new ones start empty.
    std::vector<Lane> lanes;
    lanes.reserve(order.size());
    std::vector<int> previous(std::size_t(actorCount) + 1, -1);
    for (std::size_t l = 0; l < m_lanes.size(); ++l)
        if (m_lanes[l].actor <= actorCount)
            previous[m_lanes[l].actor] = int(l);
    m_groups.clear();
    m_laneOfActor.assign(std::size_t(actorCount) + 1, -1);
    for (const quint32 a : order) {
        const ActorInfo &info = infos[a];
        Lane lane;
        if (previous[a] >= 0)
            lane = std::move(m_lanes[std::size_t(previous[a])]);
        lane.actor = a;
        lane.process = info.process;
        lane.label = laneLabel(info, a);
        if (m_groups.empty() || m_groups.back().process != info.process)
            m_groups.push_back(
                {info.process, groupLabel(m_trace, info.process), int(lanes.size()), 0});
        ++m_groups.back().laneCount;
        m_laneOfActor[a] = int(lanes.size());
        lanes.push_back(std::move(lane));
    }
    m_lanes = std::move(lanes);
}

} // namespace weft::ui
