// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"
#include "schedule.h"

#include <QHash>
#include <QList>
#include <QString>
#include <atomic>
#include <mutex>

namespace weft {

class StepGate;
struct PendingAction;

// How far a replay has come: `step` of `total` steps granted.
struct ReplayProgress
{
    enum class State : quint8 {
        Replaying, // granting the schedule's steps
        Replayed, // every step granted and settled; stepping is the user's again
        Diverged, // the run stopped following the schedule (see ReplayDriver::divergence())
        Stopped, // cancelled, or the user left step mode before the end
    };
    State state = State::Replaying;
    qsizetype step = 0;
    qsizetype total = 0;
    bool runEnded = false;

    friend bool operator==(const ReplayProgress &, const ReplayProgress &) = default;
};

// Replays a recorded schedule through a stepping StepGate: grants the
// schedule's steps in order, each once the run has settled after the one
// before, so the interleaving the user chose happens again.
//
// Settling is decided by what the run's threads report, never by a quiet
// period: every thread a step set going (the one released, a thread it
// started, a waiter it woke) has to stop again — park at its next gate, wait
// on a lock, condition or join that nobody has signalled, sleep or wait for
// I/O, end, or say that it is in an untraced loop (it polls for cancellation;
// it would never stop by itself). Only then is the next step granted. A run
// where the scheduled thread is not parked and nobody can move without a step
// has diverged at once; while someone sleeps, waits for I/O or spins, the
// driver waits for their next event instead.
//
// The run's threads report through RunContext (note*() below) while
// isTracking(), and the gate reports arrivals; the driver acts on the thread
// that reports, so it needs no thread or timer of its own. Thread-safe.
class ReplayDriver
{
public:
    ReplayDriver(StepGate &gate, Schedule schedule);
    ~ReplayDriver();
    ReplayDriver(const ReplayDriver &) = delete;
    ReplayDriver &operator=(const ReplayDriver &) = delete;

    // Call before the run starts, with the gate stepping. An empty schedule is
    // replayed at once (and goes free if its run left step mode).
    void start();
    // The run is over: a replay that still had steps to grant diverged.
    void runEnded();

    bool isReplaying() const;
    ReplayProgress progress() const;
    // Why the replay stopped following its schedule; empty if it did not.
    QString divergence() const;
    // The lanes the next step waits for: running, or woken and not yet going.
    QList<quint32> awaited() const;

    // Whether the run must report what its threads do; one relaxed load.
    bool isTracking() const { return m_tracking.load(std::memory_order_relaxed); }
    void noteActorCreated(quint32 actor);
    void noteActorFinished(quint32 actor);
    void noteEvent(quint32 actor, EventKind kind, quint32 object, qint64 value);
    // The actor polls for cancellation in a loop with no gate of its own.
    void noteBusy(quint32 actor);
    // The actor waits, without an event of its own, until `target` has ended
    // (a Thread destroyed unjoined waits for its thread, as Python's exit does).
    void noteWaitingForEnd(quint32 actor, quint32 target);

private:
    enum class ActorState : quint8 {
        Running, // between gates: the replay waits for it to stop
        Waking, // what it waited for happened; it has not said so yet
        Busy, // in an untraced loop (it polls for cancellation)
        Parked, // at a gate
        Blocked, // waits for another thread (lock, condition, join)
        SelfWaking, // sleeps or waits for I/O: moves on by itself
        Finished,
    };
    struct Tracked
    {
        ActorState state = ActorState::Running;
        EventKind waitKind = EventKind::None;
        quint32 waitObject = 0;
        qint64 waitValue = 0;
        quint64 waitOrder = 0; // who waited first: a notify wakes the earliest
        quint64 grantedArrival = 0; // the gate arrival the driver last granted
    };

    void arrived(const PendingAction &action);
    Tracked &trackedLocked(quint32 actor);
    void setStateLocked(Tracked &t, ActorState state);
    void setStateLocked(quint32 actor, ActorState state);
    void waitLocked(quint32 actor, ActorState state, EventKind kind, quint32 object, qint64 value);
    void wakeLocked(EventKind waitKind, quint32 object, qint64 count);
    void joinLocked(quint32 actor, quint32 target);
    void advanceLocked();
    bool anyoneMovesByThemselvesLocked() const;
    void finishLocked();
    void divergeLocked(const QString &reason);
    void stopLocked(ReplayProgress::State state);

    StepGate &m_gate;
    const Schedule m_schedule;
    std::atomic<bool> m_tracking {false};
    mutable std::mutex m_mutex;
    ReplayProgress m_progress;
    QString m_divergence;
    QHash<quint32, Tracked> m_actors;
    int m_moving = 0; // actors Running or Waking
    quint64 m_waits = 0;
};

} // namespace weft
