// SPDX-License-Identifier: MIT
#include "timebreakdownmodel.h"

#include "eventdetailsmodel.h"
#include "ui/timeline/theme.h"

#include <algorithm>
#include <map>

namespace weft::ui {

namespace {
QString csvField(QString text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    text.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString processName(const Trace &trace, quint32 process)
{
    const ProcessInfo info = trace.process(process);
    const QString name
        = info.name.isEmpty() ? TimeBreakdownModel::tr("process %1").arg(info.pid) : info.name;
    return TimeBreakdownModel::tr("%1 (pid %2), all threads").arg(name).arg(info.pid);
}
} // namespace

TimeBreakdownModel::TimeBreakdownModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TimeBreakdownModel::setTrace(const Trace &trace)
{
    setTrace(trace, trace.startNs(), trace.endNs());
}

void TimeBreakdownModel::setTrace(const Trace &trace, qint64 fromNs, qint64 toNs)
{
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    const TimeBreakdown breakdown(trace, *TraceStates::of(trace), fromNs, toNs);
    std::map<quint32, int> lanesPerProcess;
    for (const LaneTime &lane : breakdown.lanes()) {
        m_rows.append({actorDisplayName(trace, lane.actor), lane});
        ++lanesPerProcess[lane.process];
    }
    // A process's sum says something new only when it has several lanes.
    for (const LaneTime &process : breakdown.processes()) {
        if (lanesPerProcess[process.process] > 1)
            m_rows.append({processName(trace, process.process), process});
    }

    const Theme &theme = Theme::current();
    m_columns.append({Column::What::Name, {}, 0, tr("Thread")});
    m_columns.append({Column::What::Bar, {}, 0, tr("Share of its time")});
    m_columns.append({Column::What::Lived, {}, 0, tr("Lived")});
    // Only the states that occur, in the legend's order.
    for (int s = 0; s < int(LaneState::Count); ++s) {
        const auto state = LaneState(s);
        if (state == LaneState::Finished)
            continue;
        const bool occurs = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                        [state](const Row &row) { return row.time.in(state) > 0; });
        if (occurs)
            m_columns.append({Column::What::State, state, 0, theme.stateName(state)});
    }
    // Then each lock waited on, the longest total wait first.
    std::map<quint32, qint64> blockedPerLock;
    for (const LaneTime &lane : breakdown.lanes()) {
        for (const auto &[lock, ns] : lane.blockedOn)
            blockedPerLock[lock] += ns;
    }
    std::vector<std::pair<quint32, qint64>> locks(blockedPerLock.begin(), blockedPerLock.end());
    std::stable_sort(locks.begin(), locks.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[lock, ns] : locks) {
        m_columns.append({Column::What::Lock, LaneState::BlockedOnLock, lock,
                          tr("blocked on %1").arg(objectDisplayName(trace, lock))});
    }
    endResetModel();
}

void TimeBreakdownModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    endResetModel();
}

int TimeBreakdownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimeBreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

qint64 TimeBreakdownModel::nanoseconds(const Row &row, const Column &column)
{
    switch (column.what) {
    case Column::What::Lived:
        return row.time.livedNs;
    case Column::What::State:
        return row.time.in(column.state);
    case Column::What::Lock:
        return row.time.blockedOnLock(column.lock);
    case Column::What::Name:
    case Column::What::Bar:
        break;
    }
    return -1;
}

QVariantList TimeBreakdownModel::segmentsOf(const Row &row) const
{
    QVariantList segments;
    if (row.time.livedNs <= 0)
        return segments;
    const Theme &theme = Theme::current();
    for (const Column &column : m_columns) {
        if (column.what != Column::What::State)
            continue;
        const qint64 ns = row.time.in(column.state);
        if (ns > 0)
            segments.append(QVariant::fromValue(
                Segment {double(ns) / double(row.time.livedNs), theme.stateColor(column.state)}));
    }
    return segments;
}

QVariant TimeBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const Column &column = m_columns.at(index.column());
    if (column.what == Column::What::Name)
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(row.name) : QVariant();
    if (column.what == Column::What::Bar)
        return role == SegmentsRole ? QVariant(segmentsOf(row)) : QVariant();
    const qint64 ns = nanoseconds(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return ns > 0 || column.what == Column::What::Lived ? EventDetailsModel::formatDuration(ns)
                                                            : QString();
    case NanosecondsRole:
        return ns;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (ns > 0 && row.time.livedNs > 0)
            return tr("%1: %2 % of its time")
                .arg(column.header)
                .arg(100.0 * double(ns) / double(row.time.livedNs), 0, 'f', 1);
        return {};
    default:
        return {};
    }
}

QVariant TimeBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_columns.at(section).header;
}

QString TimeBreakdownModel::toCsv() const
{
    QString csv;
    QStringList fields;
    for (const Column &column : m_columns) {
        if (column.what == Column::What::Bar)
            continue;
        fields << csvField(column.what == Column::What::Name ? column.header
                                                             : tr("%1 (ms)").arg(column.header));
    }
    csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const Row &row : m_rows) {
        fields.clear();
        for (const Column &column : m_columns) {
            if (column.what == Column::What::Bar)
                continue;
            if (column.what == Column::What::Name)
                fields << csvField(row.name);
            else
                fields << QString::number(double(nanoseconds(row, column)) / 1e6, 'f', 3);
        }
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

} // namespace weft::ui
