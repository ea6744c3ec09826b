// SPDX-License-Identifier: MIT
#pragma once

#include "core/record/programrecorder.h"
#include "core/stepgate.h"
#include "core/trace.h"
#include "ui/models/recordinghistory.h"

#include <QHash>
#include <QMainWindow>
#include <memory>

class QDockWidget;
class QMenu;

namespace weft {
class Scenario;
class ScenarioRegistry;
} // namespace weft

namespace weft::ui {

class AxisChoice;
class CodePanel;
class CompareController;
class EventDetailsPanel;
class LegendWidget;
class OutputConsole;
class TimeBreakdownPanel;
class Playback;
class RecordSession;
class RunSession;
class ScenarioPanel;
class SequenceDock;
class Preferences;
class PresentationMode;
class RestartOffer;
class SearchBar;
class SelectionController;
class StepPanel;
class SummaryBar;
class TraceLoadJob;
struct DerivedSnapshot;
class LoadProgressBar;
class TimelineView;
class ThemeController;
class WindowActions;

// Wires the panels together: the scenario browser starts runs through a
// RunSession, live and finished traces go to the timeline and the panels,
// Playback drives the replay. It runs no scenario code, parses no file
// format and paints nothing itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const ScenarioRegistry &registry, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows a finished trace (from a run, a file, or the command line).
    // `derived`: the timeline's model of it, when a loading thread derived one.
    void showTrace(const Trace &trace, std::shared_ptr<DerivedSnapshot> derived = {});
    const Trace &trace() const { return m_trace; }

    // Files this large or larger load in the background (TraceLoadJob), with
    // progress and Cancel in the status bar; smaller ones load at once.
    static constexpr qint64 kBackgroundLoadBytes = 8 * 1024 * 1024;

    // Opens a trace file (.weft or Chrome JSON). A small file is loaded at
    // once: the result says whether it opened. A large one starts a
    // background load: the result says whether it started, traceShown()
    // follows on success. On failure the error is reported and the trace
    // on screen stays.
    bool openTraceFile(const QString &path);
    // Tests move the threshold (0: every file loads in the background).
    void setBackgroundLoadBytes(qint64 bytes) { m_backgroundLoadBytes = bytes; }
    TraceLoadJob *loadJob() const { return m_loadJob; }
    LoadProgressBar *loadProgressBar() const { return m_loadBar; }
    bool saveTraceFile(const QString &path);
    bool runSelectedScenario();
    // Runs the shown trace's scenario again with its parameters and the steps its user chose.
    bool replayShownSchedule();
    bool selectScenario(const QString &id);
    // Records a program of the user's (File ▸ Record a Program…); false if it cannot start.
    bool recordProgram(const record::ProgramRecorder::Options &options);

    // Tests turn dialogs off; errors are then only signalled.
    void setInteractiveErrors(bool on) { m_interactiveErrors = on; }

    ScenarioPanel *scenarioPanel() const { return m_scenarioPanel; }
    CodePanel *codePanel() const { return m_codePanel; }
    OutputConsole *outputConsole() const { return m_output; }
    TimeBreakdownPanel *timeBreakdown() const { return m_breakdown; }
    EventDetailsPanel *eventDetailsPanel() const { return m_details; }
    SummaryBar *summaryBar() const { return m_summary; }
    TimelineView *timelineView() const { return m_timeline; }
    Playback *playback() const { return m_playback; }
    RunSession *runSession() const { return m_session; }
    RecordSession *recordSession() const { return m_recording; }
    WindowActions *windowActions() const { return m_actions; }
    Preferences *preferences() const { return m_preferences; }
    PresentationMode *presentationMode() const { return m_presentation; }
    RestartOffer *restartOffer() const { return m_restartOffer; }
    SequenceDock *sequenceDock() const { return m_sequenceDock; }
    CompareController *compareController() const { return m_compare; }

Q_SIGNALS:
    void errorReported(const QString &message);
    void traceShown();

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void sizeDocks();
    void connectActions();
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area, const QString &menuText = QString());
    void reportError(const QString &title, const QString &message);
    void updateActions();
    void showCurrentEvent(int eventIndex);
    void showScenarioSource(const Scenario *scenario);
    // The chosen lesson's last run, or an empty timeline: never another
    // lesson's run under this one's description.
    void showRunOf(const Scenario *scenario);
    void clearTrace();

    void onRunStarted();
    void onLiveTrace(const Trace &trace, qint64 nowNs);
    void onElapsed(qint64 ns);
    void onRunFinished(const Trace &trace);
    void onPendingActions(const QList<PendingAction> &actions);

    void chooseTraceToOpen();
    void onTraceLoaded(const Trace &trace, const QStringList &warnings);
    void onTraceLoadFailed(const QString &message);
    void onTraceLoadCancelled();
    void endBackgroundLoad();
    // "Opened <file>", and the first problem the loader skipped, if any.
    void showOpened(const QString &path, const QStringList &warnings);
    void chooseProgramToRecord();
    void onRecordingStarted();
    void onRecordingFinished(const Trace &trace);
    bool isBusy() const;
    void showRecordingHistory();
    void chooseTraceToSave();
    void exportPicture();
    void showAbout();
    void showPreferences();
    void applyPreferredSpeed();

    void restoreSettings();
    void saveSettings() const;
    QString lastDirectory() const;
    void rememberDirectory(const QString &path);

    const ScenarioRegistry &m_registry;
    Trace m_trace;
    QHash<QString, Trace> m_lastRunOf; // scenario id -> the last trace of it shown
    bool m_interactiveErrors = true;

    WindowActions *m_actions;
    RunSession *m_session;
    RecordSession *m_recording;
    RecordingHistory m_recordingHistory;
    Playback *m_playback;
    TimelineView *m_timeline;
    SummaryBar *m_summary;
    ScenarioPanel *m_scenarioPanel;
    CodePanel *m_codePanel;
    OutputConsole *m_output;
    EventDetailsPanel *m_details;
    LegendWidget *m_legend;
    TimeBreakdownPanel *m_breakdown;
    SearchBar *m_search;
    SelectionController *m_selection = nullptr;
    StepPanel *m_stepPanel = nullptr;
    Preferences *m_preferences = nullptr;
    ThemeController *m_themes = nullptr; // Theme::current() and the widgets' palette
    QMenu *m_viewMenu = nullptr;
    QDockWidget *m_stepDock = nullptr;
    QDockWidget *m_scenariosDock = nullptr;
    QDockWidget *m_codeDock = nullptr;
    QDockWidget *m_outputDock = nullptr;
    PresentationMode *m_presentation = nullptr;
    RestartOffer *m_restartOffer;
    SequenceDock *m_sequenceDock = nullptr;
    CompareController *m_compare = nullptr;
    AxisChoice *m_axisChoice = nullptr; // View ▸ Axis: time or steps
    bool m_layoutRestored = false; // the user's saved layout, not the default one
    bool m_docksSized = false;
    TraceLoadJob *m_loadJob = nullptr;
    LoadProgressBar *m_loadBar = nullptr;
    qint64 m_backgroundLoadBytes = kBackgroundLoadBytes;
};

} // namespace weft::ui
