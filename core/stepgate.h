// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"
#include "schedule.h"

#include <QList>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
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
// calling thread parks until someone grants it a step (release/releaseAny):
// the user, or a ReplayDriver granting a recorded schedule. Turning stepping
// off or cancelling the run lets every parked thread go (after a cancel pass()
// returns false and the primitive throws Cancelled).
//
// Every passage granted while stepping is appended to schedule(), so a stepped
// run can be replayed.
class StepGate
{
public:
    // Told of every thread that parks, once it is listed in pending() and
    // before it waits; called on the parking thread, outside the gate's lock,
    // so it may release() at once.
    using ArrivalObserver = std::function<void(const PendingAction &)>;

    StepGate() = default;

    bool isStepping() const { return m_stepping.load(std::memory_order_relaxed); }
    void setStepping(bool on);
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

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

    void setArrivalObserver(ArrivalObserver observer);

private:
    bool passSlow(const PendingAction &action);
    void grantLocked(const PendingAction &action);
    void recordLocked(quint32 actor, EventKind kind, quint16 site);

    std::atomic<bool> m_stepping {false};
    std::atomic<bool> m_cancelled {false};
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QList<PendingAction> m_pending;
    QList<quint32> m_granted;
    quint64 m_arrivals = 0;
    ArrivalObserver m_observer;

    Schedule m_recorded;
    bool m_everStepped = false;
    bool m_runningUntil = false;
    EventKind m_untilKind = EventKind::None;
};

} // namespace weft
