// SPDX-License-Identifier: MIT
#include "tracestates.h"

#include "core/nearlysortedsort.h"

#include <algorithm>
#include <unordered_map>

namespace weft {

namespace {

// Whether an event says what its lane was doing, as opposed to naming a
// stretch of it (slices), marking a moment or carrying a value.
bool tellsState(EventKind kind)
{
    switch (kind) {
    case EventKind::SpanBegin:
    case EventKind::SpanEnd:
    case EventKind::Print:
    case EventKind::Mark:
    case EventKind::Error:
    case EventKind::CounterValue:
    case EventKind::MessageSend:
    case EventKind::MessageRecv:
    case EventKind::None:
    case EventKind::Count:
        return false;
    default:
        return true;
    }
}

// The state an event puts its lane in, for the events that change it.
bool beginsSpan(EventKind kind)
{
    switch (kind) {
    case EventKind::ThreadEnd:
    case EventKind::ProcessExit:
    case EventKind::SleepBegin:
    case EventKind::SleepEnd:
    case EventKind::LockWait:
    case EventKind::LockAcquired:
    case EventKind::JoinWait:
    case EventKind::JoinDone:
    case EventKind::IoWaitBegin:
    case EventKind::IoWaitEnd:
    case EventKind::CondWait:
    case EventKind::CondWake:
    case EventKind::StepWait:
        return true;
    default:
        return false;
    }
}

// Whether `e` is the end of the wait `state` on `object` began.
bool endsWait(LaneState state, quint32 object, const Event &e)
{
    switch (state) {
    case LaneState::Sleeping:
        return e.kind == EventKind::SleepEnd;
    case LaneState::BlockedOnLock:
        return e.kind == EventKind::LockAcquired && e.object == object;
    case LaneState::WaitingJoin:
        return e.kind == EventKind::JoinDone;
    case LaneState::WaitingIo:
        return e.kind == EventKind::IoWaitEnd && e.object == object;
    case LaneState::WaitingCondition:
        return e.kind == EventKind::CondWake && e.object == object;
    default:
        return false;
    }
}

} // namespace

std::shared_ptr<const TraceStates> TraceStates::of(const Trace &trace)
{
    static const char key = 0;
    return trace.derived().get<TraceStates>(
        &key, [&trace] { return std::make_shared<const TraceStates>(trace, trace.endNs()); });
}

TraceStates::TraceStates(const Trace &trace, qint64 endNs)
{
    const std::vector<Event> &events = trace.events();
    const quint32 actorCount = quint32(trace.actorCount());
    m_lanes.resize(std::size_t(actorCount) + 1);
    m_cursors.resize(m_lanes.size());

    // Counted first, so that every list is sized once: a contended run has
    // millions of spans and lock bands, and growth by doubling would hold up to
    // twice their memory at its peak.
    std::vector<std::size_t> changes(m_lanes.size()), acquisitions(m_lanes.size());
    std::vector<char> seen(m_lanes.size());
    std::size_t lockWaits = 0;
    for (const Event &e : events) {
        if (e.actor < 1 || e.actor > actorCount)
            continue;
        seen[e.actor] = 1;
        // A pause is two changes: into it, and back out at the lane's next event.
        changes[e.actor] += beginsSpan(e.kind) + (e.kind == EventKind::StepWait);
        acquisitions[e.actor] += e.kind == EventKind::LockAcquired;
        lockWaits += e.kind == EventKind::LockWait;
    }
    for (std::size_t a = 1; a < m_lanes.size(); ++a) {
        // The first "running" (or "starting", then "running"), and "finished" when its
        // process exits.
        m_lanes[a].spans.reserve(seen[a] ? changes[a] + 3 : 0);
        m_lanes[a].locks.reserve(acquisitions[a]);
    }
    m_lockWaits.reserve(lockWaits);
    walk(trace, 0, endNs);
    close(endNs);
}

void TraceStates::extend(const Trace &trace, qint64 endNs)
{
    reopen();
    const std::size_t lanes = std::size_t(trace.actorCount()) + 1;
    if (lanes > m_lanes.size()) {
        m_lanes.resize(lanes);
        m_cursors.resize(lanes);
    }
    walk(trace, m_walked, endNs);
    close(endNs);
}

void TraceStates::walk(const Trace &trace, std::size_t from, qint64 endNs)
{
    const std::vector<Event> &events = trace.events();
    const quint32 actorCount = quint32(m_lanes.size() - 1);
    std::vector<Cursor> &cursors = m_cursors;
    auto closeSpan = [&](quint32 actor, qint64 t, int by) {
        const Cursor &c = cursors[actor];
        if (!c.started || t <= c.stateStart)
            return;
        const bool ended = by >= 0 && endsWait(c.state, c.stateObject, events[std::size_t(by)]);
        m_lanes[actor].spans.push_back(
            {c.stateStart, t, c.state, ended, c.stateObject, c.stateEvent, ended ? by : -1});
    };
    auto enter = [&](quint32 actor, qint64 t, LaneState state, quint32 object, int eventIndex) {
        Cursor &c = cursors[actor];
        if (c.starting && state == LaneState::Running)
            state = LaneState::Starting;
        if (c.started && c.state == state && c.stateObject == object)
            return;
        closeSpan(actor, t, eventIndex);
        c.started = true;
        c.state = state;
        c.stateStart = t;
        c.stateObject = object;
        c.stateEvent = eventIndex;
    };
    auto finish = [&](quint32 actor, qint64 t, int eventIndex) {
        Lane &lane = m_lanes[actor];
        cursors[actor].starting = false;
        enter(actor, t, LaneState::Finished, 0, eventIndex);
        for (auto &[lock, since] : cursors[actor].heldLocks)
            lane.locks.push_back({since.first, t, lock, since.second, -1, false});
        cursors[actor].heldLocks.clear();
        if (!lane.finished)
            lane.endNs = t;
        lane.finished = true;
    };

    std::unordered_map<quint32, quint32> &lockOwner = m_lockOwner;
    for (int i = int(from); i < int(events.size()); ++i) {
        const Event &e = events[std::size_t(i)];
        if (e.actor < 1 || e.actor > actorCount)
            continue;
        Lane *lane = &m_lanes[e.actor];
        if (lane->actor == 0) {
            lane->actor = e.actor;
            lane->startNs = e.timeNs;
            lane->endNs = endNs;
        }
        lane->lastEventNs = e.timeNs;
        Cursor &cursor = cursors[e.actor];
        lane->statesKnown = lane->statesKnown || tellsState(e.kind);
        if (!cursor.started && e.kind == EventKind::ProcessStart) {
            cursor.starting = true;
            cursor.startSite = e.site;
        } else if (cursor.starting && e.site != 0 && e.site != cursor.startSite) {
            // The program's own first event: what was "starting" is running from here.
            cursor.starting = false;
            if (cursor.state == LaneState::Starting)
                enter(e.actor, e.timeNs, LaneState::Running, 0, i);
        }
        if (!cursor.started && e.kind != EventKind::ThreadEnd)
            enter(e.actor, e.timeNs, LaneState::Running, 0, i);
        // A thread parked at its gate was running when it got there; the user
        // lets it go and its next event, whatever it is, is the step it takes.
        if (cursor.state == LaneState::Paused && e.kind != EventKind::StepWait)
            enter(e.actor, e.timeNs, LaneState::Running, 0, i);
        switch (e.kind) {
        case EventKind::ThreadEnd:
            if (!cursor.started)
                enter(e.actor, e.timeNs, LaneState::Running, 0, i);
            finish(e.actor, e.timeNs, i);
            break;
        case EventKind::ProcessExit: {
            // Threads of this process still running now die with it: a daemon's end.
            const quint32 process = trace.actor(e.actor).process;
            for (quint32 other = 1; other <= actorCount; ++other) {
                Lane &victim = m_lanes[other];
                // A worker may record its threads' ends as it exits: an end at the very
                // instant of the exit is the exit's doing too.
                const bool endedByExit = victim.finished && victim.endNs == e.timeNs;
                if (other == e.actor || victim.actor == 0 || trace.actor(other).process != process
                    || (victim.finished && !endedByExit) || !cursors[other].started)
                    continue;
                victim.killed = true;
                victim.killedNs = e.timeNs;
                victim.killedBy = i;
                finish(other, e.timeNs, i);
            }
            finish(e.actor, e.timeNs, i);
            break;
        }
        case EventKind::SleepBegin:
            enter(e.actor, e.timeNs, LaneState::Sleeping, 0, i);
            break;
        case EventKind::StepWait:
            enter(e.actor, e.timeNs, LaneState::Paused, e.object, i);
            break;
        case EventKind::LockWait: {
            enter(e.actor, e.timeNs, LaneState::BlockedOnLock, e.object, i);
            const auto owner = lockOwner.find(e.object);
            if (owner != lockOwner.end() && owner->second != e.actor)
                m_lockWaits.push_back({e.timeNs, i, owner->second});
            break;
        }
        case EventKind::LockAcquired:
            enter(e.actor, e.timeNs, LaneState::Running, 0, i);
            cursor.heldLocks[e.object] = {e.timeNs, i};
            lockOwner[e.object] = e.actor;
            break;
        case EventKind::LockReleased: {
            const auto held = cursor.heldLocks.find(e.object);
            if (held != cursor.heldLocks.end()) {
                lane->locks.push_back(
                    {held->second.first, e.timeNs, e.object, held->second.second, i, true});
                cursor.heldLocks.erase(held);
            }
            if (const auto owner = lockOwner.find(e.object);
                owner != lockOwner.end() && owner->second == e.actor)
                lockOwner.erase(owner);
            break;
        }
        case EventKind::JoinWait:
            enter(e.actor, e.timeNs, LaneState::WaitingJoin, quint32(e.value), i);
            break;
        case EventKind::JoinDone:
            enter(e.actor, e.timeNs, LaneState::Running, 0, i);
            break;
        case EventKind::IoWaitBegin:
            enter(e.actor, e.timeNs, LaneState::WaitingIo, e.object, i);
            break;
        case EventKind::CondWait:
            enter(e.actor, e.timeNs, LaneState::WaitingCondition, e.object, i);
            break;
        case EventKind::CondWake:
        case EventKind::SleepEnd:
        case EventKind::IoWaitEnd:
            enter(e.actor, e.timeNs, LaneState::Running, 0, i);
            break;
        default:
            break;
        }
    }

    m_walked = events.size();
}

void TraceStates::close(qint64 endNs)
{
    // Every lane's last state runs to the end (a finished lane stays "finished").
    const auto byStart = [](const LockBand &x, const LockBand &y) {
        return std::tie(x.startNs, x.eventIndex) < std::tie(y.startNs, y.eventIndex);
    };
    for (std::size_t a = 1; a < m_lanes.size(); ++a) {
        Lane &lane = m_lanes[a];
        if (lane.actor == 0)
            continue;
        Cursor &c = m_cursors[a];
        if (!lane.finished)
            lane.endNs = endNs;
        lane.hasOpen = c.started;
        lane.open = {c.stateStart, endNs, c.state, false, c.stateObject, c.stateEvent, -1};
        lane.lastSpanOpen = c.started && endNs > c.stateStart;
        if (lane.lastSpanOpen)
            lane.spans.push_back(lane.open);
        for (auto &[lock, since] : c.heldLocks)
            lane.locks.push_back({since.first, endNs, lock, since.second, -1, false, true});
        // The bands since the last close, sorted, then merged in where they
        // start: a live run's are mostly the latest, and the merge moves few.
        const auto mergeFrom = mergeSortedTail(lane.locks.begin(),
                                               lane.locks.begin() + std::ptrdiff_t(c.sortedLocks),
                                               lane.locks.end(), byStart);
        c.heldFrom = std::size_t(mergeFrom - lane.locks.begin());
        lane.locksUnchanged = std::min(lane.locksUnchanged, c.heldFrom);
    }
}

void TraceStates::reopen()
{
    for (std::size_t a = 1; a < m_lanes.size(); ++a) {
        Lane &lane = m_lanes[a];
        if (lane.actor == 0)
            continue;
        if (lane.lastSpanOpen)
            lane.spans.pop_back();
        lane.lastSpanOpen = false;
        // The bands still held at the end go; they come back, released or still
        // held, with the walk. What stays is settled and sorted.
        const auto held
            = std::find_if(lane.locks.begin() + std::ptrdiff_t(m_cursors[a].heldFrom),
                           lane.locks.end(), [](const LockBand &band) { return band.heldAtEnd; });
        lane.locksUnchanged = std::size_t(held - lane.locks.begin());
        lane.locks.erase(std::remove_if(held, lane.locks.end(),
                                        [](const LockBand &band) { return band.heldAtEnd; }),
                         lane.locks.end());
        m_cursors[a].sortedLocks = lane.locks.size();
    }
}

void TraceStates::moveEnd(qint64 endNs)
{
    for (std::size_t a = 1; a < m_lanes.size(); ++a) {
        Lane &lane = m_lanes[a];
        if (lane.actor == 0)
            continue;
        if (!lane.finished)
            lane.endNs = endNs;
        if (lane.lastSpanOpen)
            lane.spans.pop_back();
        lane.open.endNs = endNs;
        lane.lastSpanOpen = lane.hasOpen && endNs > lane.open.startNs;
        if (lane.lastSpanOpen)
            lane.spans.push_back(lane.open);
        for (std::size_t b = m_cursors[a].heldFrom; b < lane.locks.size(); ++b)
            if (lane.locks[b].heldAtEnd)
                lane.locks[b].endNs = endNs;
    }
}

} // namespace weft
