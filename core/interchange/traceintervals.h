// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/traceslices.h"
#include "core/derived/tracestates.h"
#include "core/trace.h"

#include <memory>
#include <vector>

namespace weft {

// The intervals the Chrome export writes: each lane's life, what it waited
// for, which locks it held (all read from TraceStates, as the timeline reads
// them) and the named phases (SpanBegin/SpanEnd) it went through (TraceSlices).
// A wait lies inside its lane's life, so the JSON nests.
class TraceIntervals
{
public:
    enum class State : quint8 {
        Running, // the lane's life, from its first event to its end (or the trace's)
        Sleeping, // SleepBegin -> SleepEnd
        Blocked, // LockWait -> LockAcquired, object = the lock
        Joining, // JoinWait -> JoinDone, value = the joined actor
        WaitingIo, // IoWaitBegin -> IoWaitEnd, object = socket / queue / pipe
        Waiting, // CondWait -> CondWake, object = the condition
    };

    struct StateSpan
    {
        quint32 actor = 0;
        State state = State::Running;
        qint64 beginNs = 0;
        qint64 endNs = 0;
        quint32 object = 0;
        qint64 value = 0;
        quint32 text = 0; // what an I/O wait awaits
        bool unfinished = false; // the trace ended (or the lane moved on) before the end event
        int beginEvent = -1; // the events that began and ended a wait (-1: none),
        int endEvent = -1; // indices into trace.events()
    };

    struct LockHold
    {
        quint32 actor = 0;
        quint32 lock = 0;
        qint64 beginNs = 0;
        qint64 endNs = 0;
        bool unfinished = false;
        int acquireEvent = -1; // LockAcquired and LockReleased, indices into trace.events()
        int releaseEvent = -1;
    };

    // Named phases are the trace's slices, derived in one place (core/derived).
    using Phase = TraceSlices::Slice;

    explicit TraceIntervals(const Trace &trace);

    const std::vector<StateSpan> &stateSpans() const { return m_states; }
    const std::vector<LockHold> &lockHolds() const { return m_holds; }
    const std::vector<Phase> &phases() const { return m_phases->slices(); }

    static const char *stateName(State state);

private:
    std::vector<StateSpan> m_states;
    std::vector<LockHold> m_holds;
    std::shared_ptr<const TraceSlices> m_phases; // the trace's own (TraceSlices::of), not a copy
};

} // namespace weft
