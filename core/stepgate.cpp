#include "stepgate.h"

namespace weft {

void StepGate::setStepping(bool on)
{
    {
        std::lock_guard lock(m_mutex);
        m_stepping.store(on, std::memory_order_relaxed);
    }
    m_cv.notify_all();
}

bool StepGate::passSlow(const PendingAction &action)
{
    std::function<void()> changed;
    {
        std::unique_lock lock(m_mutex);
        PendingAction entry = action;
        entry.arrival = ++m_arrivals;
        m_pending.append(entry);
        changed = m_pendingChanged;
    }
    if (changed)
        changed();

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
        changed = m_pendingChanged;
    }
    if (changed)
        changed();
    return proceed;
}

QList<PendingAction> StepGate::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_pending;
}

bool StepGate::release(quint32 actor)
{
    {
        std::lock_guard lock(m_mutex);
        bool waiting = false;
        for (const auto &p : m_pending)
            waiting = waiting || (p.actor == actor && !m_granted.contains(actor));
        if (!waiting)
            return false;
        m_granted.append(actor);
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
    }
    m_cv.notify_all();
}

void StepGate::setPendingChangedCallback(std::function<void()> callback)
{
    std::lock_guard lock(m_mutex);
    m_pendingChanged = std::move(callback);
}

} // namespace weft
