// SPDX-License-Identifier: MIT
#include "stepgate.h"

#include <algorithm>

namespace weft {

void StepGate::setStepping(bool on)
{
    {
        std::lock_guard lock(m_mutex);
        if (on) {
            m_everStepped = true;
            m_recorded.setLeftStepMode(false);
        } else if (m_stepping.load(std::memory_order_relaxed) && m_everStepped) {
            // Leaving step mode ends everything that depends on it.
            m_recorded.setLeftStepMode(true);
            m_runningUntil = false;
        }
        m_stepping.store(on, std::memory_order_relaxed);
    }
    m_cv.notify_all();
}

bool StepGate::passSlow(const PendingAction &action)
{
    PendingAction entry = action;
    ArrivalObserver observer;
    {
        std::unique_lock lock(m_mutex);
        if (m_runningUntil && !m_cancelled.load()) {
            if (action.kind != m_untilKind) {
                // Passes without parking, but is part of the schedule like a user step.
                recordLocked(action.actor, action.kind, action.site);
                return true;
            }
            m_runningUntil = false;
        }
        entry.arrival = ++m_arrivals;
        m_pending.append(entry);
        observer = m_observer;
    }
    if (observer)
        observer(entry);

    bool proceed = false;
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] {
            return m_cancelled.load() || !m_stepping.load() || m_granted.contains(action.actor);
        });
        m_granted.removeOne(action.actor);
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            if (m_pending[i].actor == action.actor) {
                m_pending.removeAt(i);
                break;
            }
        }
        proceed = !m_cancelled.load();
    }
    return proceed;
}

void StepGate::recordLocked(quint32 actor, EventKind kind, quint16 site)
{
    m_recorded.append({actor, kind, site});
}

void StepGate::grantLocked(const PendingAction &action)
{
    m_granted.append(action.actor);
    recordLocked(action.actor, action.kind, action.site);
}

QList<PendingAction> StepGate::pending() const
{
    // A granted thread is on its way, not waiting for anyone, even before it has
    // woken and left the list: listing it let a caller see "someone waits" and,
    // a moment later, nobody (the stepped socket.server test stalled that way).
    std::lock_guard lock(m_mutex);
    QList<PendingAction> waiting;
    waiting.reserve(m_pending.size());
    for (const PendingAction &p : m_pending) {
        if (!m_granted.contains(p.actor))
            waiting.append(p);
    }
    return waiting;
}

bool StepGate::release(quint32 actor)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_granted.contains(actor))
            return false;
        const PendingAction *waiting = nullptr;
        for (const auto &p : m_pending) {
            if (p.actor == actor)
                waiting = &p;
        }
        if (!waiting)
            return false;
        grantLocked(*waiting);
    }
    m_cv.notify_all();
    return true;
}

bool StepGate::releaseAny()
{
    quint32 actor = 0;
    {
        std::lock_guard lock(m_mutex);
        quint64 earliest = ~quint64(0);
        for (const auto &p : m_pending) {
            if (!m_granted.contains(p.actor) && p.arrival < earliest) {
                earliest = p.arrival;
                actor = p.actor;
            }
        }
    }
    return actor != 0 && release(actor);
}

void StepGate::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled.store(true);
        m_runningUntil = false;
    }
    m_cv.notify_all();
}

void StepGate::runUntil(EventKind kind)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stepping.load() || m_cancelled.load())
            return;
        for (const auto &p : m_pending) {
            if (p.kind == kind && !m_granted.contains(p.actor))
                return; // already there: the first action of that kind is parked
        }
        m_runningUntil = true;
        m_untilKind = kind;
        // Everyone parked now goes, in arrival order, as "step any" would send them.
        QList<PendingAction> parked;
        for (const auto &p : m_pending) {
            if (!m_granted.contains(p.actor))
                parked.append(p);
        }
        std::sort(parked.begin(), parked.end(),
                  [](const auto &a, const auto &b) { return a.arrival < b.arrival; });
        for (const auto &p : parked)
            grantLocked(p);
    }
    m_cv.notify_all();
}

bool StepGate::isRunningUntil() const
{
    std::lock_guard lock(m_mutex);
    return m_runningUntil;
}

Schedule StepGate::schedule() const
{
    std::lock_guard lock(m_mutex);
    return m_recorded;
}

void StepGate::setArrivalObserver(ArrivalObserver observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

} // namespace weft
