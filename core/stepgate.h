#pragma once

#include "event.h"

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
    QString description;  // "acquire L1", "send 38 bytes", "join t2"
    quint16 site = 0;
    quint64 arrival = 0;  // order of arrival at the gate
};

// The live-stepping gate every traced primitive passes before it acts.
//
// With stepping off, pass() is one relaxed atomic load. With stepping on, the
// calling thread parks until the user grants it a step (release/releaseAny),
// stepping is turned off, or the run is cancelled (then pass() returns false
// and the primitive throws Cancelled).
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

    QList<PendingAction> pending() const;
    bool release(quint32 actor);   // grants one step to that actor
    bool releaseAny();             // grants one step to the earliest arrival
    void cancel();

    // Called (on the stepping thread) whenever the set of pending actions changes.
    void setPendingChangedCallback(std::function<void()> callback);

private:
    bool passSlow(const PendingAction &action);

    std::atomic<bool> m_stepping{false};
    std::atomic<bool> m_cancelled{false};
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QList<PendingAction> m_pending;
    QList<quint32> m_granted;
    quint64 m_arrivals = 0;
    std::function<void()> m_pendingChanged;
};

} // namespace weft
