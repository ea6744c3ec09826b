// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/legendpass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 320);

RenderOptions legend(bool show)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    options.layout.showLegend = show;
    return options;
}

} // namespace

class TestLegendPass : public QObject
{
    Q_OBJECT
private slots:
    void swatchOfEveryStateInTheLegendRect_data();
    void swatchOfEveryStateInTheLegendRect();
    void swatchOfTheLockUsed();
    void nothingAboveTheLegend();
    void nothingWhenNotShown();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestLegendPass::swatchOfEveryStateInTheLegendRect_data()
{
    QTest::addColumn<int>("state");
    for (int s = 0; s < int(LaneState::Count); ++s)
        QTest::newRow(qPrintable(Theme::light().stateName(LaneState(s)))) << s;
}

void TestLegendPass::swatchOfEveryStateInTheLegendRect()
{
    QFETCH(int, state);
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(true), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const QRect rect = probe.layout().legendRect().toAlignedRect();
    QVERIFY(!rect.isEmpty());
    // A bar swatch is a solid block of the state's colour, not a few stray pixels.
    const int swatch = testsupport::countNear(image, rect, theme.stateColor(LaneState(state)), 0);
    QVERIFY2(swatch >= theme.px(14) * theme.px(14), qPrintable(QString::number(swatch)));
}

void TestLegendPass::swatchOfTheLockUsed()
{
    // The sample holds lock L: the legend shows its band colour.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(true), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const int band = testsupport::countNear(image, probe.layout().legendRect().toAlignedRect(),
                                            theme.objectColor(m_sample.lock), 0);
    QVERIFY2(band >= theme.px(14) * theme.px(4), qPrintable(QString::number(band)));
}

void TestLegendPass::nothingAboveTheLegend()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(true), kSize);
    const QImage image = probe.renderPass(LegendPass());
    const QRectF rect = probe.layout().legendRect();
    const QRect above
        = QRectF(QPointF(0, 0), QPointF(kSize.width(), rect.top() - 1)).toAlignedRect();
    QCOMPARE(testsupport::countOther(image, above, theme.background()), 0);
}

void TestLegendPass::nothingWhenNotShown()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, legend(false), kSize);
    QCOMPARE(probe.renderPass(LegendPass()), probe.background());
}

QTEST_MAIN(TestLegendPass)
#include "tst_legendpass.moc"
