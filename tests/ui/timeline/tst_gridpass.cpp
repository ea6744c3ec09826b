// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/gridpass.h"
#include "ui/timeline/rulerpass.h"
#include "ui/timeline/timeruler.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 240);

RenderOptions window(quint32 selected = 0)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    options.selectedActor = selected;
    return options;
}

// The pixel columns of the major (or minor) ticks inside the plot, as the ruler places them.
std::vector<int> tickColumns(const RenderProbe &probe, bool major = true)
{
    std::vector<int> columns;
    const RenderContext &c = probe.context();
    const QRectF plot = probe.layout().plotRect();
    for (const TimeRuler::Tick &tick : RulerPass::ticks(c, plot.width())) {
        const int column = qRound(c.xForTime(tick.timeNs));
        if (tick.major == major && column >= plot.left() && column < plot.right())
            columns.push_back(column);
    }
    return columns;
}

} // namespace

class TestGridPass : public QObject
{
    Q_OBJECT
private slots:
    void linesAtMajorTicksOnly();
    void everyOtherRowShaded();
    void selectedRowHighlighted();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestGridPass::linesAtMajorTicksOnly()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(GridPass());
    const std::vector<int> ticks = tickColumns(probe);
    QVERIFY2(ticks.size() >= 3, "the window needs a few ticks");
    const int y = qRound(probe.layout().laneRect(0).center().y()); // an unshaded row
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        QCOMPARE(image.pixelColor(ticks[i], y), theme.gridLine());
        // Half-way to the next major tick: plain.
        if (i + 1 < ticks.size())
            QCOMPARE(image.pixelColor((ticks[i] + ticks[i + 1]) / 2, y), theme.background());
    }
    // The ruler's minor ticks get no line: a line every few pixels would be a tint.
    const std::vector<int> minor = tickColumns(probe, false);
    QVERIFY(!minor.empty());
    for (int column : minor)
        QCOMPARE(image.pixelColor(column, y), theme.background());
    // The lines stay in the plot: the label column and the ruler above are untouched.
    QCOMPARE(testsupport::countOther(
                 image, probe.layout().labelsRect().toAlignedRect().adjusted(0, 0, -1, 0),
                 theme.background()),
             0);
    QCOMPARE(testsupport::countOther(
                 image, probe.layout().rulerRect().toAlignedRect().adjusted(0, 0, 0, -1),
                 theme.background()),
             0);
}

void TestGridPass::everyOtherRowShaded()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(GridPass());
    const std::vector<int> ticks = tickColumns(probe);
    const int between = (ticks[0] + ticks[1]) / 2;
    QCOMPARE(image.pixelColor(between, qRound(probe.layout().laneRect(0).center().y())),
             theme.background());
    QCOMPARE(image.pixelColor(between, qRound(probe.layout().laneRect(1).center().y())),
             theme.alternateRow());
    QCOMPARE(image.pixelColor(between, qRound(probe.layout().laneRect(2).center().y())),
             theme.background());
    // Grid lines go over the shading.
    QCOMPARE(image.pixelColor(ticks[0], qRound(probe.layout().laneRect(1).center().y())),
             theme.gridLine());
}

void TestGridPass::selectedRowHighlighted()
{
    const Theme theme = Theme::light();
    const int b = m_model.laneIndexOf(m_sample.b);
    const RenderProbe probe(m_model, theme, window(m_sample.b), kSize);
    const QImage image = probe.renderPass(GridPass());
    const std::vector<int> ticks = tickColumns(probe);
    const int between = (ticks[0] + ticks[1]) / 2;
    QCOMPARE(image.pixelColor(between, qRound(probe.layout().laneRect(b).center().y())),
             theme.selectedRow());
    // The other rows keep their plain or shaded look.
    const int a = m_model.laneIndexOf(m_sample.a);
    QCOMPARE(image.pixelColor(between, qRound(probe.layout().laneRect(a).center().y())),
             a % 2 ? theme.alternateRow() : theme.background());
}

QTEST_MAIN(TestGridPass)
#include "tst_gridpass.moc"
