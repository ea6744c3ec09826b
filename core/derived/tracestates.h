// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <memory>
#include <unordered_map>
#include <vector>

namespace weft {

// What a lane is doing between two events; derived from the events, never stored.
enum class LaneState : quint8 {
    Running = 0,
    Sleeping,
    BlockedOnLock,
    WaitingJoin,
    WaitingIo,
    WaitingCondition,
    // A child process's runtime before the program's own code runs (see TraceStates).
    Starting,
    Finished,
    // Parked at its step gate in Step Mode: waiting for the user, not for the program.
    Paused,
    Count
};

struct StateSpan
{
    qint64 startNs = 0;
    qint64 endNs = 0;
    LaneState state = LaneState::Running;
    // A wait closed by its own end (SleepEnd, LockAcquired, JoinDone, IoWaitEnd,
    // CondWake); false when the lane's end, the trace's or another wait cut it.
    bool ended = false;
    quint32 object = 0; // the lock / channel / condition waited on; joined actor for WaitingJoin
    int eventIndex = -1; // the event that began the span (index into trace.events())
    int endEvent = -1; // the event that ended it, when `ended`
};

// A lock held: LockAcquired -> LockReleased (or the holder's end) on the owner's lane.
struct LockBand
{
    qint64 startNs = 0;
    qint64 endNs = 0;
    quint32 lock = 0;
    int eventIndex = -1; // the LockAcquired
    int releaseEvent = -1; // the LockReleased, when `released`
    bool released = false; // false: the holder ended, or the trace did, while holding it
    bool heldAtEnd = false; // still held at the end: it reaches "now" while a run is live
};

// A thread blocked on a lock that another thread held: a "waits for" arrow
// from the waiter to the holder at that moment. 16 bytes: a contended run has
// one per blocked acquisition, a million of them.
struct LockWaitEdge
{
    qint64 timeNs = 0;
    int event = -1; // the LockWait (waiter = its actor, lock = its object)
    quint32 holder = 0; // the actor holding the lock then
};

// Each lane's life, states and lock holds, derived in one walk over the
// events: the one reading of "what was this thread doing" that the timeline,
// the Chrome export and every other view share.
//
// A lane is every actor with an event. It lives from its first event to its
// ThreadEnd, its process's exit (a daemon thread still running then is
// killed), or else the end. States change only on the events that say so
// (a sleep, a wait, a lock, a join); the last one reaches the end, a
// finished lane staying Finished. `endNs` is the trace's end, or later while a
// run is live (what is still open reaches "now").
//
// A lane that begins with ProcessStart (a child process's main thread, or a
// recorded program's first process) is Starting, not Running, until its first
// event attributed to a line of the program other than the one that started
// it (site != 0 and != the ProcessStart's site). Before that the process's
// runtime is at work, not the program: a C++ worker is the weft executable
// loading and connecting back (its ThreadStart carries no site), a spawned
// Python child is the interpreter booting (no frame outside the standard
// library, so no site), and a forked one is still inside multiprocessing's
// bootstrap, whose calls are attributed to the parent's `p.start()` line,
// the ProcessStart's own site. Waits in that stretch (the bootstrap's lock
// hand-offs) are shown as the waits they are; only "running" reads "starting".
class TraceStates
{
public:
    struct Lane
    {
        quint32 actor = 0;
        qint64 startNs = 0;
        qint64 endNs = 0;
        // Its last event: after endNs when something is recorded on a lane
        // after its end (a process's exit, seen by its parent after the main
        // thread ended).
        qint64 lastEventNs = 0;
        bool finished = false; // saw ThreadEnd, or its process exited
        bool killed = false; // still running when its process exited (a daemon)
        qint64 killedNs = 0;
        int killedBy = -1; // the ProcessExit event
        // The trace records what the lane did (thread start, waits, locks, I/O ...);
        // false for lanes of slices and instants only, as other tools write them.
        bool statesKnown = false;
        std::vector<StateSpan> spans; // sorted, contiguous, covering [startNs, the end]
        std::vector<LockBand> locks; // sorted by start; may nest
        // The state the lane is in at the end (`open.endNs` unused), when it has
        // one, and whether spans.back() is it: a live "now" that moves only
        // stretches or adds that span (and the bands heldAtEnd), with no new walk.
        bool hasOpen = false;
        StateSpan open;
        bool lastSpanOpen = false;
        // How many of `locks` the last extend() left as they were (none after
        // the constructor): a summary of the bands redoes only the rest.
        std::size_t locksUnchanged = 0;
    };

    TraceStates(const Trace &trace, qint64 endNs);

    // The trace's states to its own end, derived once per trace and shared by
    // every view and export of it (Trace::derived): whoever asks first derives.
    static std::shared_ptr<const TraceStates> of(const Trace &trace);

    // Carries the walk on over a later snapshot of the same run, whose first
    // eventsWalked() events are the ones walked so far (Trace::keptEventsOf),
    // to a new end: the same states the constructor derives from it, at the
    // cost of the new events (and of each lane's end), not of all of them.
    void extend(const Trace &trace, qint64 endNs);
    std::size_t eventsWalked() const { return m_walked; }
    // Moves the end alone (a live "now"): what is open at the end reaches it.
    // Walks no events; the spans keep their indices but for the open one.
    void moveEnd(qint64 endNs);

    // Indexed by actor id; lanes()[a].actor == 0 for an actor without events.
    std::vector<Lane> &lanes() { return m_lanes; }
    const std::vector<Lane> &lanes() const { return m_lanes; }
    const std::vector<LockWaitEdge> &lockWaits() const { return m_lockWaits; }
    std::vector<LockWaitEdge> takeLockWaits() { return std::move(m_lockWaits); }

private:
    // Each lane's state while the events are walked, in time order, kept for extend().
    struct Cursor
    {
        bool started = false;
        LaneState state = LaneState::Running;
        qint64 stateStart = 0;
        quint32 stateObject = 0;
        int stateEvent = -1;
        // Starting (see above): until the program's own first event, "running" is the
        // runtime starting; startSite is the ProcessStart's site, the parent's starting line.
        bool starting = false;
        quint16 startSite = 0;
        std::unordered_map<quint32, std::pair<qint64, int>> heldLocks; // lock -> (since, event)
        // Lock bands before this one are settled and sorted (none held at the end).
        std::size_t sortedLocks = 0;
        // ... and none from here on was, at the last close: where the held ones are.
        std::size_t heldFrom = 0;
    };

    void walk(const Trace &trace, std::size_t from, qint64 endNs);
    // What the end closes, and undoing it before the walk goes on.
    void close(qint64 endNs);
    void reopen();

    std::vector<Lane> m_lanes;
    std::vector<LockWaitEdge> m_lockWaits;
    std::vector<Cursor> m_cursors; // by actor, as m_lanes
    std::unordered_map<quint32, quint32> m_lockOwner; // lock -> actor
    std::size_t m_walked = 0;
};

} // namespace weft
