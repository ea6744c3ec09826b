// SPDX-License-Identifier: MIT
#pragma once

#include "comparewindow.h"
#include "core/trace.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace weft {
class ScenarioRegistry;
} // namespace weft

namespace weft::ui {

class RunBoth;
class RunComparison;
class RunSession;
class ScenarioPanel;
class TraceDrop;

// File ▸ Compare With…, Run ▸ Run Both (two values of a parameter, or a
// lesson and its Python twin) and trace files dropped on the window: where a
// comparison starts. Opens the second trace or runs the scenario twice, then
// shows both in a CompareWindow. Keeps the main window's part to one block.
class CompareController : public QObject
{
    Q_OBJECT
public:
    // `shownTrace` gives the trace the main window shows (the first of the pair);
    // `mainSession` is asked whether a run is going (Run Both waits for it).
    CompareController(QWidget *window, ScenarioPanel *panel, const RunSession *mainSession,
                      std::function<Trace()> shownTrace);

    QAction *compareWithAction() const { return m_compareWith; }
    QAction *runBothAction() const { return m_runBoth; }
    // Run ▸ Run Both: C++ and Python; shown for a lesson that has a twin.
    QAction *runTwinsAction() const { return m_runTwins; }
    // Drops on the main window go through it (its dragEnterEvent and dropEvent).
    TraceDrop *traceDrop() const { return m_drop; }
    // Where a lesson's twin is looked up; without it Run Both offers no twin.
    void setRegistry(const ScenarioRegistry *registry);
    // Puts each action in the menus that hold its anchor, right after it.
    static void insertAfter(QAction *anchor, QAction *action);

    // The shown trace beside the one in `path`; false (and a message) if it cannot be read.
    bool compareWithFile(const QString &path);
    // Two trace files, neither on screen, compared (two files dropped at once).
    bool compareFiles(const QString &first, const QString &second);
    bool runBoth();
    // The selected lesson in C++ and in Python, with the form's values.
    bool runTwins();
    void showComparison(const RunComparison &comparison);
    CompareWindow *window() const { return m_window; }
    RunBoth *runner() const { return m_runBothRunner; }
    void setInteractiveErrors(bool on) { m_interactiveErrors = on; }

Q_SIGNALS:
    void errorReported(const QString &message);
    void statusMessage(const QString &message);

private:
    void chooseFile();
    void report(const QString &message);
    void updateActions();
    std::optional<Trace> loadToCompare(const QString &path);

    QWidget *m_parentWindow;
    ScenarioPanel *m_panel;
    const RunSession *m_mainSession;
    std::function<Trace()> m_shownTrace;
    QAction *m_compareWith;
    QAction *m_runBoth;
    QAction *m_runTwins;
    RunBoth *m_runBothRunner;
    TraceDrop *m_drop;
    const ScenarioRegistry *m_registry = nullptr;
    QPointer<CompareWindow> m_window;
    bool m_interactiveErrors = true;
};

} // namespace weft::ui
