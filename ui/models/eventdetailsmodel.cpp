#include "eventdetailsmodel.h"

namespace weft::ui {

EventDetailsModel::EventDetailsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString EventDetailsModel::formatDuration(qint64 ns)
{
    const double v = double(ns);
    const double a = std::abs(v);
    if (a < 1e3)
        return tr("%1 ns").arg(ns);
    if (a < 1e6)
        return tr("%1 µs").arg(v / 1e3, 0, 'f', 2);
    if (a < 1e9)
        return tr("%1 ms").arg(v / 1e6, 0, 'f', 3);
    return tr("%1 s").arg(v / 1e9, 0, 'f', 3);
}

void EventDetailsModel::setEvent(const Trace &trace, int eventIndex)
{
    if (eventIndex < 0 || std::size_t(eventIndex) >= trace.events().size()) {
        clear();
        return;
    }
    beginResetModel();
    m_eventIndex = eventIndex;
    m_rows.clear();
    const Event &event = trace.events()[std::size_t(eventIndex)];

    m_rows.append({tr("Kind"), QString::fromLatin1(eventKindName(event.kind))});
    m_rows.append({tr("Time"), tr("%1 after the start").arg(formatDuration(event.timeNs - trace.startNs()))});
    if (event.actor) {
        const ActorInfo actor = trace.actor(event.actor);
        QString lane = actor.name.isEmpty() ? tr("lane %1").arg(event.actor) : actor.name;
        if (actor.nativeId)
            lane += tr(" (thread id %1)").arg(actor.nativeId);
        m_rows.append({tr("Lane"), lane});
    }
    if (event.object) {
        const ObjectInfo object = trace.object(event.object);
        m_rows.append({tr("Object"), object.name.isEmpty() ? tr("object %1").arg(event.object) : object.name});
    }
    if (event.value != 0 || event.kind == EventKind::CounterValue || event.kind == EventKind::ProcessExit)
        m_rows.append({tr("Value"), QString::number(event.value)});
    if (event.text)
        m_rows.append({tr("Text"), trace.text(event.text)});
    if (event.site) {
        const SourceSite site = trace.site(event.site);
        if (!site.file.isEmpty())
            m_rows.append({tr("Source"), tr("%1, line %2").arg(site.file).arg(site.line)});
    }
    if (event.isAbnormal())
        m_rows.append({tr("Flags"), tr("abnormal")});
    if (event.flags & Imported)
        m_rows.append({tr("Origin"), tr("imported")});
    endResetModel();
}

void EventDetailsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_eventIndex = -1;
    endResetModel();
}

QString EventDetailsModel::valueOf(const QString &field) const
{
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.value;
    }
    return {};
}

int EventDetailsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventDetailsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : 2; }

QVariant EventDetailsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == 0 ? row.field : row.value;
    return {};
}

QVariant EventDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Field") : tr("Value");
}

} // namespace weft::ui
