// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/rulerpass.h"
#include "ui/timeline/timeruler.h"

#include <QFontMetricsF>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 240);

RenderOptions window(bool ruler = true)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    options.layout.showRuler = ruler;
    return options;
}

} // namespace

class TestRulerPass : public QObject
{
    Q_OBJECT
private slots:
    void bandAcrossTheTopWithTicks();
    void labelsInTheRulerNothingBelow();
    void nothingWithoutARuler();
    void labelsNeverOverlapAndShareOneUnit_data();
    void labelsNeverOverlapAndShareOneUnit();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestRulerPass::bandAcrossTheTopWithTicks()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(RulerPass());
    const QRectF ruler = probe.layout().rulerRect();
    QVERIFY(ruler.isValid());
    // The band reaches over the label column's corner too.
    QCOMPARE(image.pixelColor(
                 QPointF(probe.layout().labelsRect().left() + 2, ruler.top() + 2).toPoint()),
             theme.rulerBackground());
    // A major tick stands on the ruler's bottom edge at each major time.
    const RenderContext &c = probe.context();
    int majors = 0;
    for (const TimeRuler::Tick &tick :
         TimeRuler::ticks(c.fromNs, c.toNs, ruler.width(), m_model.startNs())) {
        const int x = qRound(c.xForTime(tick.timeNs));
        if (!tick.major || x >= ruler.right())
            continue;
        ++majors;
        QCOMPARE(image.pixelColor(x, qRound(ruler.bottom() - theme.px(3))), theme.text());
        QCOMPARE(image.pixelColor(x + 2, qRound(ruler.bottom() - theme.px(3))),
                 theme.rulerBackground());
    }
    QVERIFY(majors >= 3);
}

void TestRulerPass::labelsInTheRulerNothingBelow()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(RulerPass());
    const QRectF ruler = probe.layout().rulerRect();
    // Above the ticks, only the labels' text differs from the band.
    const QRect labels
        = QRectF(ruler.topLeft(), QPointF(ruler.right(), ruler.bottom() - theme.px(11)))
              .toAlignedRect();
    const int ink = testsupport::countNear(image, labels, theme.text(), 80);
    QVERIFY2(ink > 50, qPrintable(QString::number(ink)));
    // The rows under the ruler are not its business (its bottom edge line aside).
    const QRectF plot = probe.layout().plotRect();
    const QRect below = QRectF(QPointF(0, plot.top() + 1), QPointF(kSize.width(), kSize.height()))
                            .toAlignedRect();
    QCOMPARE(testsupport::countOther(image, below, theme.background()), 0);
}

void TestRulerPass::nothingWithoutARuler()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(false), kSize);
    QVERIFY(!probe.layout().rulerRect().isValid());
    QCOMPARE(probe.renderPass(RulerPass()), probe.background());
}

void TestRulerPass::labelsNeverOverlapAndShareOneUnit_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("windowNs");
    QTest::addColumn<int>("width");
    QTest::addColumn<qint64>("offsetNs"); // where the window starts, after the trace's start
    for (int percent : {100, 150, 200, 250}) {
        for (qint64 window : {qint64(1000000), qint64(7600000000), qint64(1234567), qint64(950)}) {
            for (int width : {600, 1000}) {
                for (qint64 offset : {qint64(0), qint64(7599000000)}) {
                    QTest::newRow(qPrintable(QStringLiteral("%1 % %2 ns %3 px from %4")
                                                 .arg(percent)
                                                 .arg(window)
                                                 .arg(width)
                                                 .arg(offset)))
                        << percent << window << width << offset;
                }
            }
        }
    }
}

void TestRulerPass::labelsNeverOverlapAndShareOneUnit()
{
    QFETCH(int, percent);
    QFETCH(qint64, windowNs);
    QFETCH(int, width);
    QFETCH(qint64, offsetNs);
    const Theme theme = Theme::light(percent / 100.0);
    RenderOptions options;
    options.fromNs = m_model.startNs() + offsetNs;
    options.toNs = options.fromNs + windowNs;
    const RenderProbe probe(m_model, theme, options, QSize(width, 240));
    const QRectF ruler = probe.layout().rulerRect();
    const QFontMetricsF metrics(theme.smallFont());
    const auto ticks = RulerPass::ticks(probe.context(), ruler.width());
    QStringList units;
    qreal lastEnd = -1e9, lastX = -1e9, spacing = -1;
    int labels = 0;
    for (const TimeRuler::Tick &tick : ticks) {
        if (!tick.major)
            continue;
        ++labels;
        const qreal x = probe.x(tick.timeNs);
        // Evenly spaced: every label gets its place, none is skipped for lack of room.
        QVERIFY2(x + RulerPass::labelGap(theme) >= lastEnd,
                 qPrintable(QStringLiteral("'%1' overlaps its left neighbour").arg(tick.label)));
        if (lastX > -1e9) {
            if (spacing < 0)
                spacing = x - lastX;
            QVERIFY(qAbs((x - lastX) - spacing) < 1.0);
        }
        lastX = x;
        // The ruler keeps a margin after each label, and drops a label that would break it.
        lastEnd = x + RulerPass::labelGap(theme) + metrics.horizontalAdvance(tick.label)
            + RulerPass::labelMargin(theme);
        const QString unit = tick.label.section(QLatin1Char(' '), -1);
        if (!units.contains(unit))
            units.append(unit);
    }
    // Zoomed to a microsecond far from the start, the one label "7599000.5 µs" may be all that
    // fits.
    QVERIFY2(labels >= (offsetNs == 0 ? 2 : 1), qPrintable(QString::number(labels)));
    QVERIFY2(units.size() == 1, qPrintable(units.join(QLatin1Char(','))));
}

QTEST_MAIN(TestRulerPass)
#include "tst_rulerpass.moc"
