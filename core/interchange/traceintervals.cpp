#include "traceintervals.h"

#include <QHash>

#include <optional>

namespace weft {

namespace {
std::optional<TraceIntervals::State> waitStarted(EventKind kind)
{
    switch (kind) {
    case EventKind::SleepBegin: return TraceIntervals::State::Sleeping;
    case EventKind::LockWait: return TraceIntervals::State::Blocked;
    case EventKind::JoinWait: return TraceIntervals::State::Joining;
    case EventKind::IoWaitBegin: return TraceIntervals::State::WaitingIo;
    case EventKind::CondWait: return TraceIntervals::State::Waiting;
    default: return std::nullopt;
    }
}

std::optional<TraceIntervals::State> waitEnded(EventKind kind)
{
    switch (kind) {
    case EventKind::SleepEnd: return TraceIntervals::State::Sleeping;
    case EventKind::LockAcquired: return TraceIntervals::State::Blocked;
    case EventKind::JoinDone: return TraceIntervals::State::Joining;
    case EventKind::IoWaitEnd: return TraceIntervals::State::WaitingIo;
    case EventKind::CondWake: return TraceIntervals::State::Waiting;
    default: return std::nullopt;
    }
}

bool usesObject(TraceIntervals::State state)
{
    return state == TraceIntervals::State::Blocked || state == TraceIntervals::State::WaitingIo
        || state == TraceIntervals::State::Waiting;
}
} // namespace

TraceIntervals::TraceIntervals(const Trace &trace)
{
    deriveLives(trace);
    deriveWaits(trace);
    deriveHolds(trace);
    derivePhases(trace);
}

const char *TraceIntervals::stateName(State state)
{
    switch (state) {
    case State::Running: return "running";
    case State::Sleeping: return "sleeping";
    case State::Blocked: return "blocked";
    case State::Joining: return "join";
    case State::WaitingIo: return "I/O";
    case State::Waiting: return "waiting";
    }
    return "running";
}

void TraceIntervals::deriveLives(const Trace &trace)
{
    // A lane lives from ThreadStart (or its first event) to ThreadEnd (or its last).
    const int actors = trace.actorCount();
    std::vector<StateSpan> lives(std::size_t(actors) + 1);
    std::vector<bool> seen(std::size_t(actors) + 1, false);
    std::vector<bool> ended(std::size_t(actors) + 1, false);
    for (const Event &e : trace.events()) {
        if (e.actor == 0 || e.actor > quint32(actors))
            continue;
        StateSpan &life = lives[e.actor];
        if (!seen[e.actor]) {
            seen[e.actor] = true;
            life.actor = e.actor;
            life.beginNs = e.timeNs;
        }
        if (!ended[e.actor])
            life.endNs = e.timeNs;
        if (e.kind == EventKind::ThreadEnd || e.kind == EventKind::ProcessExit)
            ended[e.actor] = true;
    }
    for (int a = 1; a <= actors; ++a) {
        if (seen[std::size_t(a)])
            m_states.push_back(lives[std::size_t(a)]);
    }
}

void TraceIntervals::deriveWaits(const Trace &trace)
{
    // A lane waits for one thing at a time; a new wait (or the end of the
    // trace) closes an open one as unfinished.
    QHash<quint32, StateSpan> open;
    for (const Event &e : trace.events()) {
        if (e.actor == 0)
            continue;
        if (const auto started = waitStarted(e.kind)) {
            if (auto it = open.find(e.actor); it != open.end()) {
                it->endNs = e.timeNs;
                it->unfinished = true;
                m_states.push_back(*it);
                open.erase(it);
            }
            StateSpan span;
            span.actor = e.actor;
            span.state = *started;
            span.beginNs = e.timeNs;
            span.object = usesObject(*started) ? e.object : 0;
            span.value = *started == State::Joining ? e.value : 0;
            span.text = e.text;
            open.insert(e.actor, span);
        } else if (const auto ended = waitEnded(e.kind)) {
            auto it = open.find(e.actor);
            if (it == open.end() || it->state != *ended)
                continue; // e.g. LockAcquired without contention has no LockWait
            if (usesObject(*ended) && it->object != e.object)
                continue;
            it->endNs = e.timeNs;
            m_states.push_back(*it);
            open.erase(it);
        }
    }
    const qint64 end = trace.endNs();
    for (StateSpan span : std::as_const(open)) {
        span.endNs = end;
        span.unfinished = true;
        m_states.push_back(span);
    }
}

void TraceIntervals::deriveHolds(const Trace &trace)
{
    QHash<QPair<quint32, quint32>, LockHold> open; // (actor, lock)
    for (const Event &e : trace.events()) {
        if (e.kind == EventKind::LockAcquired) {
            LockHold hold;
            hold.actor = e.actor;
            hold.lock = e.object;
            hold.beginNs = e.timeNs;
            open.insert({e.actor, e.object}, hold);
        } else if (e.kind == EventKind::LockReleased) {
            auto it = open.find({e.actor, e.object});
            if (it == open.end())
                continue;
            it->endNs = e.timeNs;
            m_holds.push_back(*it);
            open.erase(it);
        }
    }
    const qint64 end = trace.endNs();
    for (LockHold hold : std::as_const(open)) {
        hold.endNs = end;
        hold.unfinished = true;
        m_holds.push_back(hold);
    }
}

void TraceIntervals::derivePhases(const Trace &trace)
{
    m_phases = TraceSlices(trace).slices();
}

} // namespace weft
