// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/labelpass.h"

#include <QFontMetricsF>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 260);

RenderOptions labelled(bool show)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    options.layout.showLabels = show;
    return options;
}

// A lane's cell in the label column, as tall as its bars (where its name is).
QRect labelCell(const RenderProbe &probe, int lane)
{
    const QRectF labels = probe.layout().labelsRect(), row = probe.layout().laneRect(lane);
    return QRectF(labels.left(), row.top(), labels.width() - 1, probe.theme().laneHeight())
        .toAlignedRect();
}

} // namespace

class TestLabelPass : public QObject
{
    Q_OBJECT
private slots:
    void everyLaneNamedInTheLabelColumn();
    void eachLabelIsItsLanesName();
    void groupHeaderAndCounterName();
    void lanesUnlabelledWithoutTheColumn();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestLabelPass::everyLaneNamedInTheLabelColumn()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, labelled(true), kSize);
    const QImage image = probe.renderPass(LabelPass());
    for (int lane = 0; lane < int(m_model.lanes().size()); ++lane) {
        const int ink = testsupport::countNear(image, labelCell(probe, lane), theme.text(), 60);
        QVERIFY2(ink > 20, qPrintable(QStringLiteral("lane %1: %2").arg(lane).arg(ink)));
    }
    // Odd rows shaded there as in the plot, so a name lines up with its lane.
    const QRect odd = labelCell(probe, 1);
    QCOMPARE(image.pixelColor(odd.right() - 2, odd.center().y()), theme.alternateRow());
    // The lanes' part of the plot is the other passes' business.
    const QRectF plot = probe.layout().plotRect();
    const QRect lanes = QRectF(QPointF(plot.left() + 1, probe.layout().laneRect(0).top()),
                               QPointF(plot.right(), probe.layout().counterRect(0).bottom()))
                            .toAlignedRect();
    QCOMPARE(testsupport::countOther(image, lanes, theme.background()), 0);
}

void TestLabelPass::eachLabelIsItsLanesName()
{
    // The ink of each cell spans the lane's label as its font measures it (the
    // main thread's in bold), from the label indent on.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, labelled(true), kSize);
    const QImage image = probe.renderPass(LabelPass());
    for (int lane = 0; lane < int(m_model.lanes().size()); ++lane) {
        const Lane &l = m_model.lanes()[std::size_t(lane)];
        const QFont font
            = m_model.trace().actor(l.actor).isMainThread ? theme.boldFont() : theme.font();
        const qreal start = probe.layout().labelsRect().left() + theme.labelIndent();
        const qreal end = start + QFontMetricsF(font).horizontalAdvance(l.label);
        const QRect cell = labelCell(probe, lane);
        int first = -1, last = -1;
        for (int x = cell.left(); x <= cell.right(); ++x) {
            const QRect column(x, cell.top(), 1, cell.height());
            if (testsupport::countNear(image, column, theme.text(), 100) > 0) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        const QString where = QStringLiteral("%1: ink %2..%3, text %4..%5")
                                  .arg(l.label)
                                  .arg(first)
                                  .arg(last)
                                  .arg(start)
                                  .arg(end);
        QVERIFY2(std::abs(first - start) <= 3 && std::abs(last - end) <= 3, qPrintable(where));
    }
}

void TestLabelPass::groupHeaderAndCounterName()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, labelled(true), kSize);
    const QImage image = probe.renderPass(LabelPass());
    // The process header spans labels and plot, in its own colour, with its name.
    const QRect header = probe.layout().groupHeaderRect(0).toAlignedRect();
    QCOMPARE(image.pixelColor(header.right() - 2, header.center().y()), theme.groupHeader());
    QVERIFY(testsupport::countNear(image, header, theme.text(), 60) > 20);
    // The counter's name sits in the label column beside its track.
    const QRectF counter = probe.layout().counterRect(0);
    const QRect cell = QRectF(probe.layout().labelsRect().left(), counter.top(),
                              probe.layout().labelsRect().width() - 1, counter.height())
                           .toAlignedRect();
    QVERIFY(testsupport::countNear(image, cell, theme.text(), 60) > 20);
}

void TestLabelPass::lanesUnlabelledWithoutTheColumn()
{
    // No label column: only the group header is left (it spans the plot).
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, labelled(false), kSize);
    QCOMPARE(probe.layout().labelsRect().width(), 0.0);
    const QImage image = probe.renderPass(LabelPass());
    const QRect header = probe.layout().groupHeaderRect(0).toAlignedRect();
    QCOMPARE(image.pixelColor(header.right() - 2, header.center().y()), theme.groupHeader());
    const QRect rows = QRectF(QPointF(0, probe.layout().laneRect(0).top()),
                              QPointF(kSize.width(), kSize.height()))
                           .toAlignedRect();
    QCOMPARE(testsupport::countOther(image, rows, theme.background()), 0);
}

QTEST_MAIN(TestLabelPass)
#include "tst_labelpass.moc"
