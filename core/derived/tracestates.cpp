// SPDX-License-Identifier: MIT
#include "tracestates.h"

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

// Per-lane state while walking the events once, in time order.
struct Cursor
{
    bool started = false;
    LaneState state = LaneState::Running;
    qint64 stateStart = 0;
    quint32 stateObject = 0;
    int stateEvent = -1;
    // Starting (see TraceStates): until the program's own first event, "running" is the
    // runtime starting; startSite is the ProcessStart's site, the parent's starting line.
    bool starting = false;
    quint16 startSite = 0;
    std::unordered_map<quint32, std::pair<qint64, int>> heldLocks; // lock -> (since, event)
};

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
    auto laneOf = [&](quint32 actor) -> Lane * {
        return actor >= 1 && actor <= actorCount && m_lanes[actor].actor != 0 ? &m_lanes[actor]
                                                                              : nullptr;
    };

    // Counted first, so that every list is sized once: a contended run has
    // millions of spans and lock bands, and growth by doubling would hold up to
    // twice their memory at its peak.
    std::vector<std::size_t> changes(m_lanes.size()), acquisitions(m_lanes.size());
    std::size_t lockWaits = 0;
    for (const Event &e : events) {
        if (e.actor < 1 || e.actor > actorCount)
            continue;
        Lane &lane = m_lanes[e.actor];
        if (lane.actor == 0) {
            lane.actor = e.actor;
            lane.startNs = e.timeNs;
            lane.endNs = endNs;
        }
        lane.lastEventNs = e.timeNs;
        // A pause is two changes: into it, and back out at the lane's next event.
        changes[e.actor] += beginsSpan(e.kind) + (e.kind == EventKind::StepWait);
        acquisitions[e.actor] += e.kind == EventKind::LockAcquired;
        lockWaits += e.kind == EventKind::LockWait;
    }
    for (std::size_t a = 1; a < m_lanes.size(); ++a) {
        // The first "running" (or "starting", then "running"), and "finished" when its
        // process exits.
        m_lanes[a].spans.reserve(m_lanes[a].actor ? changes[a] + 3 : 0);
        m_lanes[a].locks.reserve(acquisitions[a]);
    }
    m_lockWaits.reserve(lockWaits);

    std::vector<Cursor> cursors(m_lanes.size());
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

    std::unordered_map<quint32, quint32> lockOwner; // lock -> actor
    for (int i = 0; i < int(events.size()); ++i) {
        const Event &e = events[std::size_t(i)];
        Lane *lane = laneOf(e.actor);
        if (!lane)
            continue;
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

    // Every lane's last state runs to the end (a finished lane stays "finished").
    for (quint32 a = 1; a <= actorCount; ++a) {
        Lane &lane = m_lanes[a];
        if (lane.actor == 0)
            continue;
        const Cursor &c = cursors[a];
        lane.hasOpen = c.started;
        lane.open = {c.stateStart, endNs, c.state, false, c.stateObject, c.stateEvent, -1};
        const std::size_t before = lane.spans.size();
        closeSpan(a, endNs, -1);
        lane.lastSpanOpen = lane.spans.size() > before;
        for (auto &[lock, since] : cursors[a].heldLocks)
            lane.locks.push_back({since.first, endNs, lock, since.second, -1, false, true});
        std::sort(lane.locks.begin(), lane.locks.end(), [](const LockBand &x, const LockBand &y) {
            return std::tie(x.startNs, x.eventIndex) < std::tie(y.startNs, y.eventIndex);
        });
    }
}

} // namespace weft
