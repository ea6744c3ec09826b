// SPDX-License-Identifier: MIT
#include "ui/panels/loadprogressbar.h"

#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace weft::ui;

class TestLoadProgressBar : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void showsBytesAndEvents();
    void barFollowsTheBytes();
    void cancelButtonAsksToCancel();
};

void TestLoadProgressBar::showsBytesAndEvents()
{
    LoadProgressBar bar;
    bar.begin(QStringLiteral("big.json"), 100'000'000);
    QCOMPARE(bar.text(), QStringLiteral("0.00 MiB of 95.37 MiB read, 0 events"));
    bar.setProgress(1024 * 1024, 100'000'000, 11955);
    QCOMPARE(bar.text(), QStringLiteral("1.00 MiB of 95.37 MiB read, 11,955 events"));
    QVERIFY(bar.toolTip().contains(QLatin1String("big.json")));
}

void TestLoadProgressBar::barFollowsTheBytes()
{
    LoadProgressBar bar;
    bar.setProgress(25, 100, 1);
    const auto *progress = bar.findChild<QProgressBar *>();
    QVERIFY(progress);
    QCOMPARE(progress->value(), progress->maximum() / 4);
    bar.setProgress(0, 0, 0); // an empty file: no division by zero
    QCOMPARE(progress->value(), 0);
}

void TestLoadProgressBar::cancelButtonAsksToCancel()
{
    LoadProgressBar bar;
    QSignalSpy cancelled(&bar, &LoadProgressBar::cancelRequested);
    QTest::mouseClick(bar.cancelButton(), Qt::LeftButton);
    QCOMPARE(cancelled.count(), 1);
}

QTEST_MAIN(TestLoadProgressBar)
#include "tst_loadprogressbar.moc"
