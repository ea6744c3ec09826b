// SPDX-License-Identifier: MIT
#include "traceintervals.h"

#include <QHash>
#include <algorithm>
#include <optional>

namespace weft {

namespace {
// How a state of the timeline is written; nothing for running and finished,
// which the lane's life span covers.
std::optional<TraceIntervals::State> written(LaneState state)
{
    switch (state) {
    case LaneState::Sleeping:
        return TraceIntervals::State::Sleeping;
    case LaneState::BlockedOnLock:
        return TraceIntervals::State::Blocked;
    case LaneState::WaitingJoin:
        return TraceIntervals::State::Joining;
    case LaneState::WaitingIo:
        return TraceIntervals::State::WaitingIo;
    case LaneState::WaitingCondition:
        return TraceIntervals::State::Waiting;
    default:
        return std::nullopt;
    }
}
} // namespace

TraceIntervals::TraceIntervals(const Trace &trace)
{
    // The timeline's own reading of every lane (core/derived/tracestates.h):
    // what the export writes is what the picture shows.
    const std::shared_ptr<const TraceStates> states = TraceStates::of(trace);
    const std::vector<Event> &events = trace.events();
    for (const TraceStates::Lane &lane : states->lanes()) {
        if (lane.actor == 0)
            continue;
        // The lane's life, from its first event to its end; its waits nest
        // inside, and every event of the lane lies in it, so that a flow from
        // a process's late exit binds to a slice.
        m_states.push_back({.actor = lane.actor,
                            .beginNs = lane.startNs,
                            .endNs = std::max(lane.endNs, lane.lastEventNs)});
        for (const weft::StateSpan &span : lane.spans) {
            const auto state = written(span.state);
            if (!state)
                continue;
            m_states.push_back({.actor = lane.actor,
                                .state = *state,
                                .beginNs = span.startNs,
                                .endNs = span.endNs,
                                .object = *state == State::Joining ? 0 : span.object,
                                .value = *state == State::Joining ? qint64(span.object) : 0,
                                .text = events[std::size_t(span.eventIndex)].text,
                                .unfinished = !span.ended,
                                .beginEvent = span.eventIndex,
                                .endEvent = span.endEvent});
        }
        for (const weft::LockBand &band : lane.locks)
            m_holds.push_back({lane.actor, band.lock, band.startNs, band.endNs, !band.released,
                               band.eventIndex, band.releaseEvent});
    }
    m_phases = TraceSlices::of(trace);
}

const char *TraceIntervals::stateName(State state)
{
    switch (state) {
    case State::Running:
        return "running";
    case State::Sleeping:
        return "sleeping";
    case State::Blocked:
        return "blocked";
    case State::Joining:
        return "join";
    case State::WaitingIo:
        return "I/O";
    case State::Waiting:
        return "waiting";
    }
    return "running";
}

} // namespace weft
