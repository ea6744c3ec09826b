// SPDX-License-Identifier: MIT
// File ▸ Compare With… through the main window: the shown trace beside a file.
#include "comparetraces.h"
#include "core/interchange/traceloader.h"
#include "core/scenarioregistry.h"
#include "ui/compare/comparecontroller.h"
#include "ui/compare/comparewindow.h"
#include "ui/mainwindow.h"

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

QTEST_MAIN(TestCompareController)
#include "tst_comparecontroller.moc"
