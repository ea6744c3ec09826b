// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "core/tracefile.h"
#include "core/tracing.h"
#include "tests/common/fakescenario.h"
#include "tests/common/sampletrace.h"
#include "ui/mainwindow.h"
#include "ui/models/eventdetailsmodel.h"
#include "ui/models/pendingactionmodel.h"
#include "ui/models/runsession.h"
#include "ui/models/timebreakdownmodel.h"
#include "ui/models/traceloadjob.h"
#include "ui/panels/codepanel.h"
#include "ui/panels/eventdetailspanel.h"
#include "ui/panels/loadprogressbar.h"
#include "ui/panels/outputconsole.h"
#include "ui/panels/parameterform.h"
#include "ui/panels/scenariopanel.h"
#include "ui/panels/searchbar.h"
#include "ui/panels/steppanel.h"
#include "ui/panels/summarybar.h"
#include "ui/panels/timebreakdownpanel.h"
#include "ui/panels/windowactions.h"
#include "ui/timeline/playback.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QMimeData>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

// A trace as a file would bring it: no scenario this build knows, two lanes,
// prints with sites in the fake source embedded by this test.
Trace handBuiltTrace()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({42, QStringLiteral("elsewhere")});
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 101, process, true, false});
    const quint32 b = builder.addActor({QStringLiteral("beta"), 102, process, false, false});
    const quint16 line3 = builder.addSite({QStringLiteral("fake/fakesource.cpp"), 3});
    const quint16 line5 = builder.addSite({QStringLiteral("fake/fakesource.cpp"), 5});
    auto add
        = [&](qint64 t, quint32 actor, EventKind kind, quint16 site, const QString &text = {}) {
              Event e;
              e.timeNs = t;
              e.actor = actor;
              e.kind = kind;
              e.site = site;
              e.text = builder.intern(text);
              builder.addEvent(e);
          };
    add(1000, a, EventKind::ThreadStart, line3);
    add(2000, b, EventKind::ThreadStart, line3);
    add(3000, b, EventKind::Print, line5, QStringLiteral("from beta"));
    add(4000, a, EventKind::Print, line3, QStringLiteral("from alpha"));
    add(5000, b, EventKind::ThreadEnd, 0);
    add(6000, a, EventKind::ThreadEnd, 0);
    builder.metadata().title = QStringLiteral("Imported run");
    builder.metadata().outcome.status = Outcome::Status::Completed;
    builder.metadata().outcome.summary = QStringLiteral("two lanes printed");
    return builder.build();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void runsAScenarioAndShowsItsOutcome();
    void runNeedsASelectedScenario();
    void anotherLessonDoesNotShowTheLastRun();
    void selectsTheFirstScenarioAtStart();
    void cancelStopsALongRun();
    void stepModeLetsTheUserSchedule();
    void showsATraceWithoutAScenario();
    void steppingHighlightsTheEventsLine();
    void savedTraceOpensAgain();
    void malformedTraceReportsAnError();
    void droppedTraceFileOpens();
    void largeTraceOpensInTheBackground();
    void cancelledOpenKeepsTheShownTrace();
    void actionsCarryTheShortcuts();
    void findingAWaitShowsWhoEndedIt();
    void remoteReplayIsNotStartedWithoutConsent();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings must not touch the user's files
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
}

void TestMainWindow::runsAScenarioAndShowsItsOutcome()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    window.show();
    QVERIFY(window.selectScenario(QStringLiteral("fake.hello")));
    window.scenarioPanel()->parameterForm()->setValue(QStringLiteral("count"), 4);
    QSignalSpy shown(&window, &MainWindow::traceShown);
    QVERIFY(window.runSelectedScenario());
    QTRY_VERIFY(
        window.summaryBar()->text().contains(QStringLiteral("fake outcome: printed 4 lines")));
    // A trace shown later brings back the values it was recorded with.
    const Trace recorded = window.trace();
    window.scenarioPanel()->parameterForm()->setValue(QStringLiteral("count"), 9);
    window.showTrace(recorded);
    QCOMPARE(window.scenarioPanel()->parameterValues().integer(QStringLiteral("count")), 4);
    QCOMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
    QCOMPARE(shown.count(), 2);
    // The window shows the run's own events, not a stand-in.
    QCOMPARE(window.trace().metadata().scenarioId, QStringLiteral("fake.hello"));
    QCOMPARE(window.trace().eventsOfKind(EventKind::Print).size(), std::size_t(4));
    QCOMPARE(window.outputConsole()->lineCount(), 4);
    QVERIFY(window.outputConsole()->toPlainText().contains(QStringLiteral("hello 3")));
    QVERIFY(!window.runSession()->isRunning());
    QVERIFY(window.windowActions()->run->isEnabled());
    QVERIFY(!window.windowActions()->cancel->isEnabled());
    // A run under a second says its milliseconds, not "0.0 s".
    const QString said = window.statusBar()->currentMessage();
    if (window.runSession()->elapsedNs() < 1000000000)
        QVERIFY2(QRegularExpression(QStringLiteral("^Finished in \\d+ ms;")).match(said).hasMatch(),
                 qPrintable(said));
}

void TestMainWindow::runNeedsASelectedScenario()
{
    ScenarioRegistry empty; // nothing to select, so nothing can be run
    MainWindow window(empty);
    window.setInteractiveErrors(false);
    QSignalSpy errors(&window, &MainWindow::errorReported);
    QCOMPARE(window.scenarioPanel()->currentScenario(), nullptr);
    QVERIFY(!window.windowActions()->run->isEnabled());
    QVERIFY(!window.runSelectedScenario());
    QCOMPARE(errors.count(), 1);
}

void TestMainWindow::anotherLessonDoesNotShowTheLastRun()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    window.show();
    QVERIFY(window.selectScenario(QStringLiteral("fake.hello")));
    QVERIFY(window.runSelectedScenario());
    QTRY_VERIFY(!window.runSession()->isRunning() && !window.trace().isEmpty());
    const std::size_t events = window.trace().events().size();
    // The time breakdown accounts for the run's threads.
    QVERIFY(window.timeBreakdown()->model()->rowCount() > 0);

    // Another lesson: its description over an empty timeline, not hello's run.
    QVERIFY(window.selectScenario(QStringLiteral("fake.second")));
    QVERIFY(window.trace().isEmpty());
    QCOMPARE(window.timeBreakdown()->model()->rowCount(), 0);
    QVERIFY2(window.summaryBar()->text().contains(QStringLiteral("has not run yet")),
             qPrintable(window.summaryBar()->text()));
    // Back to hello: its run is there again.
    QVERIFY(window.selectScenario(QStringLiteral("fake.hello")));
    QCOMPARE(window.trace().metadata().scenarioId, QStringLiteral("fake.hello"));
    QCOMPARE(window.trace().events().size(), events);
    QCOMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
}

void TestMainWindow::selectsTheFirstScenarioAtStart()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    QVERIFY(window.scenarioPanel()->currentScenario());
    QVERIFY(window.windowActions()->run->isEnabled());
}

// A scenario that waits until cancelled: cancel must end it and say so.
class WaitingScenario : public testsupport::FakeScenario
{
public:
    WaitingScenario()
        : FakeScenario(QStringLiteral("fake.wait"), Topic::Threads, QStringLiteral("Wait"))
    {
    }
    void run(RunContext &) const override { sleepFor(std::chrono::minutes(5)); }
};

void TestMainWindow::cancelStopsALongRun()
{
    ScenarioRegistry registry;
    registry.add(std::make_unique<WaitingScenario>());
    MainWindow window(registry);
    window.setInteractiveErrors(false);
    QVERIFY(window.selectScenario(QStringLiteral("fake.wait")));
    QVERIFY(window.runSelectedScenario());
    QVERIFY(window.windowActions()->cancel->isEnabled());
    QVERIFY(!window.windowActions()->run->isEnabled());
    // Wait until the scenario is inside its sleep, then cancel through the action.
    QTRY_VERIFY(!window.trace().eventsOfKind(EventKind::SleepBegin).empty());
    window.windowActions()->cancel->trigger();
    QTRY_COMPARE(window.summaryBar()->status(), Outcome::Status::Cancelled);
    QVERIFY(!window.runSession()->isRunning());
}

void TestMainWindow::stepModeLetsTheUserSchedule()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    QVERIFY(window.selectScenario(QStringLiteral("fake.hello")));
    window.scenarioPanel()->parameterForm()->setValue(QStringLiteral("count"), 3);
    window.windowActions()->stepMode->setChecked(true);
    QVERIFY(window.runSelectedScenario());

    // The main thread parks at the gate of its first print; nothing is printed until stepped.
    PendingActionModel *pending = window.findChild<StepPanel *>()->model();
    QTRY_COMPARE(pending->rowCount(), 1);
    QVERIFY(pending->index(0).data().toString().contains(QStringLiteral("print")));
    QVERIFY(window.windowActions()->stepAny->isEnabled());
    QVERIFY(window.trace().eventsOfKind(EventKind::Print).empty());
    QVERIFY(window.runSession()->isRunning());

    window.windowActions()->stepAny->trigger();
    QTRY_COMPARE(window.trace().eventsOfKind(EventKind::Print).size(), std::size_t(1));
    QVERIFY(window.runSession()->isRunning()); // parked again, at the second print

    window.windowActions()->runFreely->trigger(); // leave step mode: the run finishes
    QTRY_COMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
    QCOMPARE(window.trace().eventsOfKind(EventKind::Print).size(), std::size_t(3));
    QCOMPARE(pending->rowCount(), 0);
    QVERIFY(!window.windowActions()->stepMode->isChecked());
}

void TestMainWindow::showsATraceWithoutAScenario()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.showTrace(handBuiltTrace());
    QVERIFY(window.summaryBar()->text().contains(QStringLiteral("two lanes printed")));
    QCOMPARE(window.outputConsole()->lineCount(), 2);
    QVERIFY(window.windowActions()->save->isEnabled());
    QVERIFY(window.windowActions()->playPause->isEnabled());
}

void TestMainWindow::steppingHighlightsTheEventsLine()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.showTrace(handBuiltTrace());
    window.windowActions()->toStart->trigger();
    // Step until the print of beta (event 2: line 5), through the window's own action.
    while (window.playback()->currentEventIndex() < 2)
        window.windowActions()->nextEvent->trigger();
    QCOMPARE(window.playback()->currentEventIndex(), 2);
    QCOMPARE(window.codePanel()->currentFile(), QStringLiteral("fake/fakesource.cpp"));
    QCOMPARE(window.codePanel()->highlightedLine(), 5);
    EventDetailsModel *details = window.eventDetailsPanel()->model();
    QCOMPARE(details->valueOf(EventDetailsModel::tr("Text")), QStringLiteral("from beta"));
    QVERIFY(details->valueOf(EventDetailsModel::tr("Lane")).startsWith(QStringLiteral("beta")));

    window.windowActions()->nextEvent->trigger();
    QCOMPARE(window.codePanel()->highlightedLine(), 3);
    window.windowActions()->previousEvent->trigger();
    QCOMPARE(window.codePanel()->highlightedLine(), 5);
}

void TestMainWindow::savedTraceOpensAgain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.weft"));
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    const Trace trace = handBuiltTrace();
    window.showTrace(trace);
    QVERIFY(window.saveTraceFile(path));

    MainWindow other(*registry);
    other.setInteractiveErrors(false);
    QVERIFY(other.openTraceFile(path));
    QCOMPARE(other.trace(), trace);
    QVERIFY(other.summaryBar()->text().contains(QStringLiteral("two lanes printed")));
}

void TestMainWindow::malformedTraceReportsAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.weft"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("WEFTTRC1 this is not really a trace");
    file.close();

    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    const Trace before = handBuiltTrace();
    window.showTrace(before);
    QSignalSpy errors(&window, &MainWindow::errorReported);
    QVERIFY(!window.openTraceFile(path));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("broken.weft")));
    QCOMPARE(window.trace(), before); // the shown trace is kept

    QVERIFY(!window.openTraceFile(dir.filePath(QStringLiteral("missing.weft"))));
    QCOMPARE(errors.count(), 2);
}

void TestMainWindow::largeTraceOpensInTheBackground()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"traceEvents":[{"name":"a","ph":"X","ts":1,"dur":2,"pid":1,"tid":1},)"
               R"({"ph":"E","ts":5,"pid":1,"tid":1}]})");
    file.close();
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    window.setBackgroundLoadBytes(0); // every file, however small
    QSignalSpy shown(&window, &MainWindow::traceShown);
    QVERIFY(window.openTraceFile(path));
    QVERIFY(window.loadJob()->isRunning());
    QVERIFY(!window.loadProgressBar()->isHidden());
    QVERIFY(window.windowActions()->cancel->isEnabled()); // Esc cancels the load
    QVERIFY(!window.windowActions()->run->isEnabled());
    QVERIFY(!window.openTraceFile(path)); // one load at a time
    QVERIFY(shown.wait(30000));
    QVERIFY(window.loadProgressBar()->isHidden());
    QCOMPARE(window.trace().events().size(), std::size_t(2));
    // The loader's first warning (the E without a B) comes with the news.
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Opened big.json (at byte ")), qPrintable(message));
    QVERIFY(!window.windowActions()->cancel->isEnabled());
}

void TestMainWindow::cancelledOpenKeepsTheShownTrace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"traceEvents":[{"name":"a","ph":"X","ts":1,"dur":2,"pid":1,"tid":1}]})");
    file.close();
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    window.setBackgroundLoadBytes(0);
    const Trace before = handBuiltTrace();
    window.showTrace(before);
    QSignalSpy cancelled(window.loadJob(), &TraceLoadJob::cancelled);
    QVERIFY(window.openTraceFile(path));
    window.windowActions()->cancel->trigger(); // what Esc does
    QVERIFY(cancelled.wait(30000));
    QCOMPARE(window.trace(), before);
    QVERIFY(window.loadProgressBar()->isHidden());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));

    // The bar's own Cancel button does the same.
    QVERIFY(window.openTraceFile(path));
    window.loadProgressBar()->cancelRequested();
    QVERIFY(cancelled.wait(30000));
    QCOMPARE(window.trace(), before);
}

void TestMainWindow::droppedTraceFileOpens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dropped.weft"));
    const Trace trace = handBuiltTrace();
    QString error;
    QVERIFY2(TraceFile::save(trace, path, &error), qPrintable(error));

    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF where(window.width() / 2.0, window.height() / 2.0);
    QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(window.trace(), trace);
}

void TestMainWindow::findingAWaitShowsWhoEndedIt()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    window.showTrace(sample.trace);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *search = window.findChild<SearchBar *>();
    QVERIFY(search && !search->isVisible());
    window.windowActions()->find->trigger();
    QVERIFY(search->isVisible());
    search->setQuery(QStringLiteral("waits for a lock"));
    window.windowActions()->findNext->trigger();
    // B's wait for L: selected in the timeline and the details, linked to A's release.
    const int wait = window.eventDetailsPanel()->model()->eventIndex();
    QVERIFY(wait >= 0);
    QCOMPARE(sample.trace.events()[std::size_t(wait)].kind, EventKind::LockWait);
    TimelineView *timeline = window.timelineView();
    QCOMPARE(timeline->selectedEvent(), wait);
    QVERIFY(timeline->waitLink());
    QCOMPARE(timeline->waitLink()->causeActor, sample.a);
    QCOMPARE(timeline->waitLink()->causeNs, 60);

    // A marked range narrows the breakdown and is named in the status bar.
    const TimeBreakdownModel *breakdown = window.timeBreakdown()->model();
    const auto longestCell = [breakdown] {
        qint64 longest = 0;
        for (int row = 0; row < breakdown->rowCount(); ++row)
            for (int column = 0; column < breakdown->columnCount(); ++column)
                longest = std::max(longest,
                                   breakdown->index(row, column)
                                       .data(TimeBreakdownModel::NanosecondsRole)
                                       .toLongLong());
        return longest;
    };
    // The process's sum of three lanes: over 120 ns for the whole run ...
    QVERIFY(longestCell() > 120);
    timeline->setSelectedRange(TimeRange {40, 80});
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("40 ns")),
             qPrintable(window.statusBar()->currentMessage()));
    // ... and three times the 40 ns marked at most for the range.
    QCOMPARE(longestCell(), 120);

    // Another trace: nothing of this one stays selected.
    window.showTrace(testsupport::makeSampleTrace(1000).trace);
    QCOMPARE(timeline->selectedEvent(), -1);
    QVERIFY(!timeline->waitLink());
    QVERIFY(!timeline->selectedRange());
}

void TestMainWindow::actionsCarryTheShortcuts()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    WindowActions *a = window.windowActions();
    QCOMPARE(a->playPause->shortcut(), QKeySequence(Qt::Key_Space));
    QCOMPARE(a->previousEvent->shortcut(), QKeySequence(Qt::Key_Left));
    QCOMPARE(a->nextEvent->shortcut(), QKeySequence(Qt::Key_Right));
    QCOMPARE(a->previousLaneEvent->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Left));
    QCOMPARE(a->nextLaneEvent->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Right));
    QCOMPARE(a->toStart->shortcut(), QKeySequence(Qt::Key_Home));
    QCOMPARE(a->toEnd->shortcut(), QKeySequence(Qt::Key_End));
    QCOMPARE(a->fitAll->shortcut(), QKeySequence(Qt::Key_F));
    QCOMPARE(a->run->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(a->cancel->shortcut(), QKeySequence(Qt::Key_Escape));
    QCOMPARE(a->speeds->actions().size(), WindowActions::speedFactors().size());
}

void TestMainWindow::remoteReplayIsNotStartedWithoutConsent()
{
    // A shared trace whose stepped run connected elsewhere: the window does not
    // replay it on its own say-so (tests answer no: dialogs are off).
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.setInteractiveErrors(false);
    TraceBuilder builder;
    const quint32 process = builder.addProcess({42, QStringLiteral("elsewhere")});
    const quint32 a = builder.addActor({QStringLiteral("alpha"), 101, process, true, false});
    Event e;
    e.timeNs = 1000;
    e.actor = a;
    e.kind = EventKind::ThreadStart;
    builder.addEvent(e);
    builder.metadata().scenarioId = QStringLiteral("fake.hello");
    builder.metadata().parameters = {{QStringLiteral("host"), QStringLiteral("192.0.2.7")},
                                     {QStringLiteral("port"), QStringLiteral("80")}};
    Schedule schedule;
    schedule.append({});
    builder.setSchedule(schedule);
    window.showTrace(builder.build());
    QSignalSpy errors(&window, &MainWindow::errorReported);
    QVERIFY(!window.replayShownSchedule());
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("192.0.2.7 port 80")));
    QVERIFY(!window.runSession()->isRunning());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
