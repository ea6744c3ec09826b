// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace weft::ui {

class TimeBreakdownModel;

// The per-thread account of time: a table with a stacked bar per row, for
// the whole run or the range the timeline shows, and a CSV export.
class TimeBreakdownPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimeBreakdownPanel(QWidget *parent = nullptr);

    void setTrace(const Trace &trace);
    // Narrows the table to [fromNs, toNs]; an empty range (from >= to) is the whole run.
    void setRange(qint64 fromNs, qint64 toNs);
    void clear();

    TimeBreakdownModel *model() const { return m_model; }
    // Writes the table as CSV; false (with `error`) when the file cannot be written.
    bool exportCsv(const QString &path, QString *error) const;

public slots:
    // Asks for a file name and writes the CSV there.
    void exportCsvInteractively();

private:
    void refresh();

    TimeBreakdownModel *m_model;
    QTableView *m_table;
    QLabel *m_scope;
    QPushButton *m_export;
    Trace m_trace;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
};

} // namespace weft::ui
