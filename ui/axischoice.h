// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;

namespace weft::ui {

class TimelineView;

// Which axis the timeline uses (View ▸ Axis). Steps by default where wall-clock
// time hides the lesson: while stepping (the user's thinking time would fill
// the picture) and for the scenarios about interleavings (locks.race,
// locks.deadlock). Once the user picks an axis, their choice wins for the rest
// of the session. Switching keeps the selected event where it is on screen.
class AxisChoice : public QObject
{
    Q_OBJECT
public:
    AxisChoice(QAction *timeAxis, QAction *stepAxis, TimelineView *view, QObject *parent = nullptr);

    // A run starts, or a trace is shown: the default axis for it, unless the user chose one.
    void suggestFor(const QString &scenarioId, bool stepping);
    static bool stepsByDefault(const QString &scenarioId, bool stepping);
    bool userChose() const { return m_userChose; }

public slots:
    // The selected event (the playhead's, or the one clicked), kept in place on a switch.
    void setSelectedEvent(int eventIndex) { m_selectedEvent = eventIndex; }

private:
    QAction *m_stepAxis;
    TimelineView *m_view;
    int m_selectedEvent = -1;
    bool m_userChose = false;
};

} // namespace weft::ui
