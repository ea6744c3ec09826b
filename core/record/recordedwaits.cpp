// SPDX-License-Identifier: MIT
#include "recordedwaits.h"

#include "core/sync/deadlockreport.h"

#include <QStringList>
#include <algorithm>

namespace weft::record {

void RecordedWaits::beginWait(quint32 actor, WaitTarget target, qint64 timeNs)
{
    m_graph.beginWait(actor, target);
    m_waitSince.insert(actor, timeNs);
}

void RecordedWaits::endWait(quint32 actor)
{
    m_graph.endWait(actor);
    m_waitSince.remove(actor);
}

void RecordedWaits::setHolder(WaitTarget target, quint32 actor)
{
    m_graph.setHolder(target, actor);
}

void RecordedWaits::clearHolder(WaitTarget target, quint32 actor)
{
    if (m_graph.holder(target) == actor)
        m_graph.clearHolder(target);
}

void RecordedWaits::threadEnded(quint32 actor)
{
    endWait(actor);
}

void RecordedWaits::nameObject(quint32 object, const QString &name)
{
    m_graph.setName(WaitTarget::object(object), name);
}

std::optional<WaitCycle> RecordedWaits::standingCycle() const
{
    QList<quint32> waiters = m_waitSince.keys();
    std::sort(waiters.begin(), waiters.end());
    for (const quint32 actor : waiters) {
        if (auto cycle = m_graph.cycleThrough(actor))
            return cycle;
    }
    return std::nullopt;
}

qint64 RecordedWaits::cycleFormedNs(const WaitCycle &cycle) const
{
    qint64 formed = 0;
    for (const WaitEdge &edge : cycle)
        formed = std::max(formed, m_waitSince.value(edge.waiter));
    return formed;
}

QString RecordedWaits::describe(const WaitCycle &cycle,
                                const std::function<QString(quint32)> &actorName) const
{
    QStringList parts;
    for (const WaitEdge &edge : cycle)
        parts.append(describeWaitEdge(edge, actorName(edge.waiter), m_graph.name(edge.target),
                                      actorName(edge.holder)));
    return parts.join(QStringLiteral(", "));
}

} // namespace weft::record
