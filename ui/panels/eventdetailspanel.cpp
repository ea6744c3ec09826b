// SPDX-License-Identifier: MIT
#include "eventdetailspanel.h"

#include "ui/models/eventdetailsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace weft::ui {

EventDetailsPanel::EventDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventDetailsModel(this))
    , m_view(new QTableView(this))
    , m_hint(new QLabel(tr("Click an event on the timeline, or step to one, to see its details."),
                        this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    layout->addWidget(m_hint);
    layout->addWidget(m_view, 1);
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setWordWrap(true);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->hide();
}

void EventDetailsPanel::showEvent(const Trace &trace, int eventIndex, const SliceFacts *slice)
{
    m_model->setEvent(trace, eventIndex, slice);
    const bool any = m_model->rowCount() > 0;
    m_view->setVisible(any);
    m_hint->setVisible(!any);
    if (any)
        m_view->resizeRowsToContents();
}

void EventDetailsPanel::clear()
{
    m_model->clear();
    m_view->hide();
    m_hint->show();
}

} // namespace weft::ui
