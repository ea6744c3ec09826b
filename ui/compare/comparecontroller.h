// SPDX-License-Identifier: MIT
#pragma once

#include "comparewindow.h"
#include "core/trace.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QWidget;

namespace weft::ui {

class RunBoth;
class RunComparison;
class RunSession;
class ScenarioPanel;

// File ▸ Compare With… and Run ▸ Run Both: where a comparison starts. Opens
// the second trace or runs the scenario twice, then shows both in a
// CompareWindow. Keeps the main window's part to one block.
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
    // Puts each action in the menus that hold its anchor, right after it.
    static void insertAfter(QAction *anchor, QAction *action);

    // The shown trace beside the one in `path`; false (and a message) if it cannot be read.
    bool compareWithFile(const QString &path);
    bool runBoth();
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

    QWidget *m_parentWindow;
    ScenarioPanel *m_panel;
    const RunSession *m_mainSession;
    std::function<Trace()> m_shownTrace;
    QAction *m_compareWith;
    QAction *m_runBoth;
    RunBoth *m_runBothRunner;
    QPointer<CompareWindow> m_window;
    bool m_interactiveErrors = true;
};

} // namespace weft::ui
