// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/timeline/selectionmarks.h"

#include <QObject>
#include <optional>

class QStatusBar;

namespace weft::ui {

class EventDetailsPanel;
class SearchBar;
class TimeBreakdownPanel;
class TimelineView;
class WindowActions;

// What the user picks out of a trace, kept in step across the window: the
// selected event (ringed on the timeline, its wait linked to what ended it),
// the find bar's matches, and the range marked on the ruler (its length and
// event count in the status bar, the time breakdown narrowed to it).
class SelectionController : public QObject
{
    Q_OBJECT
public:
    SelectionController(TimelineView *timeline, SearchBar *search, EventDetailsPanel *details,
                        TimeBreakdownPanel *breakdown, QStatusBar *status, WindowActions *actions,
                        QObject *parent = nullptr);

    void setTrace(const Trace &trace);
    // After the details panel shows an event: ring it and draw its wait's cause.
    void eventShown(int eventIndex);
    // A new run or trace: nothing selected, no range.
    void clear();

signals:
    // The find bar chose an event: the window shows its details and code line.
    void eventChosen(int eventIndex);

private:
    void rangeChanged(const std::optional<TimeRange> &range);
    bool needsQuery() const;

    TimelineView *m_timeline;
    SearchBar *m_search;
    EventDetailsPanel *m_details;
    TimeBreakdownPanel *m_breakdown;
    QStatusBar *m_status;
    Trace m_trace;
};

} // namespace weft::ui
