// SPDX-License-Identifier: MIT
#include "deadlocktrace.h"
#include "ui/timeline/deadlockpass.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

const QSize kSize(1000, 300);
constexpr qint64 kFrom = 0, kTo = 110;

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 12 && std::abs(a.green() - b.green()) <= 12
        && std::abs(a.blue() - b.blue()) <= 12;
}

// Pixels of `color` in the (2r+1)² square around p: robust to a pixel of antialiasing.
int countNear(const QImage &image, QPointF p, int r, const QColor &color)
{
    int count = 0;
    for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx)
            count += near(image.pixelColor(qRound(p.x()) + dx, qRound(p.y()) + dy), color);
    return count;
}

} // namespace

class TestDeadlockPass : public QObject
{
    Q_OBJECT
private slots:
    void arrowsBowIntoARing();
    void badgeWhereTheCycleCloses();
    void nothingWithoutACycle();
    void drawnByTheRenderer();
    void offscreenCycleDrawsNothing();

private:
    struct Frame
    {
        QImage image;
        qreal x = 0; // where the ring stands
        qreal t1Bar = 0, t2Bar = 0, t1Band = 0, t2Band = 0;
    };
    static Frame paintPass(const TimelineModel &model, qint64 from = kFrom, qint64 to = kTo)
    {
        const Theme &theme = Theme::standard();
        RenderOptions options;
        options.fromNs = from;
        options.toNs = to;
        const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), options.layout);
        const RenderContext context {model, theme, layout, options, from, to};
        Frame frame;
        frame.image = QImage(kSize, QImage::Format_ARGB32_Premultiplied);
        frame.image.fill(theme.background());
        QPainter painter(&frame.image);
        DeadlockPass().paint(painter, context);
        painter.end();
        frame.x = context.xForTime(75); // the middle of 50..100: both stuck, not yet marked
        const qreal band = theme.stateBarTop() + theme.stateBarHeight() + theme.px(2)
            + theme.lockBandHeight() / 2.0;
        const QRectF lane1 = layout.laneRect(0), lane2 = layout.laneRect(1);
        frame.t1Bar = lane1.top() + theme.stateBarCenter();
        frame.t2Bar = lane2.top() + theme.stateBarCenter();
        frame.t1Band = lane1.top() + band;
        frame.t2Band = lane2.top() + band;
        return frame;
    }

    testing::DeadlockTrace m_deadlock = testing::makeDeadlockTrace();
};

void TestDeadlockPass::arrowsBowIntoARing()
{
    const TimelineModel model(m_deadlock.trace);
    QCOMPARE(model.laneIndexOf(m_deadlock.t1), 0);
    const Frame f = paintPass(model);
    const QColor strong = Theme::standard().waitFlow();
    const qreal bow = Theme::standard().px(56);
    // T1 -> L2's band on T2 bows right, T2 -> L1's band on T1 bows left.
    QVERIFY(countNear(f.image, {f.x + bow, (f.t1Bar + f.t2Band) / 2}, 1, strong) >= 3);
    QVERIFY(countNear(f.image, {f.x - bow, (f.t2Bar + f.t1Band) / 2}, 1, strong) >= 3);
    // Thick: the stroke is wider than a hairline flow arrow.
    QVERIFY(countNear(f.image, {f.x + bow, (f.t1Bar + f.t2Band) / 2}, 1, strong) >= 6);
    // Curved, not straight: nothing on the straight line halfway between the ends.
    QCOMPARE(countNear(f.image, {f.x + bow / 2 + 8, f.t1Bar - 6}, 1, strong), 0);
}

void TestDeadlockPass::badgeWhereTheCycleCloses()
{
    const Frame f = paintPass(TimelineModel(m_deadlock.trace));
    const QColor strong = Theme::standard().waitFlow();
    // The badge is a filled pill centred in the ring; its padding (7 px each side
    // of the text) is solid colour.
    const qreal y = (f.t1Bar + f.t2Bar) / 2;
    const qreal half
        = (QFontMetricsF(Theme::standard().boldFont()).horizontalAdvance(QStringLiteral("deadlock"))
           + Theme::standard().px(14))
        / 2;
    QVERIFY(countNear(f.image, {f.x - half + 6, y}, 1, strong) >= 8);
    QVERIFY(countNear(f.image, {f.x + half - 6, y}, 1, strong) >= 8);
}

void TestDeadlockPass::nothingWithoutACycle()
{
    const Frame f = paintPass(TimelineModel(testing::makeDeadlockTrace(false).trace));
    const QImage blank = [&] {
        QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Theme::standard().background());
        return image;
    }();
    QCOMPARE(f.image, blank);
}

void TestDeadlockPass::drawnByTheRenderer()
{
    const TimelineModel model(m_deadlock.trace);
    const Frame f = paintPass(model);
    RenderOptions options;
    options.fromNs = kFrom;
    options.toNs = kTo;
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    TimelineRenderer().render(painter, QRectF(QPointF(0, 0), kSize), model, options);
    painter.end();
    const qreal bow = Theme::standard().px(56);
    QVERIFY(countNear(image, {f.x + bow, (f.t1Bar + f.t2Band) / 2}, 1, Theme::standard().waitFlow())
            >= 3);
}

void TestDeadlockPass::offscreenCycleDrawsNothing()
{
    // A window before anyone waits: no ring to draw.
    const Frame f = paintPass(TimelineModel(m_deadlock.trace), 0, 40);
    QImage blank(kSize, QImage::Format_ARGB32_Premultiplied);
    blank.fill(Theme::standard().background());
    QCOMPARE(f.image, blank);
}

QTEST_MAIN(TestDeadlockPass)
#include "tst_deadlockpass.moc"
