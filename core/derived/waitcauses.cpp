// SPDX-License-Identifier: MIT
#include "waitcauses.h"

#include <algorithm>

namespace weft {

namespace {
bool isWait(LaneState state)
{
    return state == LaneState::BlockedOnLock || state == LaneState::WaitingJoin
        || state == LaneState::WaitingCondition || state == LaneState::WaitingIo;
}

bool isReceive(EventKind kind)
{
    return kind == EventKind::PacketRecv || kind == EventKind::MessageRecv;
}

// How far past an I/O wait's end its receive may be recorded (the wrapper
// records the wait, then the call's result): a few events of the same lane.
constexpr int kReceiveLookahead = 64;
} // namespace

WaitCauses::WaitCauses(const Trace &trace)
    : m_trace(trace)
    , m_states(TraceStates::of(trace))
    , m_arrowInto(trace.events().size(), -1)
    , m_lockWaitHolder(trace.events().size(), 0)
{
    for (const TraceArrows::Arrow &arrow : TraceArrows::of(trace)->arrows()) {
        // A receive fed by several sends names the first: the one it waited for.
        if (m_arrowInto[arrow.to] < 0)
            m_arrowInto[arrow.to] = int(arrow.from);
    }
    for (const LockWaitEdge &edge : m_states->lockWaits()) {
        if (edge.event >= 0)
            m_lockWaitHolder[std::size_t(edge.event)] = edge.holder;
    }
}

int WaitCauses::causeOfEnd(const StateSpan &span) const
{
    if (!span.ended || span.endEvent < 0)
        return -1;
    if (span.state != LaneState::WaitingIo)
        return m_arrowInto[std::size_t(span.endEvent)];
    // An I/O wait ends before its data is taken: the receive that follows on
    // the same lane and channel is where the sender's arrow lands.
    const auto &events = m_trace.events();
    const Event &end = events[std::size_t(span.endEvent)];
    const std::size_t last
        = std::min(events.size(), std::size_t(span.endEvent) + 1 + kReceiveLookahead);
    for (std::size_t i = std::size_t(span.endEvent) + 1; i < last; ++i) {
        const Event &e = events[i];
        if (e.actor != end.actor)
            continue;
        if (isReceive(e.kind) && (e.object == end.object || end.object == 0))
            return m_arrowInto[i];
        if (e.kind == EventKind::IoWaitBegin)
            break; // the next wait: this one received nothing
    }
    return -1;
}

void WaitCauses::findHolder(const StateSpan &span, WaitCause &cause) const
{
    cause.holder = m_lockWaitHolder[std::size_t(span.eventIndex)];
    if (cause.holder == 0 || cause.holder >= m_states->lanes().size())
        return;
    // The hold that covered the start of the wait.
    for (const LockBand &band : m_states->lanes()[cause.holder].locks) {
        if (band.lock == span.object && band.startNs <= span.startNs
            && span.startNs <= band.endNs) {
            cause.holderAcquired = band.eventIndex;
            return;
        }
    }
}

bool WaitCauses::canHaveCause(EventKind kind)
{
    // TraceStates enters a wait state at the first four and ends one (as
    // "ended") only at the event endsWait() names: the last four.
    switch (kind) {
    case EventKind::LockWait:
    case EventKind::JoinWait:
    case EventKind::IoWaitBegin:
    case EventKind::CondWait:
    case EventKind::LockAcquired:
    case EventKind::JoinDone:
    case EventKind::IoWaitEnd:
    case EventKind::CondWake:
        return true;
    default:
        return false;
    }
}

std::optional<WaitCause> WaitCauses::causeOf(int eventIndex) const
{
    const auto &events = m_trace.events();
    if (eventIndex < 0 || std::size_t(eventIndex) >= events.size())
        return std::nullopt;
    const Event &event = events[std::size_t(eventIndex)];
    if (event.actor >= m_states->lanes().size())
        return std::nullopt;
    for (const StateSpan &span : m_states->lanes()[event.actor].spans) {
        if (!isWait(span.state) || (span.eventIndex != eventIndex && span.endEvent != eventIndex))
            continue;
        WaitCause cause;
        cause.state = span.state;
        cause.waiter = event.actor;
        cause.object = span.object;
        cause.startNs = span.startNs;
        cause.endNs = span.endNs;
        cause.ended = span.ended;
        cause.waitEvent = span.eventIndex;
        cause.endEvent = span.ended ? span.endEvent : -1;
        cause.causeEvent = causeOfEnd(span);
        if (span.state == LaneState::BlockedOnLock)
            findHolder(span, cause);
        return cause;
    }
    return std::nullopt;
}

} // namespace weft
