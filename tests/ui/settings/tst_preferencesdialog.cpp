// SPDX-License-Identifier: MIT
#include "ui/settings/preferences.h"
#include "ui/settings/preferencesdialog.h"
#include "ui/settings/themepreview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace weft::ui;
using ThemeMode = Preferences::ThemeMode;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void showsTheStoredValues();
    void acceptingStoresTheChoiceAndEmitsChanged();
    void cancellingStoresNothing();
    void restoreDefaultsResetsTheForm();
    void previewFollowsTheChoice();
    void previewHasTwoLanesOfARealTrace();

private:
    static void choose(QComboBox *box, const QVariant &data)
    {
        const int index = box->findData(data);
        QVERIFY(index >= 0);
        box->setCurrentIndex(index);
    }
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferencesdialog"));
}

void TestPreferencesDialog::init()
{
    QSettings().remove(QStringLiteral("Preferences"));
}

void TestPreferencesDialog::showsTheStoredValues()
{
    Preferences preferences;
    preferences.setValues({0.5, false, ThemeMode::Dark, 150});
    PreferencesDialog dialog(&preferences, nullptr);
    QCOMPARE(dialog.speedBox()->currentData().toDouble(), 0.5);
    QCOMPARE(dialog.themeBox()->currentData().toInt(), int(ThemeMode::Dark));
    QCOMPARE(dialog.fontScaleBox()->currentData().toInt(), 150);
    QCOMPARE(dialog.chosenValues(), preferences.values());
}

void TestPreferencesDialog::acceptingStoresTheChoiceAndEmitsChanged()
{
    Preferences preferences;
    QSignalSpy changed(&preferences, &Preferences::changed);
    PreferencesDialog dialog(&preferences, nullptr);
    choose(dialog.themeBox(), int(ThemeMode::Dark));
    choose(dialog.fontScaleBox(), 200);
    dialog.speedBox()->setCurrentIndex(dialog.speedBox()->count() - 1); // one event per second
    QCOMPARE(changed.count(), 0); // nothing is stored before OK
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(preferences.themeMode(), ThemeMode::Dark);
    QCOMPARE(preferences.fontScalePercent(), 200);
    QVERIFY(preferences.oneEventPerSecond());
    QCOMPARE(Preferences().values(), preferences.values()); // stored, not only in memory
}

void TestPreferencesDialog::cancellingStoresNothing()
{
    Preferences preferences;
    QSignalSpy changed(&preferences, &Preferences::changed);
    PreferencesDialog dialog(&preferences, nullptr);
    choose(dialog.themeBox(), int(ThemeMode::Light));
    choose(dialog.speedBox(), 5.0);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(preferences.values(), Preferences::defaults());
}

void TestPreferencesDialog::restoreDefaultsResetsTheForm()
{
    Preferences preferences;
    preferences.setValues({2.0, false, ThemeMode::Dark, 250});
    PreferencesDialog dialog(&preferences, nullptr);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(dialog.chosenValues(), Preferences::defaults());
    QCOMPARE(preferences.fontScalePercent(), 250); // only the form, until OK
}

void TestPreferencesDialog::previewFollowsTheChoice()
{
    Preferences preferences;
    PreferencesDialog dialog(&preferences, nullptr);
    choose(dialog.themeBox(), int(ThemeMode::Light));
    const int smallHeight = dialog.preview()->sizeHint().height();
    QVERIFY(!dialog.preview()->theme().isDark());
    choose(dialog.themeBox(), int(ThemeMode::Dark));
    choose(dialog.fontScaleBox(), 200);
    QVERIFY(dialog.preview()->theme().isDark());
    QCOMPARE(dialog.preview()->theme().scale(), 2.0);
    QVERIFY(dialog.preview()->sizeHint().height() > smallHeight * 3 / 2);

    // It paints in the chosen theme: the background is dark.
    dialog.preview()->resize(dialog.preview()->sizeHint());
    const QImage image = dialog.preview()->grab().toImage();
    QVERIFY(image.pixelColor(image.width() - 2, image.height() - 2).lightness() < 80);
}

void TestPreferencesDialog::previewHasTwoLanesOfARealTrace()
{
    const weft::Trace trace = ThemePreview::sampleTrace();
    QCOMPARE(trace.actorCount(), 2);
    QVERIFY(trace.events().size() >= 10);
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
