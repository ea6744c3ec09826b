// SPDX-License-Identifier: MIT
#include "ui/panels/windowactions.h"
#include "ui/settings/preferences.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace weft::ui;
using Values = Preferences::Values;
using ThemeMode = Preferences::ThemeMode;

class TestPreferences : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaultsWhenNothingIsStored();
    void roundTrip_data();
    void roundTrip();
    void storedUnderPreferencesGroup();
    void badStoredValuesFallBack_data();
    void badStoredValuesFallBack();
    void setValuesReplacesBadValues();
    void changedOnlyWhenSomethingChanged();
    void reloadSeesAnotherWriter();
    void themeModeKeys();
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's own settings
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
}

void TestPreferences::init()
{
    QSettings().remove(QStringLiteral("Preferences"));
}

void TestPreferences::defaultsWhenNothingIsStored()
{
    const Preferences preferences;
    QCOMPARE(preferences.values(), Preferences::defaults());
    QCOMPARE(preferences.speed(), 1.0);
    QVERIFY(!preferences.oneEventPerSecond());
    QCOMPARE(preferences.themeMode(), ThemeMode::FollowSystem);
    QCOMPARE(preferences.fontScalePercent(), 100);
    QCOMPARE(preferences.fontScale(), 1.0);
}

void TestPreferences::roundTrip_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<bool>("oneEventPerSecond");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("percent");
    QTest::newRow("slow dark large") << 0.25 << false << int(ThemeMode::Dark) << 200;
    QTest::newRow("fast light") << 10.0 << false << int(ThemeMode::Light) << 100;
    QTest::newRow("teaching, system, largest")
        << 1.0 << true << int(ThemeMode::FollowSystem) << 250;
    QTest::newRow("tenth speed") << 0.1 << false << int(ThemeMode::Dark) << 125;
}

void TestPreferences::roundTrip()
{
    QFETCH(double, speed);
    QFETCH(bool, oneEventPerSecond);
    QFETCH(int, mode);
    QFETCH(int, percent);
    const Values wanted {speed, oneEventPerSecond, ThemeMode(mode), percent};
    {
        Preferences preferences;
        QSignalSpy changed(&preferences, &Preferences::changed);
        preferences.setValues(wanted);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(preferences.values(), wanted);
    }
    const Preferences reloaded; // a new session reads what the last one stored
    QCOMPARE(reloaded.values(), wanted);
}

void TestPreferences::storedUnderPreferencesGroup()
{
    Preferences preferences;
    preferences.setValues({2.0, false, ThemeMode::Dark, 150});
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("Preferences/defaultSpeed")).toString(),
             QStringLiteral("2"));
    QCOMPARE(settings.value(QStringLiteral("Preferences/theme")).toString(),
             QStringLiteral("dark"));
    QCOMPARE(settings.value(QStringLiteral("Preferences/fontScale")).toInt(), 150);
    preferences.setValues({1.0, true, ThemeMode::Dark, 150});
    QCOMPARE(settings.value(QStringLiteral("Preferences/defaultSpeed")).toString(),
             QStringLiteral("one-event-per-second"));
}

void TestPreferences::badStoredValuesFallBack_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::newRow("speed not offered") << "defaultSpeed" << QVariant(3.7);
    QTest::newRow("speed not a number") << "defaultSpeed" << QVariant(QStringLiteral("fast"));
    QTest::newRow("speed negative") << "defaultSpeed" << QVariant(-1.0);
    QTest::newRow("theme unknown") << "theme" << QVariant(QStringLiteral("purple"));
    QTest::newRow("theme number") << "theme" << QVariant(2);
    QTest::newRow("scale too large") << "fontScale" << QVariant(999);
    QTest::newRow("scale too small") << "fontScale" << QVariant(50);
    QTest::newRow("scale between steps") << "fontScale" << QVariant(130);
    QTest::newRow("scale not a number") << "fontScale" << QVariant(QStringLiteral("huge"));
}

void TestPreferences::badStoredValuesFallBack()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    // Good values in the other keys must survive one bad key.
    {
        QSettings settings;
        settings.setValue(QStringLiteral("Preferences/defaultSpeed"), QStringLiteral("5"));
        settings.setValue(QStringLiteral("Preferences/theme"), QStringLiteral("light"));
        settings.setValue(QStringLiteral("Preferences/fontScale"), 175);
        settings.setValue(QStringLiteral("Preferences/") + key, stored);
    }
    const Preferences preferences;
    const Values defaults = Preferences::defaults();
    QCOMPARE(preferences.speed(), key == QLatin1String("defaultSpeed") ? defaults.speed : 5.0);
    QVERIFY(!preferences.oneEventPerSecond());
    QCOMPARE(preferences.themeMode(),
             key == QLatin1String("theme") ? defaults.themeMode : ThemeMode::Light);
    QCOMPARE(preferences.fontScalePercent(),
             key == QLatin1String("fontScale") ? defaults.fontScalePercent : 175);
}

void TestPreferences::setValuesReplacesBadValues()
{
    Preferences preferences;
    preferences.setValues({3.0, false, ThemeMode(7), 1000});
    QCOMPARE(preferences.values(), Preferences::defaults());
    // Teaching mode always runs at 1×.
    preferences.setValues({5.0, true, ThemeMode::Dark, 100});
    QCOMPARE(preferences.speed(), 1.0);
    QVERIFY(preferences.oneEventPerSecond());
}

void TestPreferences::changedOnlyWhenSomethingChanged()
{
    Preferences preferences;
    QSignalSpy changed(&preferences, &Preferences::changed);
    preferences.setValues(preferences.values());
    QCOMPARE(changed.count(), 0);
    Values v = preferences.values();
    v.fontScalePercent = 125;
    preferences.setValues(v);
    QCOMPARE(changed.count(), 1);
    preferences.setValues(v);
    QCOMPARE(changed.count(), 1);
}

void TestPreferences::reloadSeesAnotherWriter()
{
    Preferences mine;
    QSignalSpy changed(&mine, &Preferences::changed);
    Preferences other;
    other.setValues({0.5, false, ThemeMode::Dark, 225});
    QCOMPARE(mine.themeMode(), ThemeMode::FollowSystem);
    mine.reload();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(mine.values(), other.values());
}

void TestPreferences::themeModeKeys()
{
    for (ThemeMode mode : {ThemeMode::FollowSystem, ThemeMode::Light, ThemeMode::Dark}) {
        ThemeMode parsed = ThemeMode::Light;
        QVERIFY(Preferences::themeModeFromKey(Preferences::themeModeKey(mode), &parsed));
        QCOMPARE(parsed, mode);
    }
    ThemeMode parsed = ThemeMode::Light;
    QVERIFY(Preferences::themeModeFromKey(QStringLiteral("DARK"), &parsed));
    QCOMPARE(parsed, ThemeMode::Dark);
    QVERIFY(!Preferences::themeModeFromKey(QStringLiteral("sepia"), &parsed));
    // Every speed the menu offers can be the default.
    for (double factor : WindowActions::speedFactors()) {
        Preferences preferences;
        preferences.setValues({factor, false, ThemeMode::Light, 100});
        QCOMPARE(preferences.speed(), factor);
    }
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
