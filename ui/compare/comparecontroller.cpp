// SPDX-License-Identifier: MIT
#include "comparecontroller.h"

#include "comparewindow.h"
#include "core/interchange/traceloader.h"
#include "core/scenario.h"
#include "runboth.h"
#include "runcomparison.h"
#include "tracedrop.h"
#include "twinpair.h"
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
    , m_runTwins(new QAction(tr("Run Both: C++ and &Python"), this))
    , m_runBothRunner(new RunBoth(this))
    , m_drop(new TraceDrop(window, [this] { return !m_shownTrace().isEmpty(); }))
{
    m_compareWith->setStatusTip(
        tr("Show the trace on screen beside another trace file, on one time scale"));
    m_runBoth->setStatusTip(tr("Run the scenario twice, once per value of its mode or switch, "
                               "and show both runs on one time scale"));
    connect(m_compareWith, &QAction::triggered, this, &CompareController::chooseFile);
    m_runTwins->setStatusTip(tr("Run the lesson in C++ and its Python twin with the same "
                                "parameters, and show both runs on one time scale"));
    m_runTwins->setObjectName(QStringLiteral("runTwins"));
    connect(m_runBoth, &QAction::triggered, this, &CompareController::runBoth);
    connect(m_runTwins, &QAction::triggered, this, &CompareController::runTwins);
    connect(m_drop, &TraceDrop::compareWithShownRequested, this,
            &CompareController::compareWithFile);
    connect(m_drop, &TraceDrop::compareFilesRequested, this, &CompareController::compareFiles);
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

void CompareController::setRegistry(const ScenarioRegistry *registry)
{
    m_registry = registry;
    updateActions();
}

void CompareController::updateActions()
{
    const Scenario *scenario = m_panel ? m_panel->currentScenario() : nullptr;
    const bool comparable = scenario
        && RunBoth::parameterToCompare(scenario->parameters(), ParameterValues()).has_value();
    m_runBoth->setEnabled(comparable && !m_runBothRunner->isRunning());
    // Offered only where it means something: a lesson that has a twin.
    const auto twins = scenario && m_registry
        ? TwinPair::of(*m_registry, *scenario, ParameterValues())
        : std::nullopt;
    m_runTwins->setVisible(twins.has_value());
    const QString unavailable = twins ? twins->python->unavailableReason() : QString();
    m_runTwins->setEnabled(twins && unavailable.isEmpty() && !m_runBothRunner->isRunning());
    m_runTwins->setToolTip(unavailable.isEmpty() ? m_runTwins->statusTip() : unavailable);
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

std::optional<Trace> CompareController::loadToCompare(const QString &path)
{
    QString error;
    auto trace = loadTraceFile(path, &error);
    if (!trace) {
        report(error);
        return std::nullopt;
    }
    if (trace->isEmpty()) {
        report(tr("%1: the trace has no events; there is nothing to compare").arg(path));
        return std::nullopt;
    }
    return trace;
}

bool CompareController::compareWithFile(const QString &path)
{
    const Trace shown = m_shownTrace();
    if (shown.isEmpty()) {
        report(tr("Run a scenario or open a trace first: it is compared with the file you pick."));
        return false;
    }
    const auto other = loadToCompare(path);
    if (!other)
        return false;
    showComparison(RunComparison(shown, *other));
    return true;
}

bool CompareController::compareFiles(const QString &first, const QString &second)
{
    const auto a = loadToCompare(first);
    if (!a)
        return false;
    const auto b = loadToCompare(second);
    if (!b)
        return false;
    showComparison(RunComparison(*a, *b));
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

bool CompareController::runTwins()
{
    const Scenario *scenario = m_panel ? m_panel->currentScenario() : nullptr;
    if (!scenario || !m_registry)
        return false;
    if (m_mainSession && m_mainSession->isRunning()) {
        report(tr("A run is going: wait for it to end, or cancel it, then run both."));
        return false;
    }
    const auto twins = TwinPair::of(*m_registry, *scenario, m_panel->parameterValues());
    if (!twins) {
        report(tr("%1 has no Python twin to compare with.").arg(scenario->title()));
        return false;
    }
    if (const QString why = twins->python->unavailableReason(); !why.isEmpty()) {
        report(why);
        return false;
    }
    if (!m_runBothRunner->startTwins(*twins))
        return false;
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
