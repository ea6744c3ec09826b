// SPDX-License-Identifier: MIT
#include "core/derived/steporder.h"
#include "ui/timeline/stepruler.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestStepRuler : public QObject
{
    Q_OBJECT
private slots:
    void labelsCountSteps();
    void majorsAreOneTwoFiveStepsApartAndDoNotOverlap();
    void aNarrowWindowLabelsEveryStep();
};

namespace {
// Eight pixels a character: wide enough that spacing matters.
double width(const QString &label)
{
    return 8.0 * double(label.size());
}
} // namespace

void TestStepRuler::labelsCountSteps()
{
    const auto ticks = StepRuler::ticks(StepOrder::timeOfStep(0), StepOrder::timeOfStep(10), 2000,
                                        StepOrder::kUnitNs, width, 10);
    QVERIFY(!ticks.empty());
    for (const TimeRuler::Tick &tick : ticks) {
        QCOMPARE(tick.timeNs % StepOrder::kUnitNs, 0); // on a column, never between two
        if (tick.major)
            QCOMPARE(tick.label, QStringLiteral("step %1").arg(StepOrder::stepAt(tick.timeNs)));
        else
            QVERIFY(tick.label.isEmpty());
    }
    QCOMPARE(ticks.front().label, QStringLiteral("step 1"));
    QCOMPARE(ticks.back().label, QStringLiteral("step 10"));
}

void TestStepRuler::majorsAreOneTwoFiveStepsApartAndDoNotOverlap()
{
    // 1000 steps over 1000 px: a label ("step 1000", 72 px + 10) needs 82 px: 100 steps.
    const auto ticks
        = StepRuler::ticks(0, StepOrder::timeOfStep(1000), 1000, StepOrder::kUnitNs, width, 10);
    std::vector<qint64> majors;
    for (const TimeRuler::Tick &tick : ticks) {
        if (tick.major)
            majors.push_back(StepOrder::stepAt(tick.timeNs));
    }
    QCOMPARE(majors.size(), std::size_t(10));
    QCOMPARE(majors.front(), 100);
    QCOMPARE(majors[1] - majors[0], 100);
    // No minor on each of 1000 steps a pixel apart.
    QCOMPARE(ticks.size(), majors.size());
}

void TestStepRuler::aNarrowWindowLabelsEveryStep()
{
    const auto ticks = StepRuler::ticks(StepOrder::timeOfStep(3), StepOrder::timeOfStep(6), 900,
                                        StepOrder::kUnitNs, width, 10);
    QStringList labels;
    for (const TimeRuler::Tick &tick : ticks)
        labels << tick.label;
    QCOMPARE(labels, QStringList({"step 3", "step 4", "step 5", "step 6"}));
}

QTEST_MAIN(TestStepRuler)
#include "tst_stepruler.moc"
