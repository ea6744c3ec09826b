// SPDX-License-Identifier: MIT
#include "selectioncontroller.h"

#include "ui/models/eventdetailsmodel.h"
#include "ui/panels/eventdetailspanel.h"
#include "ui/panels/searchbar.h"
#include "ui/panels/timebreakdownpanel.h"
#include "ui/panels/windowactions.h"
#include "ui/timeline/selectionpass.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QStatusBar>

namespace weft::ui {

SelectionController::SelectionController(TimelineView *timeline, SearchBar *search,
                                         EventDetailsPanel *details, TimeBreakdownPanel *breakdown,
                                         QStatusBar *status, WindowActions *actions,
                                         QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_search(search)
    , m_details(details)
    , m_breakdown(breakdown)
    , m_status(status)
{
    m_search->hide();
    connect(actions->find, &QAction::triggered, m_search, &SearchBar::activate);
    // F3 with the bar closed opens it: there is nothing to go to yet.
    connect(actions->findNext, &QAction::triggered, this, [this] {
        if (needsQuery())
            m_search->activate();
        else
            m_search->findNext();
    });
    connect(actions->findPrevious, &QAction::triggered, this, [this] {
        if (needsQuery())
            m_search->activate();
        else
            m_search->findPrevious();
    });
    connect(m_search, &SearchBar::matchSelected, this, [this](int eventIndex) {
        m_timeline->revealEvent(eventIndex);
        emit eventChosen(eventIndex);
    });
    connect(m_timeline, &TimelineView::rangeChanged, this, &SelectionController::rangeChanged);
}

bool SelectionController::needsQuery() const
{
    return m_search->isHidden() || m_search->query().trimmed().isEmpty();
}

void SelectionController::setTrace(const Trace &trace)
{
    m_trace = trace;
    m_search->setTrace(trace);
}

void SelectionController::eventShown(int eventIndex)
{
    m_timeline->setSelectedEvent(eventIndex);
    m_timeline->setWaitLink(m_details->model()->waitLink());
}

void SelectionController::clear()
{
    m_timeline->setSelectedEvent(-1);
    m_timeline->setWaitLink(std::nullopt);
    m_timeline->setSelectedRange(std::nullopt);
}

void SelectionController::rangeChanged(const std::optional<TimeRange> &range)
{
    if (!range) {
        m_breakdown->setRange(0, 0);
        m_status->clearMessage();
        return;
    }
    m_breakdown->setRange(range->fromNs, range->toNs);
    m_status->showMessage(tr("Range: %1 (Esc clears it)")
                              .arg(SelectionPass::rangeText(m_timeline->realTrace(), *range)));
}

} // namespace weft::ui
