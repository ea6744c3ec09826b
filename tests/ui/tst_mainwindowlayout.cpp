// SPDX-License-Identifier: MIT
// The main window's layout on small screens and projectors: the timeline's
// share, the toolbar at 1366×768, presentation mode, text size, and the restart
// offered after a language change.
#include "tests/common/fakescenario.h"
#include "ui/mainwindow.h"
#include "ui/panels/outputconsole.h"
#include "ui/panels/scenariopanel.h"
#include "ui/panels/summarybar.h"
#include "ui/panels/windowactions.h"
#include "ui/presentationmode.h"
#include "ui/restartoffer.h"
#include "ui/settings/preferences.h"
#include "ui/settings/uifontscale.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <memory>

using namespace weft;
using namespace weft::ui;

namespace {

QDockWidget *dock(const MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QString::fromLatin1(name));
}

void setTextSize(MainWindow &window, int percent)
{
    Preferences::Values values = window.preferences()->values();
    values.fontScalePercent = percent;
    window.preferences()->setValues(values);
}

} // namespace

class TestMainWindowLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void timelineTakesMostOfASmallScreen_data();
    void timelineTakesMostOfASmallScreen();
    void dockTabsAreNotElidedOnASmallScreen_data();
    void dockTabsAreNotElidedOnASmallScreen();
    void importantActionsStayInTheToolbar_data();
    void importantActionsStayInTheToolbar();
    void presentationModeShowsTimelineAndCodeOnly();
    void panelFontsFollowTheTextSize();
    void languageChangeOffersARestart();
};

void TestMainWindowLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings must not touch the user's files
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTestLayout"));
    QSettings().clear(); // the default layout and text size, not a previous run's
}

void TestMainWindowLayout::init()
{
    // Each window starts from the defaults: closing one saves its layout.
    QSettings().clear();
}

void TestMainWindowLayout::timelineTakesMostOfASmallScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestMainWindowLayout::timelineTakesMostOfASmallScreen()
{
    QFETCH(QSize, size);
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    const QSize timeline = window.timelineView()->size();
    const double share
        = double(timeline.width()) * timeline.height() / (double(window.width()) * window.height());
    QVERIFY2(share >= 0.55,
             qPrintable(QStringLiteral("timeline %1x%2 is %3 of the window")
                            .arg(timeline.width())
                            .arg(timeline.height())
                            .arg(share)));
    // The lessons and the code are still a click away, side by side with it.
    QVERIFY(dock(window, "scenariosDock")->isVisible() || dock(window, "codeDock")->isVisible());
}

void TestMainWindowLayout::dockTabsAreNotElidedOnASmallScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

// Each tab row of the side column fits its titles whole at 1366×768: five tabs in
// one row were "O…", "Le…", "Time Break…". The menu keeps the panels' full names.
void TestMainWindowLayout::dockTabsAreNotElidedOnASmallScreen()
{
    QFETCH(QString, language);
    std::unique_ptr<QTranslator> translator;
    if (!language.isEmpty()) {
        translator = std::make_unique<QTranslator>();
        QVERIFY(translator->load(QStringLiteral(":/i18n/weft_%1.qm").arg(language)));
        QCoreApplication::installTranslator(translator.get());
    }
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    int rows = 0;
    for (const QTabBar *bar : window.findChildren<QTabBar *>()) {
        if (!bar->isVisible() || bar->count() < 2)
            continue;
        ++rows;
        QStringList titles;
        for (int i = 0; i < bar->count(); ++i)
            titles << bar->tabText(i);
        // sizeHint() is the row with every title whole; elided ones fit the width.
        QVERIFY2(bar->sizeHint().width() <= bar->width(),
                 qPrintable(QStringLiteral("%1 need %2 px, have %3")
                                .arg(titles.join(QStringLiteral(", ")))
                                .arg(bar->sizeHint().width())
                                .arg(bar->width())));
    }
    QCOMPARE(rows, 2); // the lessons' row and the run's row
    QCOMPARE(dock(window, "detailsDock")->toggleViewAction()->text(),
             QCoreApplication::translate("weft::ui::MainWindow", "Event Details"));
    QCOMPARE(dock(window, "breakdownDock")->toggleViewAction()->text(),
             QCoreApplication::translate("weft::ui::MainWindow", "Time Breakdown"));
    if (translator)
        QCoreApplication::removeTranslator(translator.get());
}

void TestMainWindowLayout::importantActionsStayInTheToolbar_data()
{
    QTest::addColumn<int>("percent");
    QTest::newRow("100 %") << 100;
    QTest::newRow("200 %") << 200;
}

void TestMainWindowLayout::importantActionsStayInTheToolbar()
{
    QFETCH(int, percent);
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    setTextSize(window, percent);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    const WindowActions *a = window.windowActions();
    for (QAction *action : {a->run, a->stepMode, a->open, a->save, a->exportPicture}) {
        const QWidget *button = toolBar->widgetForAction(action);
        QVERIFY2(button && button->isVisible() && toolBar->rect().contains(button->geometry()),
                 qPrintable(action->text()));
    }
    // Everything is in a menu too, so nothing depends on the toolbar's width.
    for (QAction *action : toolBar->actions()) {
        if (action->isSeparator())
            continue;
        bool inMenu = false;
        for (QObject *object : action->associatedObjects())
            inMenu = inMenu || qobject_cast<QMenu *>(object);
        QVERIFY2(inMenu, qPrintable(action->text()));
    }
}

void TestMainWindowLayout::presentationModeShowsTimelineAndCodeOnly()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *toggle = window.windowActions()->presentationMode;
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_F11));
    QVERIFY(toggle->isCheckable());
    const char *others[] = {"scenariosDock", "outputDock", "stepDock", "detailsDock", "legendDock"};
    QVERIFY(!dock(window, "outputDock")->isHidden());
    QVERIFY(!dock(window, "scenariosDock")->isHidden());

    toggle->trigger();
    QVERIFY(window.presentationMode()->isActive());
    QVERIFY(window.windowState() & Qt::WindowFullScreen);
    for (const char *name : others)
        QVERIFY2(dock(window, name)->isHidden(), name);
    QVERIFY(!dock(window, "codeDock")->isHidden());
    QVERIFY(window.timelineView()->isVisible());

    toggle->trigger();
    QVERIFY(!window.presentationMode()->isActive());
    QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
    // The panels come back as they were: the tabs too, hidden behind their neighbours or not.
    QVERIFY(!dock(window, "scenariosDock")->isHidden());
    QVERIFY(!dock(window, "codeDock")->isHidden());
    QVERIFY(!dock(window, "outputDock")->isHidden());
    QVERIFY(!dock(window, "legendDock")->isHidden());
}

void TestMainWindowLayout::panelFontsFollowTheTextSize()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    setTextSize(window, 100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const qreal base = window.scenarioPanel()->font().pointSizeF();
    const qreal fixed = window.outputConsole()->font().pointSizeF();
    const QLabel *summary = window.summaryBar()->findChild<QLabel *>();
    QVERIFY(summary);
    const qreal heading = summary->font().pointSizeF();
    QVERIFY(base > 0 && fixed > 0 && heading > base);

    setTextSize(window, 200);
    QCOMPARE(window.scenarioPanel()->font().pointSizeF(), 2 * base);
    QCOMPARE(window.outputConsole()->font().pointSizeF(), 2 * fixed);
    QCOMPARE(summary->font().pointSizeF(), 2 * heading);
    QCOMPARE(window.outputConsole()->font().family(), UiFontScale::baseFixedFont().family());
    // In presentation mode too: one text size for the whole window.
    window.windowActions()->presentationMode->trigger();
    QCOMPARE(window.scenarioPanel()->font().pointSizeF(), 2 * base);
    window.windowActions()->presentationMode->trigger();

    setTextSize(window, 100);
    QCOMPARE(window.scenarioPanel()->font().pointSizeF(), base);
    QCOMPARE(summary->font().pointSizeF(), heading);
}

void TestMainWindowLayout::languageChangeOffersARestart()
{
    auto registry = testsupport::makeFakeRegistry();
    MainWindow window(*registry);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int asked = 0;
    QString launched;
    QStringList launchedWith;
    QWidget *askedOver = nullptr;
    window.restartOffer()->setQuestion([&](QWidget *parent) {
        ++asked;
        askedOver = parent;
        return false; // Later
    });
    window.restartOffer()->setLauncher([&](const QString &program, const QStringList &arguments) {
        launched = program;
        launchedWith = arguments;
        return true;
    });
    const QList<QAction *> languages = window.windowActions()->languages->actions();
    QVERIFY(languages.size() >= 2);
    languages.at(1)->trigger();
    QCOMPARE(asked, 1);
    QCOMPARE(askedOver, &window);
    QVERIFY(window.isVisible());
    QVERIFY(launched.isEmpty());
    QVERIFY(!window.statusBar()->currentMessage().isEmpty());

    // Restart now: the window closes the usual way and the same program starts again.
    window.restartOffer()->setQuestion([&](QWidget *) {
        ++asked;
        return true;
    });
    languages.at(0)->trigger();
    QCOMPARE(asked, 2);
    QCOMPARE(launched, QCoreApplication::applicationFilePath());
    QCOMPARE(launchedWith, QCoreApplication::arguments().mid(1));
    QVERIFY(!window.isVisible());
}

QTEST_MAIN(TestMainWindowLayout)
#include "tst_mainwindowlayout.moc"
