// SPDX-License-Identifier: MIT
#include "waitforgraph.h"

#include <QSet>

namespace weft {

void WaitForGraph::setHolder(WaitTarget target, quint32 actor)
{
    std::lock_guard lock(m_mutex);
    m_holders.insert(target, actor);
}

void WaitForGraph::clearHolder(WaitTarget target)
{
    std::lock_guard lock(m_mutex);
    m_holders.remove(target);
}

quint32 WaitForGraph::holder(WaitTarget target) const
{
    std::lock_guard lock(m_mutex);
    return holderLocked(target);
}

void WaitForGraph::setName(WaitTarget target, const QString &name)
{
    std::lock_guard lock(m_mutex);
    m_names.insert(target, name);
}

QString WaitForGraph::name(WaitTarget target) const
{
    std::lock_guard lock(m_mutex);
    return m_names.value(target);
}

quint32 WaitForGraph::holderLocked(WaitTarget target) const
{
    // A thread is its own "lock" on its end: whoever joins it waits for it.
    if (target.kind == WaitTarget::Kind::Thread)
        return target.id;
    return m_holders.value(target, 0);
}

void WaitForGraph::beginWait(quint32 actor, WaitTarget target)
{
    std::lock_guard lock(m_mutex);
    m_waits.insert(actor, target);
}

void WaitForGraph::endWait(quint32 actor)
{
    std::lock_guard lock(m_mutex);
    m_waits.remove(actor);
}

std::optional<WaitTarget> WaitForGraph::waitingFor(quint32 actor) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_waits.constFind(actor);
    if (it == m_waits.cend())
        return std::nullopt;
    return *it;
}

std::optional<WaitCycle> WaitForGraph::cycleThrough(quint32 actor) const
{
    std::lock_guard lock(m_mutex);
    WaitCycle chain;
    QSet<quint32> seen;
    quint32 current = actor;
    while (!seen.contains(current)) {
        seen.insert(current);
        const auto wait = m_waits.constFind(current);
        if (wait == m_waits.cend())
            return std::nullopt;
        const quint32 next = holderLocked(*wait);
        if (next == 0)
            return std::nullopt;
        chain.append({current, *wait, next});
        current = next;
    }
    // The chain may run into a cycle that does not include `actor`; that
    // cycle's own members report it.
    if (current != actor)
        return std::nullopt;
    return chain;
}

bool WaitForGraph::claimDeadlockReport()
{
    std::lock_guard lock(m_mutex);
    if (m_deadlockReported)
        return false;
    m_deadlockReported = true;
    return true;
}

} // namespace weft
