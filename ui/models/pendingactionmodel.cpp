// SPDX-License-Identifier: MIT
#include "pendingactionmodel.h"

#include <QBrush>
#include <QHash>

namespace weft::ui {

PendingActionModel::PendingActionModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PendingActionModel::setPending(const QList<PendingAction> &actions, const Trace &trace)
{
    // Who holds each lock now, replayed from the events so far.
    QHash<quint32, quint32> owners;
    for (const Event &event : trace.events()) {
        if (event.kind == EventKind::LockAcquired)
            owners.insert(event.object, event.actor);
        else if (event.kind == EventKind::LockReleased && owners.value(event.object) == event.actor)
            owners.remove(event.object);
    }

    beginResetModel();
    m_rows.clear();
    for (const PendingAction &action : actions) {
        Row row;
        row.action = action;
        row.lane = actorDisplayName(trace, action.actor);
        if (action.kind == EventKind::LockAcquired && action.object) {
            const quint32 owner = owners.value(action.object);
            if (owner && owner != action.actor)
                row.blockedBy = actorDisplayName(trace, owner);
            row.object = trace.object(action.object).name;
        }
        const SourceSite site = trace.site(action.site);
        if (!site.file.isEmpty())
            row.site = tr("line %1").arg(site.line);
        m_rows.append(row);
    }
    endResetModel();
}

const PendingAction *PendingActionModel::actionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].action : nullptr;
}

int PendingActionModel::rowOfActor(quint32 actor) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].action.actor == actor)
            return i;
    }
    return -1;
}

bool PendingActionModel::isBlocked(int row) const
{
    return row >= 0 && row < m_rows.size() && !m_rows[row].blockedBy.isEmpty();
}

QString PendingActionModel::blockedText(int row) const
{
    if (!isBlocked(row))
        return {};
    const Row &r = m_rows[row];
    return r.object.isEmpty() ? tr("blocked: the lock is held by %1").arg(r.blockedBy)
                              : tr("blocked: %1 held by %2").arg(r.object, r.blockedBy);
}

QList<PendingMark> PendingActionModel::timelineMarks() const
{
    QList<PendingMark> marks;
    marks.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        marks.append({m_rows[i].action.actor, m_rows[i].action.description, blockedText(i)});
    return marks;
}

int PendingActionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PendingActionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("%1: %2").arg(row.lane, row.action.description);
        if (!row.site.isEmpty())
            text += tr("  (%1)").arg(row.site);
        if (!row.blockedBy.isEmpty())
            text += tr("  — blocked: %1 holds the lock").arg(row.blockedBy);
        return text;
    }
    case Qt::ForegroundRole:
        return row.blockedBy.isEmpty() ? QVariant() : QBrush(QColor(0x9e, 0x9e, 0x9e));
    case ActorRole:
        return row.action.actor;
    case BlockedRole:
        return !row.blockedBy.isEmpty();
    case SiteRole:
        return row.action.site;
    default:
        return {};
    }
}

Qt::ItemFlags PendingActionModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace weft::ui
