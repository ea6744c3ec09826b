// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/waitforgraph.h"

#include <QHash>
#include <QString>
#include <functional>
#include <optional>

namespace weft::record {

// The wait-for graph of a recorded program, replayed from its records: who
// waits for which lock or thread, and who holds it. Unlike the scenarios', a
// recorded program cannot be asked to stop when a cycle closes (it is not
// ours), so the cycle is looked for once, in the graph left standing when the
// program was stopped, and reported with the time it formed.
class RecordedWaits
{
public:
    void beginWait(quint32 actor, WaitTarget target, qint64 timeNs);
    void endWait(quint32 actor);
    void setHolder(WaitTarget target, quint32 actor);
    // Only the holder's release clears it (a semaphore may be posted by anyone).
    void clearHolder(WaitTarget target, quint32 actor);
    quint32 holder(WaitTarget target) const { return m_graph.holder(target); }
    // A thread or process that ended waits for nothing and holds nothing.
    void threadEnded(quint32 actor);
    void nameObject(quint32 object, const QString &name);
    QString objectName(quint32 object) const { return m_graph.name(WaitTarget::object(object)); }

    std::optional<WaitCycle> standingCycle() const;
    // The latest wait of the cycle's members began then: the moment it closed.
    qint64 cycleFormedNs(const WaitCycle &cycle) const;
    QString describe(const WaitCycle &cycle,
                     const std::function<QString(quint32)> &actorName) const;

private:
    WaitForGraph m_graph;
    QHash<quint32, qint64> m_waitSince;
};

} // namespace weft::record
