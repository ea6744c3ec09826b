// SPDX-License-Identifier: MIT
#include "core/derived/sequencediagram.h"
#include "tests/common/sampletrace.h"
#include "ui/sequence/sequencelayout.h"
#include "ui/sequence/sequencerenderer.h"
#include "ui/timeline/theme.h"

#include <QImage>
#include <QPainter>
#include <QTest>
#include <cmath>

using namespace weft;
using namespace weft::ui;

class TestSequenceRenderer : public QObject
{
    Q_OBJECT
private slots:
    void arrowsAreDrawnInTheirColourOnTheirRows_data();
    void arrowsAreDrawnInTheirColourOnTheirRows();
    void labelsNeverOverlap_data();
    void labelsNeverOverlap();
    void aSelectedRowIsShaded();
};

namespace {

QImage paint(const Trace &trace, const SequenceDiagram &diagram, const SequenceLayout &layout,
             const Theme &theme, int selected = -1)
{
    QImage image(layout.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    SequenceRenderer(theme).render(painter, diagram, layout, selected);
    Q_UNUSED(trace);
    return image;
}

bool near(QColor a, QColor b, int tolerance = 40)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue())
        <= tolerance;
}

// Whether some pixel within a pixel above or below (x, y) has the colour.
bool colourNear(const QImage &image, qreal x, qreal y, QColor colour)
{
    for (int dy = -1; dy <= 1; ++dy) {
        const QPoint p(int(x), int(std::round(y)) + dy);
        if (image.rect().contains(p) && near(image.pixelColor(p), colour))
            return true;
    }
    return false;
}

Theme themeFor(bool dark, int percent)
{
    return Theme::make(dark ? Theme::Variant::Dark : Theme::Variant::Light, percent / 100.0);
}

void addThemes()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("percent");
    QTest::newRow("light 100 %") << false << 100;
    QTest::newRow("dark 100 %") << true << 100;
    QTest::newRow("light 200 %") << false << 200;
    QTest::newRow("dark 250 %") << true << 250;
}

} // namespace

void TestSequenceRenderer::arrowsAreDrawnInTheirColourOnTheirRows_data()
{
    addThemes();
}

void TestSequenceRenderer::arrowsAreDrawnInTheirColourOnTheirRows()
{
    QFETCH(bool, dark);
    QFETCH(int, percent);
    const Theme theme = themeFor(dark, percent);
    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    const SequenceDiagram diagram(sample.trace);
    const SequenceLayout layout(sample.trace, diagram, theme, QStringLiteral("title"));
    const QImage image = paint(sample.trace, diagram, layout, theme);
    QVERIFY(!image.isNull());
    QVERIFY(layout.size().width() > 100 && layout.size().height() > 100);

    int arrows = 0;
    for (std::size_t i = 0; i < diagram.items().size(); ++i) {
        const SequenceDiagram::Item &item = diagram.items()[i];
        if (!item.isArrow())
            continue;
        ++arrows;
        const SequenceLayout::Row &row = layout.rows()[i];
        const QColor colour = item.kind == SequenceDiagram::ItemKind::Message ? theme.messageFlow()
                                                                              : theme.packetFlow();
        // A quarter of the way along the shaft, its row's height; and not a row above.
        const qreal x = row.arrow.x1() + (row.arrow.x2() - row.arrow.x1()) / 4;
        QVERIFY2(colourNear(image, x, row.y, colour),
                 qPrintable(QStringLiteral("row %1 has no arrow colour at its height").arg(i)));
        QVERIFY(!colourNear(image, x, row.band.top() - theme.px(4), colour));
        // The label sits above its arrow, between its ends.
        QVERIFY(row.labelRect.bottom() <= row.y);
        QVERIFY(row.labelRect.left() >= std::min(row.arrow.x1(), row.arrow.x2()));
        QVERIFY(row.labelRect.right() <= std::max(row.arrow.x1(), row.arrow.x2()));
    }
    QCOMPARE(arrows, 3); // the sample: a job message and 10 bytes received as 4 + 6
}

void TestSequenceRenderer::labelsNeverOverlap_data()
{
    addThemes();
}

void TestSequenceRenderer::labelsNeverOverlap()
{
    QFETCH(bool, dark);
    QFETCH(int, percent);
    const Theme theme = themeFor(dark, percent);
    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    const SequenceDiagram diagram(sample.trace);
    const SequenceLayout layout(sample.trace, diagram, theme);
    std::vector<QRectF> rects;
    for (const SequenceLayout::Row &row : layout.rows())
        rects.push_back(row.labelRect);
    for (const SequenceLayout::Header &header : layout.headers())
        rects.push_back(header.box);
    const QRectF picture(QPointF(0, 0), layout.size());
    for (std::size_t i = 0; i < rects.size(); ++i) {
        QVERIFY(!rects[i].isEmpty());
        QVERIFY2(picture.contains(rects[i]), qPrintable(QStringLiteral("label %1 is cut").arg(i)));
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].intersects(rects[j]),
                     qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
    }
    // Labels are never cut short in the sample: every column is wide enough.
    for (const SequenceLayout::Row &row : layout.rows())
        QVERIFY2(!row.label.contains(QChar(0x2026)), qPrintable(row.label));
}

void TestSequenceRenderer::aSelectedRowIsShaded()
{
    const Theme theme = Theme::light();
    const testsupport::SampleTrace sample = testsupport::makeSampleTrace();
    const SequenceDiagram diagram(sample.trace);
    const SequenceLayout layout(sample.trace, diagram, theme);
    const QImage image = paint(sample.trace, diagram, layout, theme, 0);
    const QRectF band = layout.rows()[0].band;
    const QPoint corner(int(band.left()) + 2, int(band.top()) + 2);
    QCOMPARE(image.pixelColor(corner).rgb(), theme.selectedRow().rgb());
}

QTEST_MAIN(TestSequenceRenderer)
#include "tst_sequencerenderer.moc"
