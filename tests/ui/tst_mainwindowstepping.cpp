// SPDX-License-Identifier: MIT
// Live stepping through the whole window, with a real scenario: locks.race
// stepped by clicking the timeline's chips, then replayed from its schedule.
// Unlike the other UI tests this one links one real scenario (not the whole
// catalogue): the point is that real threads obey the clicks.

#include "core/scenarioregistry.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "ui/mainwindow.h"
#include "ui/models/pendingactionmodel.h"
#include "ui/models/runsession.h"
#include "ui/panels/parameterform.h"
#include "ui/panels/scenariopanel.h"
#include "ui/panels/steppanel.h"
#include "ui/panels/summarybar.h"
#include "ui/panels/windowactions.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestMainWindowStepping : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scheduleActionsFollowTheRun();
    void stepByChipsThenReplayTheSchedule();
    void fourThreadsChipsFitAndDoNotOverlap();
    void blockedChipIsShownButNotTaken();

private:
    static std::unique_ptr<ScenarioRegistry> registry()
    {
        auto r = std::make_unique<ScenarioRegistry>();
        r->add(makeLocksRaceScenario());
        r->add(makeLocksDeadlockScenario());
        return r;
    }
    // Shown for real: chips are hit-tested and painted in the exposed window.
    static void showWindow(MainWindow &window, QSize size)
    {
        window.setInteractiveErrors(false);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }

    static void setUpRace(MainWindow &window)
    {
        QVERIFY(window.selectScenario(QStringLiteral("locks.race")));
        ParameterForm *form = window.scenarioPanel()->parameterForm();
        form->setValue(QStringLiteral("threads"), 2);
        form->setValue(QStringLiteral("increments"), 2);
        form->setValue(QStringLiteral("max_rounds"), 1);
    }
    // Clicks the chip of the first thread that can step; false if none is on screen.
    static bool clickAStep(MainWindow &window)
    {
        TimelineView *view = window.timelineView();
        for (const PendingMark &mark : view->pendingActions()) {
            if (mark.isBlocked())
                continue;
            const QRectF chip = view->pendingChipRect(mark.actor);
            if (chip.isEmpty())
                continue;
            QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                              chip.center().toPoint());
            return true;
        }
        return false;
    }
};

void TestMainWindowStepping::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
}

void TestMainWindowStepping::scheduleActionsFollowTheRun()
{
    auto r = registry();
    MainWindow window(*r);
    window.setInteractiveErrors(false);
    WindowActions *a = window.windowActions();
    QCOMPARE(a->runUntil->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
    QVERIFY(!a->runUntil->isEnabled());
    QVERIFY(!a->replaySchedule->isEnabled()); // nothing shown, nothing to replay
    setUpRace(window);

    // A free run records no schedule: nothing to replay afterwards.
    QVERIFY(window.runSelectedScenario());
    QVERIFY(!a->runUntil->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window.runSession()->isRunning(), 60000);
    QVERIFY(window.trace().schedule().isEmpty());
    QVERIFY(!a->replaySchedule->isEnabled());

    // Stepping: Run until is offered while threads wait; replay is not (a run is on).
    a->stepMode->setChecked(true);
    QVERIFY(window.runSelectedScenario());
    QTRY_VERIFY(!window.timelineView()->pendingActions().isEmpty());
    QVERIFY(a->runUntil->isEnabled());
    QVERIFY(!a->replaySchedule->isEnabled());
    // Run until a write: every thread runs through its starts and reads, then one parks at a write.
    StepPanel *panel = window.findChild<StepPanel *>();
    panel->setRunUntilKind(EventKind::CounterValue);
    a->runUntil->trigger();
    auto parkedAtAWrite = [&] {
        for (const PendingMark &mark : window.timelineView()->pendingActions()) {
            if (mark.text.startsWith(QStringLiteral("write counter")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(parkedAtAWrite(), 30000);
    QVERIFY(window.runSession()->isRunning());
    a->runFreely->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.runSession()->isRunning(), 60000);
    QVERIFY(!a->runUntil->isEnabled());
    QVERIFY(window.timelineView()->pendingActions().isEmpty());
}

void TestMainWindowStepping::stepByChipsThenReplayTheSchedule()
{
    auto r = registry();
    MainWindow window(*r);
    showWindow(window, QSize(1400, 900));
    if (QTest::currentTestFailed())
        return;
    setUpRace(window);
    window.windowActions()->stepMode->setChecked(true);
    QVERIFY(window.runSelectedScenario());

    int clicks = 0;
    while (window.runSession()->isRunning()) {
        QVERIFY2(clicks < 400, "the run does not end by stepping");
        // Wait for a thread to park (or the run to end), then take one step.
        QTRY_VERIFY_WITH_TIMEOUT(!window.runSession()->isRunning()
                                     || !window.timelineView()->pendingActions().isEmpty(),
                                 30000);
        if (!window.runSession()->isRunning())
            break;
        const QList<PendingMark> before = window.timelineView()->pendingActions();
        QVERIFY2(clickAStep(window), "every parked thread is blocked");
        ++clicks;
        QTRY_VERIFY_WITH_TIMEOUT(!window.runSession()->isRunning()
                                     || window.timelineView()->pendingActions() != before,
                                 30000);
    }
    QVERIFY(clicks > 0);
    QTRY_COMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
    const Trace stepped = window.trace();
    const Schedule &schedule = stepped.schedule();
    QVERIFY(!schedule.isEmpty());
    const qint64 finalValue = stepped.outcome().value(QStringLiteral("final"), -1);
    const qint64 lost = stepped.outcome().value(QStringLiteral("lost"), -1);
    QVERIFY(finalValue >= 0);

    // Replay: the same steps, granted by the gate; the same outcome.
    QVERIFY(window.windowActions()->replaySchedule->isEnabled());
    QSignalSpy diverged(window.runSession(), &RunSession::replayDiverged);
    window.windowActions()->replaySchedule->trigger();
    QVERIFY(window.runSession()->isRunning());
    QVERIFY(window.findChild<StepPanel *>()->replayStatus().contains(
        QStringLiteral("Replaying schedule")));
    QStringList
        statuses; // what the panel said while replaying (logged, not asserted: it may be quick)
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 const QString now
                                     = window.findChild<StepPanel *>()->replayStatus();
                                 if (statuses.isEmpty() || statuses.last() != now)
                                     statuses.append(now);
                                 return !window.runSession()->isRunning();
                             }()),
                             60000);
    qInfo() << "replay status seen:" << statuses;
    QCOMPARE(diverged.count(), 0);
    QCOMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
    QCOMPARE(window.trace().outcome().value(QStringLiteral("final"), -1), finalValue);
    QCOMPARE(window.trace().outcome().value(QStringLiteral("lost"), -1), lost);
    QCOMPARE(window.trace().schedule().steps(), schedule.steps());
    QVERIFY(window.findChild<StepPanel *>()->replayStatus().contains(QStringLiteral("replayed")));
}

// Four threads parked at once: every chip inside the plot, none over another.
// With WEFT_SHOTS_DIR set, the window is also saved as PNGs to look at.
void TestMainWindowStepping::fourThreadsChipsFitAndDoNotOverlap()
{
    auto r = registry();
    MainWindow window(*r);
    showWindow(window, QSize(1600, 1000));
    if (QTest::currentTestFailed())
        return;
    setUpRace(window);
    window.scenarioPanel()->parameterForm()->setValue(QStringLiteral("threads"), 4);
    window.windowActions()->stepMode->setChecked(true);
    QVERIFY(window.runSelectedScenario());
    TimelineView *view = window.timelineView();
    const QString shots = qEnvironmentVariable("WEFT_SHOTS_DIR");
    int shot = 0;
    // Step until the four workers are parked together (main waits in join or its loop).
    for (int clicks = 0; clicks < 60; ++clicks) {
        QTRY_VERIFY_WITH_TIMEOUT(!view->pendingActions().isEmpty(), 30000);
        if (view->pendingActions().size() >= 4)
            break;
        const QList<PendingMark> before = view->pendingActions();
        QVERIFY(clickAStep(window));
        QTRY_VERIFY_WITH_TIMEOUT(view->pendingActions() != before, 30000);
    }
    QVERIFY2(view->pendingActions().size() >= 4,
             qPrintable(QString::number(view->pendingActions().size())));
    // Take a few more steps so reads and writes are on screen, checking each frame.
    for (int clicks = 0; clicks < 6; ++clicks) {
        QList<QRectF> rects;
        for (const PendingMark &mark : view->pendingActions()) {
            const QRectF chip = view->pendingChipRect(mark.actor);
            QVERIFY2(!chip.isEmpty(), qPrintable(mark.text));
            QVERIFY(QRectF(view->viewport()->rect()).contains(chip));
            for (const QRectF &other : rects)
                QVERIFY(!other.intersects(chip));
            rects.append(chip);
        }
        if (!shots.isEmpty())
            window.grab().save(QStringLiteral("%1/stepui-%2.png").arg(shots).arg(++shot));
        const QList<PendingMark> before = view->pendingActions();
        QVERIFY(clickAStep(window));
        QTRY_VERIFY_WITH_TIMEOUT(
            view->pendingActions() != before || !window.runSession()->isRunning(), 30000);
    }
    window.runSession()->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!window.runSession()->isRunning(), 30000);
}

// locks.deadlock, fixed order: while one thread holds L1 (parked at its sleep),
// the other parks at "acquire L1" and its chip says it is blocked. Clicking it
// explains instead of stepping.
void TestMainWindowStepping::blockedChipIsShownButNotTaken()
{
    auto r = registry();
    MainWindow window(*r);
    showWindow(window, QSize(1600, 1000));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.selectScenario(QStringLiteral("locks.deadlock")));
    window.scenarioPanel()->parameterForm()->setValue(QStringLiteral("fixed_order"), true);
    window.scenarioPanel()->parameterForm()->setValue(QStringLiteral("hold_ms"), 0);
    window.windowActions()->stepMode->setChecked(true);
    QVERIFY(window.runSelectedScenario());
    TimelineView *view = window.timelineView();
    auto blockedMark = [view]() -> std::optional<PendingMark> {
        for (const PendingMark &mark : view->pendingActions()) {
            if (mark.isBlocked())
                return mark;
        }
        return std::nullopt;
    };
    // Step the earliest unblocked thread each time (as N would) until someone is blocked.
    for (int clicks = 0; clicks < 40 && !blockedMark(); ++clicks) {
        QTRY_VERIFY_WITH_TIMEOUT(
            !view->pendingActions().isEmpty() || !window.runSession()->isRunning(), 30000);
        QVERIFY2(window.runSession()->isRunning(), "the run ended before any thread was blocked");
        if (blockedMark())
            break;
        const QList<PendingMark> before = view->pendingActions();
        QVERIFY(clickAStep(window));
        QTRY_VERIFY_WITH_TIMEOUT(
            view->pendingActions() != before || !window.runSession()->isRunning(), 30000);
    }
    const std::optional<PendingMark> blocked = blockedMark();
    QVERIFY(blocked);
    QVERIFY2(blocked->blockedText.contains(QStringLiteral("held by")),
             qPrintable(blocked->blockedText));
    const QString shots = qEnvironmentVariable("WEFT_SHOTS_DIR");
    if (!shots.isEmpty())
        window.grab().save(QStringLiteral("%1/stepui-blocked.png").arg(shots));

    const QList<PendingMark> before = view->pendingActions();
    const QRectF chip = view->pendingChipRect(blocked->actor);
    QVERIFY(!chip.isEmpty());
    QSignalSpy stepped(view, &TimelineView::pendingActionClicked);
    QSignalSpy refused(view, &TimelineView::blockedActionClicked);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, chip.center().toPoint());
    QVERIFY(window.statusBar()->currentMessage().contains(blocked->blockedText));
    // Nothing was asked of the session: the same threads still wait for the same things.
    QCOMPARE(stepped.count(), 0);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(view->pendingActions(), before);
    window.runSession()->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!window.runSession()->isRunning(), 30000);
}

QTEST_MAIN(TestMainWindowStepping)
#include "tst_mainwindowstepping.moc"
