// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/tracearrows.h"
#include "core/derived/tracestates.h"

#include <memory>
#include <optional>
#include <vector>

namespace weft {

// Who unblocked whom: for a wait (on a lock, a join, a condition, I/O), the
// event of another lane that ended it — the release that handed the lock
// over, the joined thread's end, the notify, the send or put whose data the
// waiter then received — and, for a lock, who held it when the wait began.
struct WaitCause
{
    LaneState state = LaneState::Running; // what kind of wait
    quint32 waiter = 0;
    quint32 object = 0; // the lock, condition or channel; the joined actor for a join
    qint64 startNs = 0;
    qint64 endNs = 0;
    bool ended = false; // false: the wait was still on when the lane or the trace ended
    int waitEvent = -1; // the event that began the wait
    int endEvent = -1; // the event that ended it, when ended
    int causeEvent = -1; // the other lane's event that ended it; -1 when unknown
    quint32 holder = 0; // a lock wait: the lane holding the lock when the wait began
    int holderAcquired = -1; // ... and its LockAcquired (for its source line)
};

// Built once per trace from the shared derivations (states and arrows), then
// asked per selected event.
class WaitCauses
{
public:
    explicit WaitCauses(const Trace &trace);

    // The wait an event begins or ends (a LockWait and its LockAcquired, a
    // JoinWait and its JoinDone, ...), with its cause; nothing for any other event.
    std::optional<WaitCause> causeOf(int eventIndex) const;

    // Whether an event of this kind can begin or end a wait: for any other,
    // causeOf is empty, so a caller can skip deriving the causes at all.
    static bool canHaveCause(EventKind kind);

private:
    int causeOfEnd(const StateSpan &span) const;
    void findHolder(const StateSpan &span, WaitCause &cause) const;

    Trace m_trace;
    std::shared_ptr<const TraceStates> m_states; // the trace's own (TraceStates::of)
    std::vector<int> m_arrowInto; // event index -> the arrow's `from` that ends there, or -1
    std::vector<quint32> m_lockWaitHolder; // LockWait event index -> its holder actor, or 0
};

} // namespace weft
