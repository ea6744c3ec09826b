// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"
#include "schedule.h"

#include <QHash>
#include <QList>
#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace weft {

// What a thread is about to do when it stops at its gate.
struct PendingAction
{
    quint32 actor = 0;
    EventKind kind = EventKind::None;
    quint32 object = 0;
    QString description; // "acquire L1", "send 38 bytes", "join t2"
    quint16 site = 0;
    quint64 arrival = 0; // order of arrival at the gate
};

// The live-stepping gate every traced primitive passes before it acts.
//
// With stepping off, pass() is one relaxed atomic load. With stepping on, the
// calling thread parks until the user grants it a step (release/releaseAny),
// stepping is turned off, or the run is cancelled (then pass() returns false
// and the primitive throws Cancelled).
//
// Every passage granted while stepping is appended to schedule(), so a stepped
// run can be replayed: setReplay() makes the gate grant a recorded schedule's
// steps itself, one at a time, each only once the run has settled after the
// previous one (see driveReplay()).
class StepGate
{
public:
    StepGate() = default;

    bool isStepping() const { return m_stepping.load(std::memory_order_relaxed); }
    void setStepping(bool on);

    // Returns true to proceed; false if the run was cancelled while waiting.
    bool pass(const PendingAction &action)
    {
        if (!m_stepping.load(std::memory_order_relaxed))
            return !m_cancelled.load(std::memory_order_relaxed);
        return passSlow(action);
    }

    // The threads parked and waiting for a step (granted ones are excluded).
    QList<PendingAction> pending() const;
    bool release(quint32 actor); // grants one step to that actor
    bool releaseAny(); // grants one step to the earliest arrival
    void cancel();

    // Lets every thread through without parking (the passages are recorded)
    // until one arrives to do an action of this kind; it parks, and the mode
    // clears itself. A thread already parked for that kind counts as arrived.
    void runUntil(EventKind kind);
    bool isRunningUntil() const;

    // The passages granted so far, in grant order.
    Schedule schedule() const;

    // Replays a recorded schedule: call before the run starts (stepping is
    // turned on). driveReplay() grants the steps; it is called periodically by
    // the runner and never blocks.
    void setReplay(const Schedule &schedule);
    bool isReplaying() const;
    // Why the replay stopped following its schedule; empty if it did not.
    QString divergence() const;
    void driveReplay();
    // The run is over: a replay that still had steps to grant diverged.
    void endReplay();

    // Replay bookkeeping: the run context reports what threads do between
    // gates, so the gate knows when the run has settled. Cheap to test.
    bool isTracking() const { return m_tracking.load(std::memory_order_relaxed); }
    void noteActorCreated(quint32 actor);
    void noteActorFinished(quint32 actor);
    void noteEvent(quint32 actor, EventKind kind, quint32 object, qint64 value);

private:
    enum class ActorState : quint8 { Running, Parked, Blocked, SelfWaking, Waking, Finished };
    struct Tracked
    {
        ActorState state = ActorState::Running;
        EventKind waitKind = EventKind::None;
        quint32 waitObject = 0;
        qint64 waitValue = 0;
    };
    using Clock = std::chrono::steady_clock;

    bool passSlow(const PendingAction &action);
    void grantLocked(const PendingAction &action);
    void recordLocked(quint32 actor, EventKind kind, quint16 site);
    void setActorStateLocked(quint32 actor, ActorState state);
    bool settledLocked(Clock::time_point now) const;
    void divergeLocked(const QString &reason);
    void finishReplayLocked();

    std::atomic<bool> m_stepping {false};
    std::atomic<bool> m_cancelled {false};
    std::atomic<bool> m_tracking {false};
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QList<PendingAction> m_pending;
    QList<quint32> m_granted;
    quint64 m_arrivals = 0;

    Schedule m_recorded;
    bool m_everStepped = false;
    bool m_runningUntil = false;
    EventKind m_untilKind = EventKind::None;

    bool m_replaying = false;
    Schedule m_replay;
    qsizetype m_replayCursor = 0;
    QString m_divergence;
    QHash<quint32, Tracked> m_actors;
    Clock::time_point m_lastActivity = Clock::now();
};

} // namespace weft
