// SPDX-License-Identifier: MIT
#include "timelinemodel.h"

#include "core/derived/tracearrows.h"
#include "core/derived/traceslices.h"
#include "core/interchange/untrustedtext.h"
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
    m_trace = trace;
    m_liveEndNs = nowNs;
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
    // shapes (TraceStates: a lane's open state runs to the end, as do the
    // locks it still holds and an unfinished lane's life).
    if (m_trace.isEmpty())
        return;
    const qint64 endNs = std::max(m_trace.endNs(), m_liveEndNs);
    if (endNs == m_endNs)
        return;
    m_endNs = endNs;
    if (!m_liveStates) // the trace's shared states: the breakdown reads them to the trace's end
        m_states = m_liveStates = std::make_shared<TraceStates>(*m_states);
    for (Lane &lane : m_lanes) {
        TraceStates::Lane &states = m_liveStates->lanes()[lane.actor];
        if (!lane.finished)
            lane.endNs = endNs;
        const bool wasOpen = lane.lastSpanOpen;
        if (lane.lastSpanOpen)
            states.spans.pop_back();
        lane.lastSpanOpen = lane.hasOpen && endNs > lane.open.startNs;
        if (lane.lastSpanOpen) {
            states.spans.push_back(lane.open);
            states.spans.back().endNs = endNs;
        }
        lane.spans = states.spans;
        // The open span only stretched: no state came or went, the masks stand
        // (at every poll, for 2000 lanes, redoing them was a share of the window's thread).
        if (lane.lastSpanOpen != wasOpen)
            lane.spanStates.append(lane.spans, lane.spans.empty() ? 0 : lane.spans.size() - 1);
        lane.longestLockNs = lane.longestReleasedLockNs;
        for (const std::size_t held : lane.locksHeldAtEnd) {
            LockBand &band = states.locks[held];
            band.endNs = endNs;
            lane.longestLockNs = std::max(lane.longestLockNs, band.endNs - band.startNs);
        }
        lane.locks = states.locks;
    }
    resolveDeadlock();
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

void TimelineModel::addArrows(const TraceArrows &derived)
{
    // One derivation of who started, joined, fed and woke whom, shared with the
    // export (core/derived/tracearrows.h); lock hand-offs show as bands here.
    const std::vector<Event> &events = m_trace.events();
    for (const TraceArrows::Arrow &arrow : derived.arrows()) {
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

void TimelineModel::addInstantsAndCounters()
{
    const std::vector<Event> &events = m_trace.events();
    std::unordered_map<quint32, int> counterIndex;
    for (int i = 0; i < int(events.size()); ++i) {
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
    for (Lane &lane : m_lanes) {
        std::stable_sort(lane.instants.begin(), lane.instants.end(),
                         [](const Instant &a, const Instant &b) { return a.timeNs < b.timeNs; });
        for (std::size_t i = 0; i < lane.instants.size(); ++i)
            if (lane.instants[i].kind == InstantKind::LostUpdate
                && lane.instants[i].eventIndex >= 0)
                lane.lostUpdates.push_back(quint32(i));
    }
}

void TimelineModel::addSlices()
{
    // Already sorted by actor, begin and depth: each lane's part is in order.
    m_slices = TraceSlices::of(m_trace);
    const std::vector<SliceBar> &slices = m_slices->slices();
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
    m_slices.reset();
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
    const std::vector<Event> &events = m_trace.events();
    const quint32 actorCount = quint32(m_trace.actorCount());
    m_laneOfActor.assign(actorCount + 1, -1);
    if (events.empty())
        return;
    const std::shared_ptr<const TraceArrows> arrows
        = TraceArrows::of(m_trace, TraceArrows::Handoffs::Skip);

    // What each lane did: core's derivation (core/derived/tracestates.h). To
    // the trace's own end it is the trace's, derived once for every view.
    if (m_endNs == m_trace.endNs())
        m_states = TraceStates::of(m_trace);
    else
        m_states = m_liveStates = std::make_shared<TraceStates>(m_trace, m_endNs);
    const TraceStates &states = *m_states;

    // Lanes: every actor with at least one event, grouped by process, the
    // main thread first, then in order of creation.
    std::vector<quint32> order;
    for (quint32 a = 1; a <= actorCount; ++a)
        if (states.lanes()[a].actor != 0)
            order.push_back(a);
    std::stable_sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        const ActorInfo ia = m_trace.actor(a), ib = m_trace.actor(b);
        // Unknown process (0) sorts last.
        const quint32 pa = ia.process ? ia.process : ~0u, pb = ib.process ? ib.process : ~0u;
        if (pa != pb)
            return pa < pb;
        if (ia.isMainThread != ib.isMainThread)
            return ia.isMainThread;
        return a < b; // creation order: Thread-1, Thread-2, ... as the code made them
    });
    for (quint32 a : order) {
        const ActorInfo info = m_trace.actor(a);
        const TraceStates::Lane &derived = states.lanes()[a];
        Lane lane;
        lane.actor = a;
        lane.process = info.process;
        lane.label = laneLabel(info, a);
        lane.startNs = derived.startNs;
        lane.endNs = derived.endNs;
        lane.finished = derived.finished;
        lane.killed = derived.killed;
        lane.statesKnown = derived.statesKnown;
        lane.spans = derived.spans;
        lane.hasOpen = derived.hasOpen;
        lane.lastSpanOpen = derived.lastSpanOpen;
        lane.open = derived.open;
        lane.spanStates.append(lane.spans, 0);
        lane.locks = derived.locks;
        if (derived.killed)
            lane.instants.push_back({derived.killedNs, InstantKind::Killed, derived.killedBy});
        for (std::size_t b = 0; b < lane.locks.size(); ++b) {
            const LockBand &band = lane.locks[b];
            if (band.heldAtEnd)
                lane.locksHeldAtEnd.push_back(b);
            else
                lane.longestReleasedLockNs
                    = std::max(lane.longestReleasedLockNs, band.endNs - band.startNs);
            lane.longestLockNs = std::max(lane.longestLockNs, band.endNs - band.startNs);
        }
        if (m_groups.empty() || m_groups.back().process != info.process)
            m_groups.push_back(
                {info.process, groupLabel(m_trace, info.process), int(m_lanes.size()), 0});
        ++m_groups.back().laneCount;
        m_laneOfActor[a] = int(m_lanes.size());
        m_lanes.push_back(std::move(lane));
    }
    m_flows.reserve(arrows->arrows().size());

    // The walk over every event for instants and counters takes about as long
    // as laying out the slices and arrows (0.2 s each at 10 M events): on a
    // large trace they run side by side. They write different members.
    if (events.size() >= kSideBySideEvents) {
        auto instants = std::async(std::launch::async, [this] { addInstantsAndCounters(); });
        addSlices();
        addArrows(*arrows);
        instants.get();
    } else {
        addInstantsAndCounters();
        addSlices();
        addArrows(*arrows);
    }
    resolveDeadlock();
    // A total order, so std::sort needs no buffer (stable_sort takes half the
    // flows' memory again) and the result does not depend on the input order.
    std::sort(m_flows.begin(), m_flows.end(), [](const Flow &a, const Flow &b) {
        return std::tuple(std::min(a.fromNs, a.toNs), a.fromEvent, a.toEvent, a.kind)
            < std::tuple(std::min(b.fromNs, b.toNs), b.fromEvent, b.toEvent, b.kind);
    });
    m_flowTimesByKind.assign(kFlowKindCount, {});
    std::size_t ofKind[kFlowKindCount] = {};
    for (const Flow &flow : m_flows)
        ++ofKind[std::size_t(flow.kind)];
    for (std::size_t kind = 0; kind < kFlowKindCount; ++kind)
        m_flowTimesByKind[kind].reserve(ofKind[kind]);
    m_fanFlows.reserve(ofKind[std::size_t(FlowKind::Spawn)] + ofKind[std::size_t(FlowKind::Join)]);
    for (std::size_t f = 0; f < m_flows.size(); ++f) {
        const Flow &flow = m_flows[f];
        m_maxFlowNs = std::max(m_maxFlowNs, std::abs(flow.toNs - flow.fromNs));
        m_flowTimesByKind[std::size_t(flow.kind)].push_back(std::min(flow.fromNs, flow.toNs));
        if (flow.kind == FlowKind::Spawn || flow.kind == FlowKind::Join)
            m_fanFlows.push_back(quint32(f));
    }
}

} // namespace weft::ui
