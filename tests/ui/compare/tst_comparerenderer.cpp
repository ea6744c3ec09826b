// SPDX-License-Identifier: MIT
#include "comparetraces.h"
#include "core/derived/steporder.h"
#include "ui/compare/comparerenderer.h"
#include "ui/compare/runcomparison.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

// The first and last x of the running colour along the middle of a lane's bar.
std::pair<int, int> runningExtent(const QImage &image, const QRectF &lane, const QColor &running,
                                  const Theme &theme)
{
    const int y = int(lane.top() + theme.stateBarCenter());
    int first = -1, last = -1;
    for (int x = int(lane.left()); x < int(lane.right()); ++x) {
        const QColor pixel = image.pixelColor(x, y);
        if (qAbs(pixel.red() - running.red()) < 12 && qAbs(pixel.green() - running.green()) < 12
            && qAbs(pixel.blue() - running.blue()) < 12) {
            if (first < 0)
                first = x;
            last = x;
        }
    }
    return {first, last};
}

// Both runs, 1200 px wide and as tall as their rows need, on white.
QImage renderWhole(const CompareRenderer &renderer, const RunComparison &comparison,
                   const TimelineModel &first, const TimelineModel &second)
{
    const int width = 1200;
    const int height = renderer.fullHeight(comparison, first, second, width, {});
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        renderer.render(painter, QRectF(0, 0, width, height), comparison, first, second, {});
    }
    return image;
}

} // namespace

class TestCompareRenderer : public QObject
{
    Q_OBJECT
private slots:
    void sameMillisecondAtSameX();
    void windowIsRelativeToEachStart();
    void stepAlignedPutsStepNAboveStepN();
};

// Two runs with different clock origins, durations (10 and 20 ms) and lane
// name widths: the worker's 2..6 ms must be drawn at the same x in both,
// where 2 and 6 ms fall on a 20 ms scale.
void TestCompareRenderer::sameMillisecondAtSameX()
{
    const Trace a = testsupport::countingRun(1'000'000'000, 10, QStringLiteral("W"), 7,
                                             QStringLiteral("nolock"));
    const Trace b = testsupport::countingRun(7'000'000'000, 20,
                                             QStringLiteral("a worker with a much longer name"), 0,
                                             QStringLiteral("lock"));
    const RunComparison comparison(a, b);
    const Theme theme = Theme::make(Theme::Variant::Light);
    const TimelineModel first(a), second(b);
    const CompareRenderer renderer(theme);
    const QImage image = renderWhole(renderer, comparison, first, second);
    const TimelineLayout layoutA(first, theme, renderer.frameRect(0),
                                 renderer.frameOptions(0).layout);
    const TimelineLayout layoutB(second, theme, renderer.frameRect(1),
                                 renderer.frameOptions(1).layout);
    QVERIFY(renderer.frameRect(1).top() >= renderer.frameRect(0).bottom());
    QCOMPARE(layoutA.plotRect().left(), layoutB.plotRect().left());
    QCOMPARE(layoutA.plotRect().width(), layoutB.plotRect().width());

    const QColor running = theme.stateColor(LaneState::Running);
    const auto [aFirst, aLast]
        = runningExtent(image, layoutA.laneRect(first.laneIndexOf(2)), running, theme);
    const auto [bFirst, bLast]
        = runningExtent(image, layoutB.laneRect(second.laneIndexOf(2)), running, theme);
    QVERIFY2(aFirst > 0 && bFirst > 0, "no running bar found");
    QVERIFY2(qAbs(aFirst - bFirst) <= 1,
             qPrintable(QStringLiteral("2 ms at x %1 and %2").arg(aFirst).arg(bFirst)));
    QVERIFY2(qAbs(aLast - bLast) <= 1,
             qPrintable(QStringLiteral("6 ms at x %1 and %2").arg(aLast).arg(bLast)));
    // On the 20 ms scale of the longer run: the shorter one is not stretched.
    const QRectF plot = layoutA.plotRect();
    QVERIFY(qAbs(aFirst - (plot.left() + plot.width() * 2 / 20)) <= 2);
    QVERIFY(qAbs(aLast - (plot.left() + plot.width() * 6 / 20)) <= 2);
}

void TestCompareRenderer::windowIsRelativeToEachStart()
{
    const Trace a = testsupport::countingRun(1'000'000'000, 10, QStringLiteral("W"), 7,
                                             QStringLiteral("nolock"));
    const Trace b = testsupport::countingRun(7'000'000'000, 20, QStringLiteral("W"), 0,
                                             QStringLiteral("lock"));
    const RunComparison comparison(a, b);
    const Theme theme = Theme::make(Theme::Variant::Light);
    const TimelineModel first(a), second(b);
    const CompareRenderer renderer(theme);
    QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    CompareRenderer::Options options;
    options.fromNs = 3'000'000;
    options.toNs = 5'000'000;
    renderer.render(painter, QRectF(0, 0, 800, 600), comparison, first, second, options);
    QCOMPARE(renderer.frameOptions(0).fromNs, first.startNs() + 3'000'000);
    QCOMPARE(renderer.frameOptions(0).toNs, first.startNs() + 5'000'000);
    QCOMPARE(renderer.frameOptions(1).fromNs, second.startNs() + 3'000'000);
    QCOMPARE(renderer.frameOptions(1).toNs, second.startNs() + 5'000'000);
    QCOMPARE(renderer.frameOptions(0).title, QStringLiteral("nolock — Many threads, one counter"));
    QCOMPARE(renderer.frameOptions(1).subtitle, QStringLiteral("counter = 200 as expected."));
}

// Step-aligned, the runs' times no longer matter: the worker starts at step 2
// and ends at step 3 in both runs (10 ms and 40 ms long), so its bar covers
// columns 2..3 of the longer run's five, above each other, on a ruler of steps.
void TestCompareRenderer::stepAlignedPutsStepNAboveStepN()
{
    const Trace a = testsupport::countingRun(1'000'000'000, 10, QStringLiteral("W"), 7,
                                             QStringLiteral("nolock"));
    const Trace b = testsupport::countingRun(7'000'000'000, 40, QStringLiteral("W"), 0,
                                             QStringLiteral("lock"));
    RunComparison comparison(a, b);
    const QString difference = comparison.differenceLine();
    comparison.setStepAligned(true);
    QCOMPARE(comparison.differenceLine(), difference); // the texts speak of the real runs
    QCOMPARE(comparison.sharedDurationNs(), StepOrder::timeOfStep(5));
    const Theme theme = Theme::make(Theme::Variant::Light);
    const TimelineModel first(comparison.shownTrace(0)), second(comparison.shownTrace(1));
    const CompareRenderer renderer(theme);
    const QImage image = renderWhole(renderer, comparison, first, second);
    QVERIFY(renderer.frameOptions(0).stepAxis);
    QVERIFY(renderer.frameOptions(1).stepAxis);
    const TimelineLayout layoutA(first, theme, renderer.frameRect(0),
                                 renderer.frameOptions(0).layout);
    const TimelineLayout layoutB(second, theme, renderer.frameRect(1),
                                 renderer.frameOptions(1).layout);
    const QColor running = theme.stateColor(LaneState::Running);
    const auto [aFirst, aLast]
        = runningExtent(image, layoutA.laneRect(first.laneIndexOf(2)), running, theme);
    const auto [bFirst, bLast]
        = runningExtent(image, layoutB.laneRect(second.laneIndexOf(2)), running, theme);
    QVERIFY2(aFirst > 0 && bFirst > 0, "no running bar found");
    QVERIFY(qAbs(aFirst - bFirst) <= 1);
    QVERIFY(qAbs(aLast - bLast) <= 1);
    const QRectF plot = layoutA.plotRect();
    const RenderOptions &options = renderer.frameOptions(0);
    auto xOf = [&](qint64 ns) {
        return plot.left()
            + plot.width() * double(ns - options.fromNs) / double(options.toNs - options.fromNs);
    };
    QVERIFY2(qAbs(aFirst - xOf(StepOrder::timeOfStep(2))) <= 2,
             qPrintable(QStringLiteral("step 2 at x %1, expected %2")
                            .arg(aFirst)
                            .arg(xOf(StepOrder::timeOfStep(2)))));
    QVERIFY(qAbs(aLast - xOf(StepOrder::timeOfStep(3))) <= 2);
}

QTEST_MAIN(TestCompareRenderer)
#include "tst_comparerenderer.moc"
