// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/counterpass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;
using weft::testsupport::window;

namespace {

const QSize kSize(1000, 260);

// The counter's drawing row: its track less the pass's padding.
QRectF counterRow(const RenderProbe &probe)
{
    const Theme &theme = probe.theme();
    return probe.layout().counterRect(0).adjusted(0, theme.px(4), 0, -theme.px(4));
}

} // namespace

class TestCounterPass : public QObject
{
    Q_OBJECT
private slots:
    void stepLineAtTheSampledValue();
    void filledUnderTheLineOnly();
    void nothingBeforeTheFirstSample();

private:
    // count: 1 at 30, 2 at 60, over a track scaled 0..2 (sampletrace.h).
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestCounterPass::stepLineAtTheSampledValue()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    QCOMPARE(m_model.counters().size(), std::size_t(1));
    const QImage image = probe.renderPass(CounterPass());
    const QRectF row = counterRow(probe);
    const qreal half = row.bottom() - row.height() / 2, full = row.top();
    // Value 1 (half the scale) between the samples, 2 (the top) after the second.
    QVERIFY(testsupport::countNear(image,
                                   testsupport::around(QPointF(probe.x(45), half).toPoint(), 1),
                                   theme.counterLine())
            > 0);
    QVERIFY(testsupport::countNear(image,
                                   testsupport::around(QPointF(probe.x(90), full).toPoint(), 1),
                                   theme.counterLine())
            > 0);
    // The line steps: at value 2 there is no line at value 1's height.
    QCOMPARE(testsupport::countNear(image,
                                    testsupport::around(QPointF(probe.x(90), half).toPoint(), 1),
                                    theme.counterLine()),
             0);
}

void TestCounterPass::filledUnderTheLineOnly()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(CounterPass());
    const QRectF row = counterRow(probe);
    const QColor fill = testsupport::over(theme.background(), theme.counterFill());
    const int x = qRound(probe.x(45));
    // Under value 1: filled; above it (a quarter from the top): the background.
    QCOMPARE(image.pixelColor(x, qRound(row.bottom() - row.height() / 4)), fill);
    QCOMPARE(image.pixelColor(x, qRound(row.top() + row.height() / 4)), theme.background());
    // After the step to 2 the fill reaches that height too.
    QCOMPARE(image.pixelColor(qRound(probe.x(90)), qRound(row.top() + row.height() / 4)), fill);
}

void TestCounterPass::nothingBeforeTheFirstSample()
{
    // The counter has no value before 30: its row is empty there (the value
    // label at the right end aside).
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(CounterPass());
    const QRectF row = probe.layout().counterRect(0);
    const QRect before = QRectF(QPointF(probe.layout().plotRect().left(), row.top()),
                                QPointF(probe.x(28), row.bottom()))
                             .toAlignedRect();
    QCOMPARE(testsupport::countOther(image, before, theme.background()), 0);
    // ... and the lanes above it are not the pass's business.
    const QRectF lanes(probe.layout().plotRect().topLeft(),
                       QPointF(probe.layout().plotRect().right(), row.top() - 1));
    QCOMPARE(testsupport::countOther(image, lanes.toAlignedRect(), theme.background()), 0);
}

QTEST_MAIN(TestCounterPass)
#include "tst_counterpass.moc"
