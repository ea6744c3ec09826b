// SPDX-License-Identifier: MIT
#include "ui/timeline/timeruler.h"

#include <QTest>

using namespace weft::ui;

class TestTimeRuler : public QObject
{
    Q_OBJECT
private slots:
    void stepsAreOneTwoFive_data();
    void stepsAreOneTwoFive();
    void labelsUseSensibleUnits_data();
    void labelsUseSensibleUnits();
    void ticksCoverTheWindow();
    void oneUnitPerRuler();
    void aRunOfMonthsSpeaksSeconds();
};

void TestTimeRuler::stepsAreOneTwoFive_data()
{
    QTest::addColumn<qint64>("window");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("step");
    QTest::newRow("1 ms over 900 px") << qint64(1000000) << 900.0 << qint64(100000);
    QTest::newRow("1 s over 900 px") << qint64(1000000000) << 900.0 << qint64(100000000);
    QTest::newRow("150 ns over 900 px") << qint64(150) << 900.0 << qint64(20);
    QTest::newRow("3 s over 600 px") << qint64(3000000000) << 600.0 << qint64(500000000);
}

void TestTimeRuler::stepsAreOneTwoFive()
{
    QFETCH(qint64, window);
    QFETCH(double, width);
    QFETCH(qint64, step);
    QCOMPARE(TimeRuler::majorStep(window, width), step);
}

void TestTimeRuler::labelsUseSensibleUnits_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("label");
    QTest::newRow("zero") << qint64(0) << qint64(1000000) << "0 ms";
    QTest::newRow("ns") << qint64(40) << qint64(20) << "40 ns";
    QTest::newRow("us") << qint64(250000) << qint64(50000) << QString::fromUtf8("250 µs");
    QTest::newRow("ms") << qint64(1500000) << qint64(500000) << "1.5 ms";
    QTest::newRow("s") << qint64(2000000000) << qint64(1000000000) << "2 s";
    QTest::newRow("fine ms") << qint64(1200000) << qint64(200000) << "1.2 ms";
}

void TestTimeRuler::labelsUseSensibleUnits()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, step);
    QFETCH(QString, label);
    QCOMPARE(TimeRuler::formatTime(ns, step), label);
}

void TestTimeRuler::ticksCoverTheWindow()
{
    const auto ticks = TimeRuler::ticks(1000, 1001000, 1000, 1000);
    QVERIFY(!ticks.empty());
    QCOMPARE(ticks.front().timeNs, 1000);
    QVERIFY(ticks.front().major);
    // One unit for the whole ruler, the largest label's: "0 ms … 1.0 ms".
    QCOMPARE(ticks.front().label, QStringLiteral("0 ms"));
    QCOMPARE(ticks.back().label, QStringLiteral("1.0 ms"));
    for (const auto &tick : ticks) {
        QVERIFY(tick.timeNs >= 1000 && tick.timeNs <= 1001000);
        QCOMPARE(tick.major, !tick.label.isEmpty());
    }
    QVERIFY(TimeRuler::ticks(10, 5, 100, 0).empty());
}

void TestTimeRuler::oneUnitPerRuler()
{
    // A millisecond in steps of 200 µs: "0 ms, 0.2 ms … 1.0 ms", not "0 µs … 1.0 ms".
    const auto width = [](const QString &label) {
        return 7.0 * double(label.size());
    };
    const auto ticks = TimeRuler::ticks(0, 1000000, 500, 0, width, 10);
    QStringList labels;
    for (const auto &tick : ticks) {
        if (tick.major)
            labels.append(tick.label);
    }
    QCOMPARE(labels, QStringList({"0 ms", "0.2 ms", "0.4 ms", "0.6 ms", "0.8 ms", "1.0 ms"}));
    // Wider labels (a larger text size) take a larger step, never a tighter squeeze.
    const auto wide = [](const QString &label) {
        return 17.5 * double(label.size());
    };
    labels.clear();
    for (const auto &tick : TimeRuler::ticks(0, 1000000, 500, 0, wide, 25)) {
        if (tick.major)
            labels.append(tick.label);
    }
    QCOMPARE(labels, QStringList({"0 ms", "0.5 ms", "1.0 ms"}));
}

void TestTimeRuler::aRunOfMonthsSpeaksSeconds()
{
    // A malformed trace's 257-day slice (found by fuzz_render): the step is
    // 10^16 ns; a step this long once overflowed picking the unit and spoke
    // nanoseconds.
    const qint64 end = 22222222221112000;
    const auto ticks = TimeRuler::ticks(0, end, 300, 0);
    QCOMPARE(TimeRuler::majorStep(end, 300), qint64(10000000000000000));
    QVERIFY(!ticks.empty());
    for (const auto &tick : ticks) {
        if (tick.major)
            QVERIFY2(tick.label.endsWith(QStringLiteral(" s")), qPrintable(tick.label));
    }
}

QTEST_GUILESS_MAIN(TestTimeRuler)
#include "tst_timeruler.moc"
