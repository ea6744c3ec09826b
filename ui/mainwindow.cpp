// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "core/interchange/traceloader.h"
#include "core/language.h"
#include "core/replaytarget.h"
#include "core/scenario.h"
#include "core/scenarioregistry.h"
#include "ui/axischoice.h"
#include "ui/compare/comparecontroller.h"
#include "ui/compare/tracedrop.h"
#include "ui/help/gettingstarteddialog.h"
#include "ui/models/eventdetailsmodel.h"
#include "ui/models/pendingactionmodel.h"
#include "ui/models/recordsession.h"
#include "ui/models/runsession.h"
#include "ui/models/traceloadjob.h"
#include "ui/panels/codepanel.h"
#include "ui/panels/eventdetailspanel.h"
#include "ui/panels/exportdialog.h"
#include "ui/panels/loadprogressbar.h"
#include "ui/panels/outputconsole.h"
#include "ui/panels/recorddialog.h"
#include "ui/panels/scenariopanel.h"
#include "ui/panels/searchbar.h"
#include "ui/panels/steppanel.h"
#include "ui/panels/summarybar.h"
#include "ui/panels/timebreakdownpanel.h"
#include "ui/panels/windowactions.h"
#include "ui/presentationmode.h"
#include "ui/restartoffer.h"
#include "ui/selectioncontroller.h"
#include "ui/sequence/sequencedock.h"
#include "ui/sequence/sequenceview.h"
#include "ui/settings/preferences.h"
#include "ui/settings/preferencesdialog.h"
#include "ui/settings/themecontroller.h"
#include "ui/timeline/legendwidget.h"
#include "ui/timeline/playback.h"
#include "ui/timeline/selectionpass.h"
#include "ui/timeline/timelineview.h"
#include "ui/timeline/zoomcontrol.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLayout>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>
#include <chrono>

namespace weft::ui {

namespace {

const QString kTraceFilter = QStringLiteral("*.weft");
// saveState()'s version: 1 since the panels share one column beside the timeline,
// 2 since the legend sits with the lessons (five tabs below were elided at 1366 px).
constexpr int kLayoutVersion = 2;

// A run's length for people: whole milliseconds under a second (a 30 ms
// run is not "0.0 s"), else seconds to a tenth.
QString elapsedText(qint64 ns)
{
    if (ns < 1000000000)
        return MainWindow::tr("%1 ms").arg(std::max<qint64>(0, ns) / 1000000);
    return MainWindow::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 1);
}

} // namespace

MainWindow::MainWindow(const ScenarioRegistry &registry, QWidget *parent)
    : QMainWindow(parent)
    , m_registry(registry)
    , m_actions(new WindowActions(this))
    , m_session(new RunSession(this))
    , m_recording(new RecordSession(this))
    , m_playback(new Playback(this))
    , m_timeline(new TimelineView(this))
    , m_summary(new SummaryBar(this))
    , m_scenarioPanel(new ScenarioPanel(registry, this))
    , m_codePanel(new CodePanel(this))
    , m_output(new OutputConsole(this))
    , m_details(new EventDetailsPanel(this))
    , m_legend(new LegendWidget(this))
    , m_breakdown(new TimeBreakdownPanel(this))
    , m_search(new SearchBar(this))
    , m_stepPanel(new StepPanel(this))
    , m_restartOffer(new RestartOffer(this))
{
    setWindowTitle(tr("Weft"));
    setAcceptDrops(true);
    // Theme and text size before the first paint, so the window never flashes the wrong one.
    m_preferences = new Preferences(this);
    m_themes = new ThemeController(m_preferences, this);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_summary);
    centralLayout->addWidget(m_search);
    centralLayout->addWidget(m_timeline, 1);
    setCentralWidget(central);
    m_timeline->setObjectName(QStringLiteral("timeline"));

    m_actions->populateMenus(menuBar(), &m_viewMenu);
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->populateToolBar(toolBar);
    m_viewMenu->addAction(toolBar->toggleViewAction());
    m_scenarioPanel->setRunActions(m_actions->run, m_actions->cancel);
    m_stepPanel->setActions(m_actions->stepSelected, m_actions->stepAny, m_actions->runFreely);
    m_stepPanel->setScheduleActions(m_actions->runUntil, m_actions->replaySchedule);
    // Two runs compared (File ▸ Compare With…, Run ▸ Run Both) in a window of their own.
    m_compare = new CompareController(this, m_scenarioPanel, m_session, [this] { return m_trace; });
    CompareController::insertAfter(m_actions->open, m_compare->compareWithAction());
    CompareController::insertAfter(m_actions->run, m_compare->runBothAction());
    CompareController::insertAfter(m_compare->runBothAction(), m_compare->runTwinsAction());
    m_compare->setRegistry(&m_registry);
    connect(m_compare->traceDrop(), &TraceDrop::openRequested, this, &MainWindow::openTraceFile);
    connect(m_compare, &CompareController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    createDocks();
    m_presentation
        = new PresentationMode(this, m_actions->presentationMode, m_codeDock, m_actions->cancel);
    showRecordingHistory();
    connectActions();
    // A large file opens on a worker thread; the window stays usable and
    // the status bar shows how far it got, with Cancel (Esc, as for a run).
    m_loadJob = new TraceLoadJob(this);
    m_loadBar = new LoadProgressBar(statusBar());
    m_loadBar->setObjectName(QStringLiteral("loadProgress"));
    m_loadBar->hide();
    statusBar()->addPermanentWidget(m_loadBar);
    connect(m_loadJob, &TraceLoadJob::progress, m_loadBar, &LoadProgressBar::setProgress);
    connect(m_loadJob, &TraceLoadJob::loaded, this, &MainWindow::onTraceLoaded);
    connect(m_loadJob, &TraceLoadJob::failed, this, &MainWindow::onTraceLoadFailed);
    connect(m_loadJob, &TraceLoadJob::cancelled, this, &MainWindow::onTraceLoadCancelled);
    connect(m_loadBar, &LoadProgressBar::cancelRequested, m_loadJob, &TraceLoadJob::cancel);
    connect(m_actions->cancel, &QAction::triggered, m_loadJob, &TraceLoadJob::cancel);
    statusBar()->showMessage(tr("Ready"));
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        resize(screen->availableGeometry().size() * 0.94);
    else
        resize(1500, 900);
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Stop the run before the panels it feeds go away.
    m_session->cancel();
    m_recording->cancel();
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area, const QString &menuText)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    // A tab's short title, the menu's full name.
    if (!menuText.isEmpty())
        dock->toggleViewAction()->setText(menuText);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createDocks()
{
    // One column beside the timeline: the lessons, the code and the legend share
    // its top as tabs, the output, step mode, details and breakdown its bottom.
    // Two side columns and a bottom row left the timeline a quarter of a 1366×768
    // screen; five tabs in one row of a 380 px column were elided to "Le…".
    QDockWidget *scenarios = m_scenariosDock = addDock(
        m_scenarioPanel, tr("Scenarios"), QStringLiteral("scenariosDock"), Qt::RightDockWidgetArea);
    QDockWidget *code = m_codeDock
        = addDock(m_codePanel, tr("Code"), QStringLiteral("codeDock"), Qt::RightDockWidgetArea);
    QDockWidget *output = m_outputDock
        = addDock(m_output, tr("Output"), QStringLiteral("outputDock"), Qt::RightDockWidgetArea);
    // Scrolled, not squeezed, when its buttons are wider than the column.
    auto *stepScroll = new QScrollArea(this);
    stepScroll->setWidget(m_stepPanel);
    stepScroll->setWidgetResizable(true);
    stepScroll->setFrameShape(QFrame::NoFrame);
    QDockWidget *stepping = m_stepDock
        = addDock(stepScroll, tr("Step Mode"), QStringLiteral("stepDock"), Qt::RightDockWidgetArea);
    QDockWidget *details = addDock(m_details, tr("Details"), QStringLiteral("detailsDock"),
                                   Qt::RightDockWidgetArea, tr("Event Details"));
    auto *legendScroll = new QScrollArea(this);
    legendScroll->setWidget(m_legend);
    legendScroll->setWidgetResizable(true);
    legendScroll->setFrameShape(QFrame::NoFrame);
    QDockWidget *legend = addDock(legendScroll, tr("Legend"), QStringLiteral("legendDock"),
                                  Qt::RightDockWidgetArea);
    tabifyDockWidget(scenarios, code);
    tabifyDockWidget(code, legend);
    tabifyDockWidget(output, stepping);
    tabifyDockWidget(output, details);
    QDockWidget *breakdown = addDock(m_breakdown, tr("Breakdown"), QStringLiteral("breakdownDock"),
                                     Qt::RightDockWidgetArea, tr("Time Breakdown"));
    tabifyDockWidget(output, breakdown);
    // Hidden until View ▸ Sequence Diagram asks for it; then a tab beside the code.
    m_sequenceDock = new SequenceDock(m_actions->sequenceDiagram, this);
    addDockWidget(Qt::RightDockWidgetArea, m_sequenceDock);
    tabifyDockWidget(code, m_sequenceDock);
    m_sequenceDock->hide();
    SequenceView *sequence = m_sequenceDock->view();
    connect(sequence, &SequenceView::eventClicked, this, [this, sequence](int index) {
        const int item = sequence->selectedItem();
        if (index < 0 || std::size_t(index) >= m_trace.events().size() || item < 0)
            return;
        // As a step to that event: its lane and details show, and the playhead
        // goes to the arrow's far end, so the timeline draws the whole arrow undimmed.
        const Event &event = m_trace.events()[std::size_t(index)];
        const std::size_t to = sequence->diagram()->items()[std::size_t(item)].toEvent;
        m_playback->setPlayhead(std::max(event.timeNs, m_trace.events()[to].timeNs));
        m_timeline->setSelectedLane(event.actor);
        showCurrentEvent(index);
        sequence->setSelectedItem(item); // the row clicked, not the first of a split send
    });
    connect(m_timeline, &TimelineView::eventClicked, sequence, &SequenceView::setSelectedEvent);
    connect(m_playback, &Playback::currentEventChanged, sequence, &SequenceView::setSelectedEvent);
    connect(m_sequenceDock, &SequenceDock::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    // Tabs on top, where a reader looks for them first.
    setTabPosition(Qt::RightDockWidgetArea, QTabWidget::North);
    scenarios->raise();
    output->raise();
}

void MainWindow::sizeDocks()
{
    // The column is about a quarter of the window; the timeline gets the rest.
    layout()->activate(); // the docks' current sizes, which resizeDocks() starts from
    const int column = std::clamp(int(width() * 0.28), 300, 560);
    resizeDocks({m_codeDock}, {column}, Qt::Horizontal);
    const int height = this->height();
    resizeDocks({m_codeDock, m_outputDock}, {height * 2 / 3, height / 3}, Qt::Vertical);
}

void MainWindow::connectActions()
{
    WindowActions *a = m_actions;
    connect(a->open, &QAction::triggered, this, &MainWindow::chooseTraceToOpen);
    connect(a->recordProgram, &QAction::triggered, this, &MainWindow::chooseProgramToRecord);
    connect(m_recording, &RecordSession::started, this, &MainWindow::onRecordingStarted);
    connect(m_recording, &RecordSession::liveTraceUpdated, this, [this](const Trace &trace) {
        onLiveTrace(trace,
                    std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count());
    });
    connect(m_recording, &RecordSession::finished, this, &MainWindow::onRecordingFinished);
    connect(a->save, &QAction::triggered, this, &MainWindow::chooseTraceToSave);
    connect(a->exportPicture, &QAction::triggered, this, &MainWindow::exportPicture);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_preferences, &Preferences::changed, this, &MainWindow::applyPreferredSpeed);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a->gettingStarted, &QAction::triggered, this, [this] {
        auto *dialog = new GettingStartedDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(a->languages, &QActionGroup::triggered, this, [this](QAction *chosen) {
        Language::save(chosen->data().toString());
        if (!m_restartOffer->offer())
            statusBar()->showMessage(tr("The language changes when Weft starts next time."), 10000);
    });

    connect(a->zoomIn, &QAction::triggered, m_timeline, &TimelineView::zoomIn);
    connect(a->zoomOut, &QAction::triggered, m_timeline, &TimelineView::zoomOut);
    connect(a->fitAll, &QAction::triggered, m_timeline, &TimelineView::fitAll);
    connect(a->allArrows, &QAction::toggled, m_timeline, &TimelineView::setAllArrows);
    m_axisChoice = new AxisChoice(a->timeAxis, a->stepAxis, m_timeline, this);
    connect(m_playback, &Playback::currentEventChanged, m_axisChoice,
            &AxisChoice::setSelectedEvent);
    connect(m_timeline, &TimelineView::eventClicked, m_axisChoice, &AxisChoice::setSelectedEvent);

    connect(a->playPause, &QAction::triggered, m_playback, &Playback::togglePlay);
    connect(a->previousEvent, &QAction::triggered, m_playback, &Playback::stepBackward);
    connect(a->nextEvent, &QAction::triggered, m_playback, &Playback::stepForward);
    connect(a->previousLaneEvent, &QAction::triggered, this,
            [this] { m_playback->stepLaneBackward(m_timeline->selectedLane()); });
    connect(a->nextLaneEvent, &QAction::triggered, this,
            [this] { m_playback->stepLaneForward(m_timeline->selectedLane()); });
    connect(a->toStart, &QAction::triggered, m_playback, &Playback::toStart);
    connect(a->toEnd, &QAction::triggered, m_playback, &Playback::toEnd);
    connect(a->oneEventPerSecond, &QAction::toggled, m_playback, &Playback::setOneEventPerSecond);
    connect(a->speeds, &QActionGroup::triggered, this,
            [this](QAction *speed) { m_playback->setSpeed(speed->data().toDouble()); });

    connect(a->run, &QAction::triggered, this, &MainWindow::runSelectedScenario);
    connect(a->cancel, &QAction::triggered, m_session, &RunSession::cancel);
    connect(a->cancel, &QAction::triggered, m_recording, &RecordSession::cancel);
    connect(a->stepMode, &QAction::toggled, this, [this](bool on) {
        if (m_session->isRunning())
            m_session->setStepping(on);
        updateActions();
    });
    connect(a->stepAny, &QAction::triggered, m_session, &RunSession::stepAny);
    connect(a->stepSelected, &QAction::triggered, this, [this] {
        const quint32 lane = m_timeline->selectedLane();
        if (!(lane && m_session->stepActor(lane)))
            m_session->stepActor(m_stepPanel->selectedActor());
    });
    connect(a->runFreely, &QAction::triggered, this,
            [this] { m_actions->stepMode->setChecked(false); });
    connect(a->runUntil, &QAction::triggered, this,
            [this] { m_session->runUntil(m_stepPanel->runUntilKind()); });
    connect(a->replaySchedule, &QAction::triggered, this, &MainWindow::replayShownSchedule);
    connect(m_stepPanel, &StepPanel::stepRequested, m_session, &RunSession::stepActor);
    connect(m_timeline, &TimelineView::pendingActionClicked, m_session, &RunSession::stepActor);
    connect(m_timeline, &TimelineView::blockedActionClicked, this,
            [this](quint32, const QString &reason) { statusBar()->showMessage(reason, 10000); });
    connect(m_session, &RunSession::replayProgressChanged, m_stepPanel,
            &StepPanel::showReplayProgress);
    connect(m_session, &RunSession::replayDiverged, this, [this](const QString &reason) {
        const QString message
            = tr("The replay left its schedule: %1 You are stepping by hand from here.")
                  .arg(reason);
        m_stepPanel->setReplayStatus(message, true);
        statusBar()->showMessage(message, 15000);
        m_stepDock->raise();
    });
    connect(m_stepPanel, &StepPanel::actionHighlighted, this,
            [this](quint16 site) { m_codePanel->showSite(m_trace.site(site)); });

    connect(m_scenarioPanel, &ScenarioPanel::runRequested, this, &MainWindow::runSelectedScenario);
    connect(m_scenarioPanel, &ScenarioPanel::currentScenarioChanged, this,
            [this](const Scenario *s) {
                if (!m_session->isRunning() && !isBusy()) {
                    showScenarioSource(s);
                    showRunOf(s);
                }
                updateActions();
            });

    connect(m_session, &RunSession::started, this, &MainWindow::onRunStarted);
    connect(m_session, &RunSession::liveTraceUpdated, this, &MainWindow::onLiveTrace);
    connect(m_session, &RunSession::elapsedChanged, this, &MainWindow::onElapsed);
    connect(m_session, &RunSession::finished, this, &MainWindow::onRunFinished);
    connect(m_session, &RunSession::pendingActionsChanged, this, &MainWindow::onPendingActions);

    connect(m_playback, &Playback::playheadChanged, m_timeline, &TimelineView::setPlayhead);
    connect(m_playback, &Playback::playheadChanged, m_output, &OutputConsole::setPlayhead);
    connect(m_playback, &Playback::currentEventChanged, this, &MainWindow::showCurrentEvent);
    connect(m_playback, &Playback::playingChanged, this, [this](bool playing) {
        m_actions->playPause->setText(playing ? tr("&Pause") : tr("&Play"));
        WindowActions::setStandardIcon(m_actions->playPause,
                                       playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay);
    });
    connect(m_timeline, &TimelineView::playheadScrubbed, m_playback, &Playback::setPlayhead);
    connect(m_timeline, &TimelineView::eventClicked, this, &MainWindow::showCurrentEvent);
    m_selection = new SelectionController(m_timeline, m_search, m_details, m_breakdown, statusBar(),
                                          m_actions, this);
    connect(m_selection, &SelectionController::eventChosen, this, &MainWindow::showCurrentEvent);
    connect(m_timeline, &TimelineView::laneSelected, this, [this](quint32 actor) {
        m_stepPanel->selectActor(actor);
        updateActions();
    });
}

bool MainWindow::isBusy() const
{
    return m_session->isRunning() || m_recording->isRunning()
        || (m_loadJob && m_loadJob->isRunning());
}

void MainWindow::updateActions()
{
    const bool running = isBusy();
    const bool haveTrace = !m_trace.isEmpty();
    const bool replay = haveTrace && !running;
    WindowActions *a = m_actions;
    a->run->setEnabled(
        !running
        && (m_scenarioPanel->currentScenario() || m_scenarioPanel->currentRecordedProgram() >= 0));
    a->cancel->setEnabled(running);
    a->recordProgram->setEnabled(!running);
    a->save->setEnabled(replay);
    a->exportPicture->setEnabled(replay);
    for (QAction *action : {a->playPause, a->previousEvent, a->nextEvent, a->toStart, a->toEnd})
        action->setEnabled(replay);
    const bool lane = replay && m_timeline->selectedLane() != 0;
    a->previousLaneEvent->setEnabled(lane);
    a->nextLaneEvent->setEnabled(lane);
    const bool stepping = running && a->stepMode->isChecked();
    a->stepAny->setEnabled(stepping);
    a->stepSelected->setEnabled(stepping);
    a->runFreely->setEnabled(stepping);
    a->runUntil->setEnabled(stepping);
    a->replaySchedule->setEnabled(!running && !m_trace.schedule().isEmpty()
                                  && m_registry.find(m_trace.metadata().scenarioId));
    m_scenarioPanel->setEditable(!running);
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    Q_EMIT errorReported(message);
    if (m_interactiveErrors)
        QMessageBox::warning(this, title, message);
}

// --- runs -------------------------------------------------------------------

bool MainWindow::selectScenario(const QString &id)
{
    return m_scenarioPanel->selectScenario(id);
}

bool MainWindow::runSelectedScenario()
{
    if (const int entry = m_scenarioPanel->currentRecordedProgram(); entry >= 0) {
        if (isBusy() || entry >= m_recordingHistory.entries().size())
            return false;
        return recordProgram(m_recordingHistory.entries().at(entry));
    }
    const Scenario *scenario = m_scenarioPanel->currentScenario();
    if (!scenario) {
        reportError(tr("Run"), tr("Select a scenario to run first."));
        return false;
    }
    if (m_session->isRunning())
        return false;
    return m_session->start(*scenario, m_scenarioPanel->parameterValues(),
                            m_actions->stepMode->isChecked());
}

bool MainWindow::replayShownSchedule()
{
    const Scenario *scenario = m_registry.find(m_trace.metadata().scenarioId);
    if (m_session->isRunning() || !scenario || m_trace.schedule().isEmpty())
        return false;
    // A trace file chooses its parameters: it may not choose where Weft connects.
    if (const QString target = remoteReplayTarget(m_trace.metadata().parameters);
        !target.isEmpty()) {
        const QString question = tr("This trace's run connects to %1, not to this computer. Replay "
                                    "it and connect there?")
                                     .arg(target);
        const QString refused = tr("Not replayed: it would connect to %1.").arg(target);
        if (!m_interactiveErrors) {
            reportError(tr("Replay Schedule"), refused);
            return false;
        }
        if (QMessageBox::question(this, tr("Replay Schedule"), question,
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes) {
            statusBar()->showMessage(refused, 10000);
            return false;
        }
    }
    // The form shows the values the trace was recorded with (showTrace put them there).
    m_scenarioPanel->selectScenario(scenario->id());
    m_scenarioPanel->showParameterText(m_trace.metadata().parameters);
    const Schedule schedule = m_trace.schedule();
    m_actions->stepMode->setChecked(true);
    return m_session->start(*scenario, m_scenarioPanel->parameterValues(), true, &schedule);
}

void MainWindow::onPendingActions(const QList<PendingAction> &actions)
{
    m_stepPanel->setPending(actions, m_trace);
    m_timeline->setPendingActions(m_stepPanel->model()->timelineMarks());
}

void MainWindow::onRunStarted()
{
    m_playback->pause();
    m_trace = Trace();
    m_playback->setTrace(m_trace);
    m_timeline->setShowPlayhead(false);
    m_timeline->setDimAfterPlayhead(false);
    m_timeline->setFollowLive(true);
    m_axisChoice->suggestFor(m_session->scenario()->id(), m_actions->stepMode->isChecked());
    m_timeline->setTrace(m_trace);
    m_output->clearOutput();
    m_details->clear();
    m_selection->clear();
    m_timeline->setPendingActions({});
    m_stepPanel->setReplayStatus({});
    const Scenario *scenario = m_session->scenario();
    showScenarioSource(scenario);
    m_summary->showRunning(scenario->title(), elapsedText(0));
    m_scenarioPanel->setElapsed(elapsedText(0));
    setWindowTitle(tr("%1 — Weft").arg(scenario->title()));
    statusBar()->showMessage(tr("Running %1…").arg(scenario->id()));
    m_codeDock->raise(); // the lesson's code is what runs now
    if (m_actions->stepMode->isChecked())
        m_stepDock->raise(); // the pending actions are what the user acts on now
    updateActions();
}

void MainWindow::onLiveTrace(const Trace &trace, qint64 nowNs)
{
    // One derivation per poll, reaching "now"; a poll with nothing new only moves "now".
    const bool same = trace.sharesDataWith(m_trace);
    m_timeline->setLiveTrace(trace, nowNs);
    if (same)
        return;
    m_trace = trace;
    m_output->setTrace(trace);
    // A lock released since the pending list last changed unblocks its waiters.
    if (!m_timeline->pendingActions().isEmpty())
        onPendingActions(m_session->pendingActions());
}

void MainWindow::onElapsed(qint64 ns)
{
    const QString text = elapsedText(ns);
    m_scenarioPanel->setElapsed(text);
    if (m_session->isRunning() && m_session->scenario())
        m_summary->showRunning(m_session->scenario()->title(), text);
}

void MainWindow::onRunFinished(const Trace &trace)
{
    m_actions->stepMode->setChecked(false);
    m_stepPanel->setPending({}, trace);
    m_timeline->setPendingActions({});
    showTrace(trace);
    statusBar()->showMessage(
        tr("Finished in %1; press Space to replay.").arg(elapsedText(m_session->elapsedNs())),
        10000);
}

// --- recording a program ---------------------------------------------------------

void MainWindow::chooseProgramToRecord()
{
    if (isBusy())
        return;
    RecordDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.remember();
    record::ProgramRecorder::Options options;
    options.command = dialog.command();
    options.workingDirectory = dialog.workingDirectory();
    options.environment = dialog.environment();
    options.timeout = std::chrono::seconds(dialog.timeoutSeconds());
    recordProgram(options);
}

bool MainWindow::recordProgram(const record::ProgramRecorder::Options &options)
{
    record::ProgramRecorder::Options withLibrary = options;
    if (withLibrary.preloadLibrary.isEmpty())
        withLibrary.preloadLibrary = record::ProgramRecorder::defaultPreloadLibrary();
    QString error;
    if (!m_recording->start(withLibrary, &error)) {
        reportError(tr("Cannot record"), error);
        return false;
    }
    m_recordingHistory.add(options);
    showRecordingHistory();
    m_scenarioPanel->selectRecordedProgram(0);
    return true;
}

void MainWindow::showRecordingHistory()
{
    QStringList labels;
    for (const auto &options : m_recordingHistory.entries())
        labels.append(RecordingHistory::displayText(options));
    m_scenarioPanel->setRecordedPrograms(labels);
}

void MainWindow::onRecordingStarted()
{
    m_playback->pause();
    m_output->clearOutput();
    m_details->clear();
    m_selection->clear();
    m_codePanel->clear();
    m_timeline->setPendingActions({});
    m_timeline->setTrace(Trace());
    m_timeline->setFollowLive(true);
    const QString title = tr("Recording: %1").arg(m_recording->command().left(80));
    m_summary->showRunning(title, QString());
    setWindowTitle(tr("%1 — Weft").arg(title));
    statusBar()->showMessage(tr("Recording %1… (Esc cancels and keeps what was recorded)")
                                 .arg(m_recording->command().left(80)));
    updateActions();
}

void MainWindow::onRecordingFinished(const Trace &trace)
{
    showTrace(trace);
    const QStringList warnings = m_recording->warnings();
    if (trace.isEmpty() || !warnings.isEmpty())
        reportError(tr("Recording"),
                    warnings.isEmpty() ? tr("Nothing was recorded.")
                                       : warnings.join(QLatin1Char('\n')));
    else
        statusBar()->showMessage(trace.outcome().summary, 15000);
}

// --- showing a trace ----------------------------------------------------------

void MainWindow::showRunOf(const Scenario *scenario)
{
    const QString shown = m_trace.metadata().scenarioId;
    // A recorded program or a file of no lesson stays until something replaces it.
    if (!scenario || shown == scenario->id() || (shown.isEmpty() && !m_trace.isEmpty()))
        return;
    if (const auto run = m_lastRunOf.constFind(scenario->id()); run != m_lastRunOf.constEnd()) {
        showTrace(*run);
        return;
    }
    if (m_trace.isEmpty())
        return; // nothing shown: the start-up message stays
    clearTrace();
    const Scenario *previous = m_registry.find(shown);
    m_summary->showMessage(tr("%1 has not run yet: press Run. (The run of %2 comes back when you "
                              "choose it again.)")
                               .arg(scenario->title(), previous ? previous->title() : shown));
}

void MainWindow::clearTrace()
{
    m_trace = Trace();
    m_playback->pause();
    m_timeline->setTrace(m_trace);
    m_playback->setTrace(m_trace);
    m_output->setTrace(m_trace);
    m_legend->setModel(nullptr);
    m_breakdown->clear();
    m_sequenceDock->setTrace(m_trace);
    m_details->clear();
    m_selection->clear();
    m_selection->setTrace(m_trace);
    setWindowTitle(tr("Weft"));
    updateActions();
}

void MainWindow::showTrace(const Trace &trace, std::shared_ptr<DerivedSnapshot> derived)
{
    m_trace = trace;
    if (const QString id = trace.metadata().scenarioId; !id.isEmpty())
        m_lastRunOf.insert(id, trace);
    m_playback->pause();
    m_timeline->setFollowLive(false);
    m_timeline->setLiveEnd(0);
    m_axisChoice->suggestFor(trace.metadata().scenarioId, !trace.schedule().isEmpty());
    m_timeline->setTrace(trace, std::move(derived));
    m_timeline->fitAll();
    m_timeline->setShowPlayhead(true);
    m_timeline->setDimAfterPlayhead(true);
    m_playback->setTrace(trace);
    m_playback->toEnd();
    m_output->setTrace(trace);
    m_legend->setModel(&m_timeline->model());
    m_breakdown->setTrace(trace);
    m_selection->setTrace(trace);
    m_sequenceDock->setTrace(trace);
    m_details->clear();
    m_selection->clear();

    const QString title = trace.metadata().title;
    m_summary->showOutcome(trace.outcome(), title);
    setWindowTitle(title.isEmpty() ? tr("Weft") : tr("%1 — Weft").arg(title));

    // The trace may come from a file or another build: show the scenario's
    // source if this build has it, else whatever file its first site names.
    const Scenario *scenario = m_registry.find(trace.metadata().scenarioId);
    if (scenario) {
        m_scenarioPanel->selectScenario(scenario->id());
        m_scenarioPanel->showParameterText(trace.metadata().parameters);
        showScenarioSource(scenario);
    } else if (trace.siteCount() > 0)
        m_codePanel->showSite(trace.site(1));
    else
        m_codePanel->clear();
    updateActions();
    Q_EMIT traceShown();
}

void MainWindow::showCurrentEvent(int eventIndex)
{
    const TimelineModel &model = m_timeline->model();
    if (const SliceBar *slice = model.sliceBegunBy(eventIndex)) {
        const SliceFacts facts {slice->endNs - slice->beginNs,
                                model.selfTimeNs(slice->actor, *slice), slice->unfinished};
        m_details->showEvent(m_trace, eventIndex, &facts);
    } else {
        m_details->showEvent(m_trace, eventIndex);
    }
    m_selection->eventShown(eventIndex);
    if (eventIndex < 0 || std::size_t(eventIndex) >= m_trace.events().size())
        return;
    const Event &event = m_trace.events()[std::size_t(eventIndex)];
    // An event without a site must not leave an earlier event's line lit.
    if (event.site)
        m_codePanel->showSite(m_trace.site(event.site));
    else
        m_codePanel->clearHighlight();
}

void MainWindow::showScenarioSource(const Scenario *scenario)
{
    m_codePanel->showScenario(scenario);
}

// --- files -------------------------------------------------------------------

bool MainWindow::openTraceFile(const QString &path)
{
    if (m_session->isRunning()) {
        reportError(tr("Open Trace"), tr("Cancel the running scenario before opening a trace."));
        return false;
    }
    if (m_loadJob->isRunning()) {
        reportError(tr("Open Trace"),
                    tr("%1 is still opening; cancel it first.")
                        .arg(QFileInfo(m_loadJob->path()).fileName()));
        return false;
    }
    // Native or Chrome Trace JSON, decided by content.
    const QFileInfo info(path);
    if (info.isFile() && info.size() >= m_backgroundLoadBytes) {
        if (!m_loadJob->start(path))
            return false;
        m_loadBar->begin(info.fileName(), info.size());
        m_loadBar->show();
        statusBar()->showMessage(tr("Opening %1…").arg(info.fileName()));
        updateActions();
        return true;
    }
    QString error;
    QStringList warnings;
    const std::optional<Trace> trace = loadTraceFile(path, &error, {}, nullptr, &warnings);
    if (!trace) {
        reportError(tr("Open Trace"),
                    tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    rememberDirectory(path);
    showTrace(*trace);
    showOpened(path, warnings);
    return true;
}

void MainWindow::showOpened(const QString &path, const QStringList &warnings)
{
    const QString name = QFileInfo(path).fileName();
    statusBar()->showMessage(warnings.isEmpty()
                                 ? tr("Opened %1").arg(name)
                                 : tr("Opened %1 (%2)").arg(name, warnings.constFirst()),
                             10000);
}

void MainWindow::endBackgroundLoad()
{
    m_loadBar->hide();
    updateActions();
}

void MainWindow::onTraceLoaded(const Trace &trace, const QStringList &warnings)
{
    endBackgroundLoad();
    const QString path = m_loadJob->path();
    rememberDirectory(path);
    showTrace(trace, m_loadJob->takeDerived());
    showOpened(path, warnings);
}

void MainWindow::onTraceLoadFailed(const QString &message)
{
    endBackgroundLoad();
    reportError(
        tr("Open Trace"),
        tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(m_loadJob->path()), message));
}

void MainWindow::onTraceLoadCancelled()
{
    endBackgroundLoad();
    // Nothing of the file is kept: the trace on screen stays as it was.
    statusBar()->showMessage(
        tr("Opening %1 was cancelled").arg(QFileInfo(m_loadJob->path()).fileName()), 10000);
}

bool MainWindow::saveTraceFile(const QString &path)
{
    QString error;
    if (!saveTrace(m_trace, path, &error)) {
        reportError(tr("Save Trace"),
                    tr("Could not save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    rememberDirectory(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 10000);
    return true;
}

void MainWindow::chooseTraceToOpen()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Trace"), lastDirectory(),
                                       tr("Traces (%1 *.json);;All files (*)").arg(kTraceFilter));
    if (!path.isEmpty())
        openTraceFile(path);
}

void MainWindow::chooseTraceToSave()
{
    QString suggested = m_trace.metadata().scenarioId.isEmpty() ? QStringLiteral("trace")
                                                                : m_trace.metadata().scenarioId;
    suggested = QDir(lastDirectory()).filePath(suggested + QStringLiteral(".weft"));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Trace"), suggested,
        tr("Weft traces (%1);;Chrome Trace JSON for Perfetto (*.json)").arg(kTraceFilter));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".weft");
    saveTraceFile(path);
}

void MainWindow::exportPicture()
{
    // The picture shows what the window shows: its axis, and its window in real time.
    const TimeRange window = m_timeline->realWindow();
    qint64 from = window.fromNs, to = window.toNs;
    QString marked;
    if (const std::optional<TimeRange> &range = m_timeline->selectedRange()) {
        from = range->fromNs;
        to = range->toNs;
        marked = SelectionPass::rangeText(m_trace, *range);
    }
    QString error, notice;
    const QString path = ExportDialog::exportInteractively(
        this, m_trace, from, to, m_playback->playhead(), lastDirectory(), &error, marked,
        m_timeline->isStepAxis(), &notice);
    if (!error.isEmpty()) {
        reportError(tr("Export Picture"), error);
    } else if (!path.isEmpty()) {
        rememberDirectory(path);
        const QString exported = tr("Exported %1").arg(QDir::toNativeSeparators(path));
        if (notice.isEmpty()) {
            statusBar()->showMessage(exported, 10000);
        } else {
            // Longer on screen: it says the picture is not what was asked for.
            statusBar()->showMessage(tr("%1. Note: %2").arg(exported, notice), 30000);
        }
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Weft"),
        tr("<h3>Weft %1</h3><p>A desktop lab for concurrency and network programming: "
           "real threads, locks, processes and sockets, recorded and replayed on a "
           "timeline.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

// One file opens (or, over a trace, asks: open or compare); two are compared.
void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    m_compare->traceDrop()->dragEnter(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    m_compare->traceDrop()->drop(event);
}

// --- settings ------------------------------------------------------------------

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Dock sizes given before the window has its size are lost: size them once it is shown.
    if (!m_docksSized && !m_layoutRestored)
        sizeDocks();
    m_docksSized = true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The layout to remember is the one with the panels, not the presentation's.
    m_presentation->setActive(false);
    m_session->cancel();
    m_recording->cancel();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    // A layout saved by a build before the one-column layout is not restored (another version).
    m_layoutRestored
        = restoreState(settings.value(QStringLiteral("state")).toByteArray(), kLayoutVersion);
    applyPreferredSpeed(); // replays start at the preferred speed, not the last one used
    const QString scenario = settings.value(QStringLiteral("scenario")).toString();
    // A first-time user lands on the first lesson rather than an empty form.
    if (scenario.isEmpty() || !m_scenarioPanel->selectScenario(scenario))
        m_scenarioPanel->selectFirstScenario();
    settings.endGroup();
}

void MainWindow::applyPreferredSpeed()
{
    m_actions->selectSpeed(m_preferences->speed());
    m_playback->setSpeed(m_actions->selectedSpeed());
    m_actions->oneEventPerSecond->setChecked(m_preferences->oneEventPerSecond());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, m_themes, this);
    dialog.exec();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState(kLayoutVersion));
    if (const Scenario *scenario = m_scenarioPanel->currentScenario())
        settings.setValue(QStringLiteral("scenario"), scenario->id());
    settings.endGroup();
}

QString MainWindow::lastDirectory() const
{
    return QSettings().value(QStringLiteral("MainWindow/directory"), QDir::homePath()).toString();
}

void MainWindow::rememberDirectory(const QString &path)
{
    QSettings().setValue(QStringLiteral("MainWindow/directory"), QFileInfo(path).absolutePath());
}

} // namespace weft::ui
