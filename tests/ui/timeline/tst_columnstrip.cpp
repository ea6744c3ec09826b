// SPDX-License-Identifier: MIT
#include "ui/export/svgwriter.h"
#include "ui/timeline/columnstrip.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QTest>
#include <QWidget>
#include <functional>

using namespace weft::ui;

namespace {

struct Fill
{
    qreal x0, x1;
    QColor color;
};

// Alternating narrow runs, as a lane zoomed out over many events gives.
std::vector<Fill> narrowRuns(int count, qreal left)
{
    const QColor colors[]
        = {QColor(0x2e, 0xa0, 0x43), QColor(0xd9, 0x30, 0x25), QColor(0x8a, 0xb8, 0xf8)};
    std::vector<Fill> runs;
    runs.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        runs.push_back({left + 3.0 * i + 0.4, left + 3.0 * i + 2.4, colors[i % 3]});
    return runs;
}

QImage blank(const QSize &size, qreal scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    return image;
}

QImage withFillRect(const QSize &size, qreal scale, const QRectF &extent,
                    const std::vector<Fill> &runs, const QPointF &offset = {})
{
    QImage image = blank(size, scale);
    QPainter painter(&image);
    painter.translate(offset);
    for (const Fill &f : runs)
        painter.fillRect(
            QRectF(f.x0, extent.top(), std::max<qreal>(f.x1 - f.x0, 1 / scale), extent.height()),
            f.color);
    return image;
}

QImage withStrip(const QSize &size, qreal scale, const QRectF &extent,
                 const std::vector<Fill> &runs, const QPointF &offset = {})
{
    QImage image = blank(size, scale);
    QPainter painter(&image);
    painter.translate(offset);
    ColumnStrip strip(painter, extent);
    for (const Fill &f : runs)
        strip.fill(f.x0, f.x1, f.color);
    return image; // the strip is flushed before the painter ends
}

// A widget that paints what it is given: rendered into a window at an offset,
// its painter's device transform includes where the widget sits.
class PaintedWidget : public QWidget
{
public:
    explicit PaintedWidget(std::function<void(QPainter &)> paint)
        : m_paint(std::move(paint))
    {
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        m_paint(painter);
    }

private:
    std::function<void(QPainter &)> m_paint;
};

} // namespace

class TestColumnStrip : public QObject
{
    Q_OBJECT

private slots:
    void paintsWhatFillRectPaints_data();
    void paintsWhatFillRectPaints();
    void rowCoversTheRowsFillRectCovers_data();
    void rowCoversTheRowsFillRectCovers();
    void vectorTargetsGetRectangles();
    void vectorTargetsLetALaterRunCoverAnEarlierOne();
    void vectorTargetsGetOneGroupPerColour();
    void translucentColoursBlend();
    void farOutsideTheExtentIsClipped();
    void aWidgetAwayFromTheWindowsCornerGetsItsRowWhereFillRectPutsIt_data();
    void aWidgetAwayFromTheWindowsCornerGetsItsRowWhereFillRectPutsIt();
};

void TestColumnStrip::paintsWhatFillRectPaints_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("few runs (rectangles)") << 10 << 1.0;
    QTest::newRow("many runs (one row)") << 300 << 1.0;
    QTest::newRow("many runs at 2x") << 300 << 2.0;
}

void TestColumnStrip::rowCoversTheRowsFillRectCovers_data()
{
    QTest::addColumn<QRectF>("extent");
    QTest::addColumn<QPointF>("offset"); // the painter's translation
    QTest::addColumn<qreal>("scale");
    // A stretched lane's bars start between pixels; the row is copied onto
    // each device row, which must be the rows fillRect rounds to.
    QTest::newRow("fractional top and height") << QRectF(20, 10.4, 960, 13.3) << QPointF() << 1.0;
    QTest::newRow("fractional, 2x") << QRectF(20, 10.3, 960, 13.6) << QPointF() << 2.0;
    QTest::newRow("fractional, 1.5x") << QRectF(20, 10.4, 960, 13.3) << QPointF() << 1.5;
    QTest::newRow("translated painter") << QRectF(20, 10, 960, 14) << QPointF(7, 3.6) << 1.0;
    QTest::newRow("translated painter, 2x") << QRectF(20, 10, 960, 14) << QPointF(7, 3.6) << 2.0;
}

void TestColumnStrip::rowCoversTheRowsFillRectCovers()
{
    QFETCH(QRectF, extent);
    QFETCH(QPointF, offset);
    QFETCH(qreal, scale);
    const QSize size(1000, 40);
    // Runs only in the middle: the columns left and right of them stay untouched.
    std::vector<Fill> fills = narrowRuns(200, extent.left() + 100.5);
    const QImage expected = withFillRect(size, scale, extent, fills, offset);
    const QImage actual = withStrip(size, scale, extent, fills, offset);
    QCOMPARE(actual, expected);
}

void TestColumnStrip::paintsWhatFillRectPaints()
{
    QFETCH(int, runs);
    QFETCH(qreal, scale);
    const QSize size(1000, 40);
    const QRectF extent(20, 10, 960, 14);
    const std::vector<Fill> fills = narrowRuns(runs, extent.left());
    const QImage expected = withFillRect(size, scale, extent, fills);
    const QImage actual = withStrip(size, scale, extent, fills);
    QCOMPARE(actual.size(), expected.size());
    // The first run's colour sits where it was filled, and the row above the extent is untouched.
    QCOMPARE(actual.pixelColor(QPoint(int((extent.left() + 1.4) * scale), int(17 * scale))),
             fills[0].color);
    QCOMPARE(actual.pixelColor(QPoint(int(500 * scale), int(5 * scale))), QColor(Qt::white));
    QCOMPARE(actual, expected);
}

void TestColumnStrip::vectorTargetsGetRectangles()
{
    // A QPicture records paint commands, as the SVG and PDF engines do: the
    // strip must leave real rectangles there, not a bitmap.
    const QRectF extent(0, 0, 900, 10);
    QPicture picture;
    {
        QPainter painter(&picture);
        ColumnStrip strip(painter, extent);
        for (const Fill &f : narrowRuns(300, 0))
            strip.fill(f.x0, f.x1, f.color);
    }
    QImage replayed = blank(QSize(900, 10), 1);
    {
        QPainter painter(&replayed);
        picture.play(&painter);
    }
    QCOMPARE(replayed, withFillRect(QSize(900, 10), 1, extent, narrowRuns(300, 0)));
}

namespace {
QImage replayedOnVector(const QSize &size, const QRectF &extent, const std::vector<Fill> &fills)
{
    QPicture picture;
    {
        QPainter painter(&picture);
        ColumnStrip strip(painter, extent);
        for (const Fill &f : fills)
            strip.fill(f.x0, f.x1, f.color);
    }
    QImage replayed = blank(size, 1);
    QPainter painter(&replayed);
    picture.play(&painter);
    return replayed;
}
} // namespace

void TestColumnStrip::vectorTargetsLetALaterRunCoverAnEarlierOne()
{
    // Painted a colour at a time, the runs must first be cut where they overlap.
    const std::vector<Fill> fills = {
        {0, 100, QColor(Qt::red)},   {50, 150, QColor(Qt::blue)},   {20, 30, QColor(Qt::green)},
        {120, 130, QColor(Qt::red)}, {140, 190, QColor(Qt::green)}, {10, 15, QColor(Qt::blue)},
    };
    const QSize size(200, 10);
    const QRectF extent(0, 0, 200, 10);
    QCOMPARE(replayedOnVector(size, extent, fills), withFillRect(size, 1, extent, fills));
}

void TestColumnStrip::vectorTargetsGetOneGroupPerColour()
{
    // An SVG writer opens a group for every change of brush: 300 alternating
    // runs must not become 300 groups.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    SvgWriter svg(&out, QSize(900, 10), QStringLiteral("t"), QStringLiteral("d"));
    {
        QPainter painter(&svg);
        ColumnStrip strip(painter, QRectF(0, 0, 900, 10));
        for (const Fill &f : narrowRuns(300, 0))
            strip.fill(f.x0, f.x1, f.color);
    }
    QCOMPARE(out.data().count("<rect "), 300);
    QCOMPARE(out.data().count("<g "), 3);
}

void TestColumnStrip::translucentColoursBlend()
{
    std::vector<Fill> fills = narrowRuns(100, 0);
    fills.push_back({150, 190, QColor(0, 0, 0, 128)});
    const QImage image = withStrip(QSize(200, 10), 1, QRectF(0, 0, 200, 10), fills);
    const QColor blended = image.pixelColor(170, 5);
    QVERIFY2(blended.red() > 90 && blended.red() < 170, qPrintable(blended.name()));
}

void TestColumnStrip::farOutsideTheExtentIsClipped()
{
    // Zoomed far in, a long span's ends are billions of pixels away.
    std::vector<Fill> fills = narrowRuns(60, 10);
    fills.push_back({-4e15, 4e15, QColor(Qt::blue)});
    const QImage image = withStrip(QSize(120, 10), 1, QRectF(10, 0, 100, 10), fills);
    QCOMPARE(image.pixelColor(60, 5), QColor(Qt::blue));
    QCOMPARE(image.pixelColor(5, 5), QColor(Qt::white)); // left of the extent
    QCOMPARE(image.pixelColor(115, 5), QColor(Qt::white)); // right of it
}

void TestColumnStrip::aWidgetAwayFromTheWindowsCornerGetsItsRowWhereFillRectPutsIt_data()
{
    QTest::addColumn<QPoint>("offset"); // where the widget is painted in the target
    QTest::addColumn<qreal>("scale");
    QTest::newRow("below a toolbar") << QPoint(0, 93) << 1.0;
    QTest::newRow("right of a dock, below a toolbar") << QPoint(41, 67) << 1.0;
    QTest::newRow("below a toolbar, 2x") << QPoint(0, 93) << 2.0;
    // 4.5 device pixels in: runs rounded where they fall on the device.
    QTest::newRow("an odd offset at 1.5x") << QPoint(3, 93) << 1.5;
}

// The timeline is painted straight onto its widget, which sits below the
// window's toolbars: the strip's row must land in the widget, not as far again
// below it (zoomed out, every lane's ticks and slices were drawn a lane or two
// lower than its bar, and the top lanes had none).
void TestColumnStrip::aWidgetAwayFromTheWindowsCornerGetsItsRowWhereFillRectPutsIt()
{
    QFETCH(QPoint, offset);
    QFETCH(qreal, scale);
    const QRectF extent(20, 10, 300, 14);
    const std::vector<Fill> fills = narrowRuns(90, extent.left() + 5.5); // the row, not rectangles
    const auto render = [&](bool strip) {
        PaintedWidget widget([&](QPainter &painter) {
            painter.fillRect(QRect(0, 0, 400, 40), Qt::white);
            if (!strip) {
                for (const Fill &f : fills)
                    painter.fillRect(QRectF(f.x0, extent.top(), f.x1 - f.x0, extent.height()),
                                     f.color);
                return;
            }
            ColumnStrip row(painter, extent);
            for (const Fill &f : fills)
                row.fill(f.x0, f.x1, f.color);
        });
        widget.resize(400, 40);
        QImage image = blank(QSize(500, 200), scale);
        widget.render(&image, offset);
        return image;
    };
    const QImage expected = render(false);
    // The widget's own picture is there at all: the first run's colour where it was filled.
    QCOMPARE(expected.pixelColor(QPoint(int((offset.x() + extent.left() + 6.5) * scale),
                                        int((offset.y() + 17) * scale))),
             fills[0].color);
    QCOMPARE(render(true), expected);
}

QTEST_MAIN(TestColumnStrip)
#include "tst_columnstrip.moc"
