// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QShortcut;

namespace weft::ui {

// View ▸ Presentation Mode (F11): the window full-screen with the timeline and
// the code panel only. Leaving (F11 again, or Esc) brings back the panels, their
// sizes and the window's state as they were. Text size is the projector text
// size preference, which scales the whole window in and out of this mode.
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    // `toggle` is checkable; `keep` is the one panel shown beside the timeline;
    // `cancel` owns Esc while it is enabled (a running scenario stops first).
    PresentationMode(QMainWindow *window, QAction *toggle, QDockWidget *keep, QAction *cancel);

    bool isActive() const { return m_active; }
    void setActive(bool on);

private:
    void enter();
    void leave();
    void updateEscape();

    QMainWindow *m_window;
    QAction *m_toggle;
    QDockWidget *m_keep;
    QAction *m_cancel;
    QShortcut *m_escape;
    bool m_active = false;
    QByteArray m_savedDocks;
    Qt::WindowStates m_savedWindowState;
};

} // namespace weft::ui
