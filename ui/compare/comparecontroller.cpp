// SPDX-License-Identifier: MIT
#include "comparecontroller.h"

#include "comparewindow.h"
#include "core/interchange/traceloader.h"
#include "core/scenario.h"
#include "runboth.h"
#include "runcomparison.h"
#include "ui/models/runsession.h"
#include "ui/panels/scenariopanel.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

namespace weft::ui {

CompareController::CompareController(QWidget *window, ScenarioPanel *panel,
                                     const RunSession *mainSession,
                                     std::function<Trace()> shownTrace)
    : QObject(window)
    , m_parentWindow(window)
    , m_panel(panel)
    , m_mainSession(mainSession)
    , m_shownTrace(std::move(shownTrace))
    , m_compareWith(new QAction(tr("Compare &With…"), this))
    , m_runBoth(new QAction(tr("Run &Both"), this))
    , m_runBothRunner(new RunBoth(this))
{
    m_compareWith->setStatusTip(
        tr("Show the trace on screen beside another trace file, on one time scale"));
    m_runBoth->setStatusTip(tr("Run the scenario twice, once per value of its mode or switch, "
                               "and show both runs on one time scale"));
    connect(m_compareWith, &QAction::triggered, this, &CompareController::chooseFile);
    connect(m_runBoth, &QAction::triggered, this, &CompareController::runBoth);
    connect(m_runBothRunner, &RunBoth::progress, this, &CompareController::statusMessage);
    connect(m_runBothRunner, &RunBoth::finished, this, [this] {
        updateActions();
        if (m_runBothRunner->result())
            showComparison(*m_runBothRunner->result());
        Q_EMIT statusMessage(QString());
    });
    if (m_panel)
        connect(m_panel, &ScenarioPanel::currentScenarioChanged, this,
                &CompareController::updateActions);
    updateActions();
}

void CompareController::insertAfter(QAction *anchor, QAction *action)
{
    for (QObject *object : anchor->associatedObjects()) {
        auto *menu = qobject_cast<QMenu *>(object);
        if (!menu)
            continue;
        const QList<QAction *> actions = menu->actions();
        const qsizetype at = actions.indexOf(anchor);
        menu->insertAction(at + 1 < actions.size() ? actions[at + 1] : nullptr, action);
    }
}

void CompareController::updateActions()
{
    const Scenario *scenario = m_panel ? m_panel->currentScenario() : nullptr;
    const bool comparable = scenario
        && RunBoth::parameterToCompare(scenario->parameters(), ParameterValues()).has_value();
    m_runBoth->setEnabled(comparable && !m_runBothRunner->isRunning());
}

void CompareController::report(const QString &message)
{
    Q_EMIT errorReported(message);
    if (m_interactiveErrors)
        QMessageBox::warning(m_parentWindow, tr("Compare Two Runs"), message);
}

void CompareController::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(m_parentWindow, tr("Compare With"), QString(),
                                                      tr("Traces (*.weft *.json);;All files (*)"));
    if (!path.isEmpty())
        compareWithFile(path);
}

bool CompareController::compareWithFile(const QString &path)
{
    const Trace shown = m_shownTrace();
    if (shown.isEmpty()) {
        report(tr("Run a scenario or open a trace first: it is compared with the file you pick."));
        return false;
    }
    QString error;
    const auto other = loadTraceFile(path, &error);
    if (!other) {
        report(error);
        return false;
    }
    if (other->isEmpty()) {
        report(tr("%1: the trace has no events; there is nothing to compare").arg(path));
        return false;
    }
    showComparison(RunComparison(shown, *other));
    return true;
}

bool CompareController::runBoth()
{
    const Scenario *scenario = m_panel ? m_panel->currentScenario() : nullptr;
    if (!scenario)
        return false;
    if (m_mainSession && m_mainSession->isRunning()) {
        report(tr("A run is going: wait for it to end, or cancel it, then run both."));
        return false;
    }
    if (!m_runBothRunner->start(*scenario, m_panel->parameterValues())) {
        report(tr("%1 has no mode or switch to compare.").arg(scenario->title()));
        return false;
    }
    updateActions();
    return true;
}

void CompareController::showComparison(const RunComparison &comparison)
{
    if (!m_window) {
        m_window = new CompareWindow(m_parentWindow);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        if (m_parentWindow)
            m_window->resize(m_parentWindow->size() * 0.9);
    }
    m_window->setComparison(comparison);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace weft::ui
