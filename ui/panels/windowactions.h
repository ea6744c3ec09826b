// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStyle>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QToolBar;

namespace weft::ui {

// Every command of the main window as one QAction, so the menus, the toolbar
// and the panels' buttons share text, shortcut and enabled state.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    explicit WindowActions(QObject *parent = nullptr);

    // File
    QAction *open, *recordProgram, *save, *exportPicture, *quit;
    // Edit
    QAction *preferences;
    QAction *find, *findNext, *findPrevious; // the find bar over the timeline
    // View
    QAction *zoomIn, *zoomOut, *fitAll;
    QAction *allArrows; // checkable: every arrow instead of those on demand
    QAction *presentationMode; // checkable, F11
    QAction *sequenceDiagram; // shows the Sequence Diagram panel (ui/sequence/sequencedock.h)
    // View ▸ Axis: time or steps (exclusive). stepAxis is also the toolbar's
    // toggle and Ctrl+Shift+T: unchecking it there checks timeAxis.
    QAction *timeAxis, *stepAxis;
    // Playback
    QAction *playPause, *previousEvent, *nextEvent, *previousLaneEvent, *nextLaneEvent;
    QAction *toStart, *toEnd, *oneEventPerSecond;
    QActionGroup *speeds;
    // Run
    QAction *run, *cancel, *stepMode, *stepAny, *stepSelected, *runFreely;
    QAction *runUntil, *replaySchedule;
    // Help
    QAction *gettingStarted, *about;
    // Help ▸ Language: "" follows the system, else a code from weft::Language::available().
    QActionGroup *languages;

    // The menu bar and toolbar; a view menu for the docks is added by the window.
    void populateMenus(QMenuBar *menuBar, QMenu **viewMenu) const;
    void populateToolBar(QToolBar *toolBar) const;
    // The checked speed's factor (1.0 if none).
    double selectedSpeed() const;
    void selectSpeed(double factor);

    static QList<double> speedFactors();

    // Re-draws the standard icons for the current palette (after a theme switch).
    void refreshIcons();
    static void setStandardIcon(QAction *action, QStyle::StandardPixmap which);

private:
    QAction *make(const QString &text, const QKeySequence &shortcut, const QString &tip = {});
};

} // namespace weft::ui
