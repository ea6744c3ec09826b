// SPDX-License-Identifier: MIT
// File ▸ Record a Program… through the window: a real program, the real library.
#include "core/scenarioregistry.h"
#include "tests/common/pixelcounts.h"
#include "ui/mainwindow.h"
#include "ui/models/recordsession.h"
#include "ui/models/scenariotreemodel.h"
#include "ui/panels/outputconsole.h"
#include "ui/panels/scenariopanel.h"
#include "ui/panels/summarybar.h"
#include "ui/panels/windowactions.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <cerrno>
#include <csignal>

using namespace weft;
using namespace weft::ui;

namespace {
record::ProgramRecorder::Options programOptions(const char *fixture,
                                                std::chrono::milliseconds timeout)
{
    record::ProgramRecorder::Options options;
    options.command = {QDir(QStringLiteral(WEFT_FIXTURE_DIR)).filePath(QLatin1String(fixture))};
    options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
    options.timeout = timeout;
    return options;
}
} // namespace

class TestMainWindowRecording : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // Entries of the "Recorded" list carry no library path: the window finds it.
        qputenv("WEFT_RECORD_LIBRARY", WEFT_RECORD_LIBRARY);
    }

    void recordsAProgramAndDrawsItsLanes()
    {
        ScenarioRegistry registry;
        MainWindow window(registry);
        window.setInteractiveErrors(false);
        window.resize(1200, 700);
        window.show();
        QSignalSpy finished(window.recordSession(), &RecordSession::finished);
        QVERIFY(
            window.recordProgram(programOptions("rec_condvar_prodcons", std::chrono::seconds(60))));
        QVERIFY(window.windowActions()->cancel->isEnabled());
        QVERIFY(!window.windowActions()->recordProgram->isEnabled());
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
        QVERIFY(window.trace().actorCount() >= 5);
        QVERIFY(!window.trace().eventsOfKind(EventKind::CondWake).empty());
        QVERIFY(window.windowActions()->recordProgram->isEnabled());
        // The picture: lanes in the running and condition-wait colours.
        const QImage image = window.timelineView()->grab().toImage();
        QVERIFY(image.width() > 300);
        const Theme &theme = Theme::current();
        QVERIFY(testsupport::countNear(image, image.rect(), theme.stateColor(LaneState::Running), 0)
                > 50);
        QVERIFY(testsupport::countNear(image, image.rect(),
                                       theme.stateColor(LaneState::WaitingCondition), 0)
                > 0);
    }

    void cancelKillsTheProgramAndKeepsTheTrace()
    {
        ScenarioRegistry registry;
        MainWindow window(registry);
        window.setInteractiveErrors(false);
        QVERIFY(window.recordProgram(programOptions("rec_sleeper", std::chrono::seconds(60))));
        QSignalSpy live(window.recordSession(), &RecordSession::liveTraceUpdated);
        // Live: the timeline shows the sleep while the program still runs.
        QTRY_VERIFY_WITH_TIMEOUT(!window.trace().eventsOfKind(EventKind::SleepBegin).empty(),
                                 20000);
        QVERIFY(window.recordSession()->isRunning());
        window.windowActions()->cancel->trigger();
        QTRY_COMPARE(window.summaryBar()->status(), Outcome::Status::Cancelled);
        QVERIFY(!window.recordSession()->isRunning());
        QVERIFY(!window.trace().eventsOfKind(EventKind::SleepBegin).empty());
        const qint64 pid = window.trace().process(1).pid;
        QVERIFY(pid > 0);
        QTRY_VERIFY(::kill(pid_t(pid), 0) != 0 && errno == ESRCH);
    }

    void aRecordedProgramCanBeRecordedAgainFromTheBrowser()
    {
        ScenarioRegistry registry;
        {
            MainWindow window(registry);
            window.setInteractiveErrors(false);
            QSignalSpy finished(window.recordSession(), &RecordSession::finished);
            QVERIFY(window.recordProgram(programOptions("rec_names", std::chrono::seconds(60))));
            QVERIFY(finished.wait(60000));
        }
        // A new window (the next session) lists it under "Recorded"; Run records it again.
        MainWindow window(registry);
        window.setInteractiveErrors(false);
        ScenarioTreeModel *model = window.scenarioPanel()->model();
        const QModelIndex first = model->recordedIndex(0);
        QVERIFY(first.isValid());
        QVERIFY(first.data().toString().endsWith(QStringLiteral("rec_names")));
        window.scenarioPanel()->selectRecordedProgram(0);
        QCOMPARE(window.scenarioPanel()->currentRecordedProgram(), 0);
        QVERIFY(window.windowActions()->run->isEnabled());
        QSignalSpy finished(window.recordSession(), &RecordSession::finished);
        window.windowActions()->run->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.summaryBar()->status(), Outcome::Status::Completed);
        QVERIFY(window.trace().metadata().title.contains(QStringLiteral("rec_names")));
    }

    void aMissingProgramIsReported()
    {
        ScenarioRegistry registry;
        MainWindow window(registry);
        window.setInteractiveErrors(false);
        QSignalSpy errors(&window, &MainWindow::errorReported);
        auto options = programOptions("rec_sleeper", std::chrono::seconds(5));
        options.command = {QStringLiteral("no-such-program-for-weft")};
        QVERIFY(!window.recordProgram(options));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("not found")));
        QVERIFY(!window.recordSession()->isRunning());
    }
};

QTEST_MAIN(TestMainWindowRecording)
#include "tst_mainwindowrecording.moc"
