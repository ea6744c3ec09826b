// SPDX-License-Identifier: MIT
// File ▸ Compare With… through the main window: the shown trace beside a file.
#include "comparetraces.h"
#include "core/interchange/traceloader.h"
#include "core/scenarioregistry.h"
#include "core/scenarios/catalogue.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "ui/compare/comparecontroller.h"
#include "ui/compare/compareview.h"
#include "ui/compare/comparewindow.h"
#include "ui/mainwindow.h"
#include "ui/panels/parameterform.h"
#include "ui/panels/scenariopanel.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestCompareController : public QObject
{
    Q_OBJECT
private slots:
    void actionsSitInTheMenus();
    void comparesWithAFile();
    void malformedFileIsNamed();
    void runBothFromTheMenu();
    void runTwinsFromTheMenu();
};

void TestCompareController::actionsSitInTheMenus()
{
    ScenarioRegistry registry;
    MainWindow window(registry);
    CompareController *compare = window.compareController();
    QVERIFY(compare);
    bool found = false;
    for (QAction *menuAction : window.menuBar()->actions())
        if (menuAction->menu()
            && menuAction->menu()->actions().contains(compare->compareWithAction()))
            found = true;
    QVERIFY(found);
    QVERIFY(!compare->runBothAction()->associatedObjects().isEmpty());
}

void TestCompareController::comparesWithAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lock.weft"));
    QString error;
    QVERIFY2(saveTrace(testsupport::countingRun(5'000'000'000, 44, QStringLiteral("W"), 0,
                                                QStringLiteral("lock")),
                       path, &error),
             qPrintable(error));
    ScenarioRegistry registry;
    MainWindow window(registry);
    window.setInteractiveErrors(false);
    window.compareController()->setInteractiveErrors(false);
    window.showTrace(testsupport::countingRun(1'000'000'000, 31, QStringLiteral("W"), 19801,
                                              QStringLiteral("nolock")));
    QVERIFY(window.compareController()->compareWithFile(path));
    CompareWindow *compared = window.compareController()->window();
    QVERIFY(compared);
    QVERIFY(compared->isVisible());
    QCOMPARE(compared->differenceText(),
             QStringLiteral("nolock: 19801 updates lost in 31 ms; lock: exact in 44 ms "
                            "(lock took 1.4× as long)"));
    // Esc leaves the comparison.
    QTest::keyClick(compared, Qt::Key_Escape);
    QTRY_VERIFY(!window.compareController()->window());
}

void TestCompareController::malformedFileIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[{\"ph\": \"X\", \"ts\": ");
    file.close();
    ScenarioRegistry registry;
    MainWindow window(registry);
    window.compareController()->setInteractiveErrors(false);
    window.showTrace(
        testsupport::countingRun(0, 10, QStringLiteral("W"), 1, QStringLiteral("nolock")));
    QSignalSpy errors(window.compareController(), &CompareController::errorReported);
    QVERIFY(!window.compareController()->compareWithFile(path));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().first().toString().contains(QStringLiteral("broken.json")),
             qPrintable(errors.first().first().toString()));
    QVERIFY(!window.compareController()->window());
}

// Run ▸ Run Both on the selected scenario: two real runs, then the window.
void TestCompareController::runBothFromTheMenu()
{
    ScenarioRegistry registry;
    registry.add(makeLocksCounterScenario());
    registry.add(makeLocksRaceScenario());
    MainWindow window(registry);
    window.setInteractiveErrors(false);
    CompareController *compare = window.compareController();
    compare->setInteractiveErrors(false);
    QVERIFY(window.selectScenario(QStringLiteral("locks.race")));
    QVERIFY(!compare->runBothAction()->isEnabled()); // nothing to vary
    QVERIFY(window.selectScenario(QStringLiteral("locks.counter")));
    QVERIFY(compare->runBothAction()->isEnabled());
    ParameterForm *form = window.scenarioPanel()->parameterForm();
    QVERIFY(form->setValue(QStringLiteral("threads"), 8));
    QVERIFY(form->setValue(QStringLiteral("increments"), 20));
    QVERIFY(form->setValue(QStringLiteral("mode"), QStringLiteral("lock")));
    compare->runBothAction()->trigger();
    QVERIFY(!compare->runBothAction()->isEnabled()); // while both run
    QTRY_VERIFY_WITH_TIMEOUT(compare->window() && compare->window()->isVisible(), 120000);
    const QString line = compare->window()->differenceText();
    QVERIFY2(line.startsWith(QStringLiteral("with a lock: exact in ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("; without a lock: ")), qPrintable(line));
    QVERIFY(compare->runBothAction()->isEnabled());
}

// Run ▸ Run Both: C++ and Python, offered for a lesson with a twin only; the
// window shows both runs' outcomes and the line between them.
void TestCompareController::runTwinsFromTheMenu()
{
    MainWindow window(catalogue());
    window.setInteractiveErrors(false);
    CompareController *compare = window.compareController();
    compare->setInteractiveErrors(false);
    QAction *twins = compare->runTwinsAction();
    QVERIFY(!twins->associatedObjects().isEmpty()); // in the Run menu, after Run Both
    QVERIFY(window.selectScenario(QStringLiteral("locks.race")));
    QVERIFY(!twins->isVisible()); // no Python twin
    QVERIFY(window.selectScenario(QStringLiteral("locks.counter")));
    QVERIFY(twins->isVisible());
    const QString unavailable
        = catalogue().find(QStringLiteral("locks.counter.py"))->unavailableReason();
    if (!unavailable.isEmpty()) {
        QVERIFY(!twins->isEnabled());
        QSKIP(qPrintable(unavailable));
    }
    QVERIFY(twins->isEnabled());
    ParameterForm *form = window.scenarioPanel()->parameterForm();
    QVERIFY(form->setValue(QStringLiteral("threads"), 4));
    QVERIFY(form->setValue(QStringLiteral("increments"), 10));
    QVERIFY(form->setValue(QStringLiteral("mode"), QStringLiteral("lock")));
    twins->trigger();
    QVERIFY(!twins->isEnabled()); // while both run
    QTRY_VERIFY_WITH_TIMEOUT(compare->window() && compare->window()->isVisible(), 120000);
    const QString line = compare->window()->differenceText();
    QVERIFY2(line.startsWith(QStringLiteral("C++: exact in ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("; Python: exact in ")), qPrintable(line));
    const auto &shown = compare->window()->compareView()->comparison();
    QVERIFY(shown);
    QCOMPARE(shown->first().metadata().scenarioId, QStringLiteral("locks.counter"));
    QCOMPARE(shown->second().metadata().scenarioId, QStringLiteral("locks.counter.py"));
    QVERIFY(twins->isEnabled());
}

QTEST_MAIN(TestCompareController)
#include "tst_comparecontroller.moc"
