// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QDockWidget>

class QAction;
class QMainWindow;

namespace weft::ui {

class SequenceView;

// The Sequence Diagram panel: a dock around a SequenceView that View ▸
// Sequence Diagram shows (widening the column to the diagram), and that
// keeps that action disabled, saying why, for a trace without sockets or
// messages. The window only hands it traces and selections.
class SequenceDock : public QDockWidget
{
    Q_OBJECT
public:
    SequenceDock(QAction *showAction, QMainWindow *window);

    SequenceView *view() const { return m_view; }
    void setTrace(const Trace &trace);
    // Shows and raises the dock, wide enough for the diagram if the window has room.
    void showDiagram();

    // Enables the action for a trace with sockets or messages, else disables it
    // with a tooltip that says why.
    static void updateAction(QAction *action, const Trace &trace);

signals:
    void statusMessage(const QString &message);

private:
    QMainWindow *m_window;
    QAction *m_action;
    SequenceView *m_view;
};

} // namespace weft::ui
