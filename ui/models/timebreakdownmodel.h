// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/timebreakdown.h"
#include "core/trace.h"

#include <QAbstractTableModel>
#include <QColor>

namespace weft::ui {

// Where each thread's (and each process's) time went, as a table: one row per
// lane, then one per process of several lanes; a column for how long it
// lived, one per state that occurs, one per lock it was blocked on. Read from
// core's TimeBreakdown, so the numbers are the timeline's own states.
class TimeBreakdownModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A stacked bar's piece: the share of the row's life in one state.
    struct Segment
    {
        double fraction = 0;
        QColor color;
    };

    // Raw nanoseconds of a time cell, for sorting, the bar and the CSV.
    static constexpr int NanosecondsRole = Qt::UserRole + 1;
    // QVariantList of Segment (as QVariant::fromValue) for the bar column.
    static constexpr int SegmentsRole = Qt::UserRole + 2;

    explicit TimeBreakdownModel(QObject *parent = nullptr);

    // The whole run, or [fromNs, toNs] of it.
    void setTrace(const Trace &trace);
    void setTrace(const Trace &trace, qint64 fromNs, qint64 toNs);
    void clear();

    // The table as comma-separated values, milliseconds with microsecond
    // precision, headers in the user's language; every lock gets a column.
    QString toCsv() const;
    int barColumn() const { return 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Column
    {
        enum class What { Name, Bar, Lived, State, Lock };
        What what = What::Name;
        LaneState state = LaneState::Running;
        quint32 lock = 0;
        QString header;
    };
    struct Row
    {
        QString name;
        LaneTime time;
    };

    static qint64 nanoseconds(const Row &row, const Column &column);
    QVariantList segmentsOf(const Row &row) const;

    QList<Row> m_rows;
    QList<Column> m_columns;
};

} // namespace weft::ui

Q_DECLARE_METATYPE(weft::ui::TimeBreakdownModel::Segment)
