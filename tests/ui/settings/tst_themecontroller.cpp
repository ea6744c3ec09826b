// SPDX-License-Identifier: MIT
#include "ui/settings/preferences.h"
#include "ui/settings/themecontroller.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/themenotifier.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>

using namespace weft::ui;
using ThemeMode = Preferences::ThemeMode;

// Offscreen, the platform palette is light, so "follow the system" means light here.
class TestThemeController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void followsALightSystem();
    void forcedDarkAlsoDarkensTheWidgets();
    void backToFollowingRestoresTheDesktop();
    void fontScaleReachesTheTheme();
    void followsAPaletteChange();
    void forcedLightOnADarkDesktop();
    void existingWidgetsTakeThePaletteAtOnce();

private:
    void set(ThemeMode mode, int percent = 100)
    {
        m_preferences->setValues({1.0, false, mode, percent});
    }
    Preferences *m_preferences = nullptr;
    ThemeController *m_controller = nullptr;
    QString m_systemStyle;
};

void TestThemeController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_themecontroller"));
    QVERIFY2(!Theme::isDarkPalette(QApplication::palette()),
             "the offscreen platform should be light");
    m_systemStyle = QApplication::style()->name();
}

void TestThemeController::init()
{
    QSettings().remove(QStringLiteral("Preferences"));
    m_preferences = new Preferences(this);
    m_controller = new ThemeController(m_preferences, this);
}

void TestThemeController::cleanup()
{
    set(ThemeMode::FollowSystem);
    delete m_controller;
    delete m_preferences;
    QApplication::setPalette(QPalette());
}

void TestThemeController::followsALightSystem()
{
    QVERIFY(!Theme::current().isDark());
    QVERIFY(!m_controller->overridesWidgets());
    QCOMPARE(QApplication::style()->name(), m_systemStyle);
}

void TestThemeController::forcedDarkAlsoDarkensTheWidgets()
{
    QSignalSpy themeChanged(ThemeNotifier::instance(), &ThemeNotifier::themeChanged);
    set(ThemeMode::Dark);
    QVERIFY(themeChanged.count() >= 1);
    QVERIFY(Theme::current().isDark());
    QVERIFY(m_controller->overridesWidgets());
    QVERIFY(Theme::isDarkPalette(QApplication::palette()));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // Text stays readable on the dark widgets.
    const QPalette palette = QApplication::palette();
    QVERIFY(palette.color(QPalette::WindowText).lightness() > 180);
    QVERIFY(palette.color(QPalette::Base).lightness() < 60);
    QVERIFY(palette.color(QPalette::Text).lightness() > 180);
}

void TestThemeController::backToFollowingRestoresTheDesktop()
{
    set(ThemeMode::Dark);
    QVERIFY(Theme::isDarkPalette(QApplication::palette()));
    set(ThemeMode::FollowSystem);
    QVERIFY(!Theme::current().isDark());
    QVERIFY(!m_controller->overridesWidgets());
    QVERIFY(!Theme::isDarkPalette(QApplication::palette()));
    QCOMPARE(QApplication::style()->name(), m_systemStyle);
    // A light choice on a light desktop needs no override either.
    set(ThemeMode::Light);
    QVERIFY(!m_controller->overridesWidgets());
    QVERIFY(!Theme::current().isDark());
}

void TestThemeController::fontScaleReachesTheTheme()
{
    set(ThemeMode::Light, 200);
    QCOMPARE(Theme::current().scale(), 2.0);
    QCOMPARE(Theme::current().laneHeight(), 56);
    set(ThemeMode::Light, 100);
    QCOMPARE(Theme::current().laneHeight(), 28);
}

void TestThemeController::followsAPaletteChange()
{
    // The desktop switching to dark arrives as an application palette change.
    QApplication::setPalette(ThemeController::darkPalette());
    QTRY_VERIFY(Theme::current().isDark());
    QVERIFY(m_controller->systemIsDark());
    QVERIFY(!m_controller->overridesWidgets()); // the desktop is already dark
    QApplication::setPalette(QPalette());
    QTRY_VERIFY(!Theme::current().isDark());
}

void TestThemeController::forcedLightOnADarkDesktop()
{
    QApplication::setPalette(ThemeController::darkPalette());
    QTRY_VERIFY(m_controller->systemIsDark());
    set(ThemeMode::Light);
    QVERIFY(!Theme::current().isDark());
    QVERIFY(m_controller->overridesWidgets());
    QVERIFY(!Theme::isDarkPalette(QApplication::palette()));
}

void TestThemeController::existingWidgetsTakeThePaletteAtOnce()
{
    // Panels read their palette while the window is being built, before the event loop
    // runs (a console colours its text then): they must see the dark palette already.
    QWidget window;
    QWidget child(&window);
    QVERIFY(!Theme::isDarkPalette(child.palette()));
    set(ThemeMode::Dark);
    QVERIFY(Theme::isDarkPalette(child.palette()));
    QVERIFY(child.palette().color(QPalette::Text).lightness() > 180);
    set(ThemeMode::FollowSystem);
    QVERIFY(!Theme::isDarkPalette(child.palette()));
}

QTEST_MAIN(TestThemeController)
#include "tst_themecontroller.moc"
