// SPDX-License-Identifier: MIT
#include "timebreakdownpanel.h"

#include "breakdownbardelegate.h"
#include "ui/models/eventdetailsmodel.h"
#include "ui/models/timebreakdownmodel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace weft::ui {

TimeBreakdownPanel::TimeBreakdownPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimeBreakdownModel(this))
    , m_table(new QTableView(this))
    , m_scope(new QLabel(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
{
    // The panel shares a column with others: it must not widen it, so the
    // scope wraps and the table scrolls.
    m_scope->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(m_model->barColumn(), new BreakdownBarDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_export->setToolTip(tr("Save this table as comma-separated values for a spreadsheet"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &TimeBreakdownPanel::exportCsvInteractively);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_scope, 1);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    refresh();
}

void TimeBreakdownPanel::setTrace(const Trace &trace)
{
    m_trace = trace;
    m_fromNs = m_toNs = 0;
    refresh();
}

void TimeBreakdownPanel::setRange(qint64 fromNs, qint64 toNs)
{
    m_fromNs = fromNs;
    m_toNs = toNs;
    refresh();
}

void TimeBreakdownPanel::clear()
{
    setTrace(Trace());
}

void TimeBreakdownPanel::refresh()
{
    if (m_trace.isEmpty()) {
        m_model->clear();
        m_scope->setText(tr("Run a lesson or open a trace to see where each thread's time went."));
        m_export->setEnabled(false);
        return;
    }
    if (m_fromNs < m_toNs) {
        m_model->setTrace(m_trace, m_fromNs, m_toNs);
        m_scope->setText(tr("From %1 to %2 of the run (Esc on the timeline: the whole run)")
                             .arg(EventDetailsModel::formatDuration(m_fromNs - m_trace.startNs()),
                                  EventDetailsModel::formatDuration(m_toNs - m_trace.startNs())));
    } else {
        m_model->setTrace(m_trace);
        m_scope->setText(
            tr("The whole run (%1). Shift+drag on the ruler to narrow it to a range.")
                .arg(EventDetailsModel::formatDuration(m_trace.endNs() - m_trace.startNs())));
    }
    m_export->setEnabled(m_model->rowCount() > 0);
}

bool TimeBreakdownPanel::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)
        || file.write(m_model->toCsv().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void TimeBreakdownPanel::exportCsvInteractively()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Time Breakdown"), tr("time-breakdown.csv"),
                                       tr("Comma-separated values (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Time Breakdown"),
                             tr("Could not write %1: %2").arg(path, error));
}

} // namespace weft::ui
