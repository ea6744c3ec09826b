// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/timeline/flowpass.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QImage>
#include <QPainter>
#include <QTest>
#include <tuple>

using namespace weft;
using namespace weft::ui;

namespace {

const QSize kSize(1000, 200);
constexpr qint64 kStep = 100;

struct Traffic
{
    Trace trace;
    quint32 producer = 0, middle = 0, consumer = 0;
};

// A producer messages a consumer two lanes below `count` times, each message
// received at the instant it is sent (a vertical arrow at kStep * k), each
// optionally followed 1 ns later by a twin that lands on the same pixels.
Traffic makeTraffic(int count, bool twins = false)
{
    Traffic t;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    t.producer = builder.addActor({QStringLiteral("producer"), 11, process, false, false});
    t.middle = builder.addActor({QStringLiteral("middle"), 12, process, false, false});
    t.consumer = builder.addActor({QStringLiteral("consumer"), 13, process, false, false});
    const quint32 queue = builder.addObject({QStringLiteral("q"), ObjectKind::Queue});
    for (quint32 actor : {t.producer, t.middle, t.consumer})
        builder.addEvent({0, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    for (int k = 1; k <= count; ++k) {
        for (qint64 offset = 0; offset <= (twins ? 1 : 0); ++offset) {
            const quint32 tag = builder.intern(QStringLiteral("m%1.%2").arg(k).arg(offset));
            builder.addEvent(
                {kStep * k + offset, 32, t.producer, queue, tag, 0, EventKind::MessageSend, 0});
            builder.addEvent(
                {kStep * k + offset, 32, t.consumer, queue, tag, 0, EventKind::MessageRecv, 0});
        }
    }
    t.trace = builder.build();
    return t;
}

// FlowPass alone, on the background, in an image of `size` pixels at `ratio`
// device pixels per pixel.
QImage paintFlowPass(const RenderContext &context, QSize size, qreal ratio = 1)
{
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(context.theme.background());
    QPainter painter(&image);
    FlowPass().paint(painter, context);
    painter.end();
    return image;
}

QImage paintFlows(const TimelineModel &model, quint32 selected = 0)
{
    const Theme &theme = Theme::standard();
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = kStep * 22;
    options.selectedActor = selected;
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), options.layout);
    const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
    return paintFlowPass(context, kSize);
}

// How much darker than the background the few pixels around the first arrow
// are, where it crosses the middle lane: the arrow's ink, whatever its antialiasing.
int inkOfFirstArrow(const TimelineModel &model, const QImage &image)
{
    const Theme &theme = Theme::standard();
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), {});
    const qreal x
        = layout.plotRect().left() + double(kStep) / double(kStep * 22) * layout.plotRect().width();
    const int y = qRound(layout.laneRect(1).center().y());
    const QColor background = theme.background();
    int ink = 0;
    for (int dx = -4; dx <= 4; ++dx) {
        const QColor c = image.pixelColor(qRound(x) + dx, y);
        ink += (background.red() - c.red()) + (background.green() - c.green())
            + (background.blue() - c.blue());
    }
    return ink;
}

// locks.counter with 24 threads: main starts them all within a few ns, each
// waits for the lock on and off, and main's joins all return at the end.
Trace makeFan(int threads)
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 main = builder.addActor({QStringLiteral("main"), 10, process, true, false});
    const quint32 lock = builder.addObject({QStringLiteral("L"), ObjectKind::Lock});
    builder.addEvent({0, 10, main, 0, 0, 0, EventKind::ThreadStart, 0});
    std::vector<quint32> workers;
    workers.reserve(std::size_t(threads));
    for (int k = 0; k < threads; ++k)
        workers.push_back(builder.addActor(
            {QStringLiteral("w%1").arg(k), qint64(100 + k), process, false, false}));
    for (int k = 0; k < threads; ++k) {
        const quint32 w = workers[std::size_t(k)];
        builder.addEvent({1 + k, w, main, 0, 0, 0, EventKind::ThreadSpawn, 0});
        builder.addEvent({2 + k, 0, w, 0, 0, 0, EventKind::ThreadStart, 0});
    }
    // The lock passes from worker to worker: each waits, its predecessor holds.
    for (int k = 0; k < threads; ++k) {
        const quint32 w = workers[std::size_t(k)];
        const qint64 t = 100 + 60 * k;
        builder.addEvent({t, 0, w, lock, 0, 0, EventKind::LockWait, 0});
        builder.addEvent({t + 60, 0, w, lock, 0, 0, EventKind::LockAcquired, 0});
        builder.addEvent({t + 120, 0, w, lock, 0, 0, EventKind::LockReleased, 0});
        builder.addEvent({t + 121, 0, w, 0, 0, 0, EventKind::ThreadEnd, 0});
    }
    const qint64 end = 100 + 60 * threads + 200;
    for (int k = 0; k < threads; ++k)
        builder.addEvent({end + k, workers[std::size_t(k)], main, 0, 0, 0, EventKind::JoinDone, 0});
    builder.addEvent({end + threads + 1, 0, main, 0, 0, 0, EventKind::ThreadEnd, 0});
    return builder.build();
}

std::vector<FlowArrow> arrowsOf(const TimelineModel &model, const Theme &theme, bool all,
                                quint32 selected = 0, QSize size = QSize(1000, 800))
{
    RenderOptions options;
    options.fromNs = -10;
    options.toNs = model.endNs() + 10;
    options.allArrows = all;
    options.selectedActor = selected;
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), size), options.layout);
    const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
    return FlowPass::arrows(context);
}

std::size_t fanned(const std::vector<FlowArrow> &arrows, FlowKind kind)
{
    std::size_t most = 0;
    for (const FlowArrow &a : arrows)
        if (a.flow.kind == kind)
            most = std::max(most, a.ends.size());
    return most;
}

} // namespace

class TestFlowPass : public QObject
{
    Q_OBJECT
private slots:
    void manyMessagesAreLight();
    void selectedLaneMessagesAreStrong();
    void nearbyMessagesMerge();
    void fansAreBundled();
    void defaultStaysWithinTheBudget();
    void allArrowsDrawsEveryOne();
    void selectedLaneKeepsItsArrows();
    void pensGrowWithTheTextSize();
    void waitsForArrowsCutByTheViewKeepTheirDashes_data();
    void waitsForArrowsCutByTheViewKeepTheirDashes();
    void thinWaitsForArrowsKeepQtsThinDashes();
};

void TestFlowPass::manyMessagesAreLight()
{
    const TimelineModel few(makeTraffic(3).trace), many(makeTraffic(20).trace);
    const int fewInk = inkOfFirstArrow(few, paintFlows(few));
    const int manyInk = inkOfFirstArrow(many, paintFlows(many));
    QVERIFY2(manyInk > 0, "the arrow is still drawn");
    QVERIFY2(manyInk * 2 < fewInk, qPrintable(QStringLiteral("%1 vs %2").arg(manyInk).arg(fewInk)));
}

void TestFlowPass::selectedLaneMessagesAreStrong()
{
    const Traffic t = makeTraffic(20);
    const TimelineModel model(t.trace);
    const int plain = inkOfFirstArrow(model, paintFlows(model));
    const int selected = inkOfFirstArrow(model, paintFlows(model, t.consumer));
    QVERIFY2(selected > plain * 2, qPrintable(QStringLiteral("%1 vs %2").arg(selected).arg(plain)));
    // Another lane's selection leaves them light.
    QCOMPARE(inkOfFirstArrow(model, paintFlows(model, t.middle)), plain);
}

void TestFlowPass::nearbyMessagesMerge()
{
    // A twin 1 ns later is far under 3 px at this zoom: it merges into its
    // sibling instead of darkening it.
    const TimelineModel single(makeTraffic(20).trace), twins(makeTraffic(20, true).trace);
    QCOMPARE(twins.flows().size(), std::size_t(40));
    QCOMPARE(paintFlows(twins), paintFlows(single));
}

void TestFlowPass::fansAreBundled()
{
    const TimelineModel model(makeFan(24));
    const auto arrows = arrowsOf(model, Theme::light(), false);
    // One trunk for the 24 starts, one for the 24 joins, each with its count.
    QCOMPARE(fanned(arrows, FlowKind::Spawn), std::size_t(24));
    QCOMPARE(fanned(arrows, FlowKind::Join), std::size_t(24));
    for (const FlowArrow &a : arrows)
        QVERIFY(a.ends.size() == 24
                || (a.flow.kind != FlowKind::Spawn && a.flow.kind != FlowKind::Join));
}

void TestFlowPass::defaultStaysWithinTheBudget()
{
    const TimelineModel model(makeFan(24));
    const Theme theme = Theme::light();
    const QSize size(500, 800); // 24 lock waits would be more than 3 per 100 px here
    const auto arrows = arrowsOf(model, theme, false, 0, size);
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), size), {});
    const qreal budget = FlowPass::kArrowsPer100Px * std::ceil(layout.plotRect().width() / 100);
    QVERIFY2(qreal(arrows.size()) <= budget,
             qPrintable(QStringLiteral("%1 arrows, budget %2").arg(arrows.size()).arg(budget)));
    QVERIFY(model.flowCount(FlowKind::WaitsFor, model.startNs(), model.endNs()) >= 20);
    QVERIFY(arrows.size() >= 2); // the two fans at least
}

void TestFlowPass::allArrowsDrawsEveryOne()
{
    const TimelineModel model(makeFan(24));
    const auto arrows = arrowsOf(model, Theme::light(), true);
    // Every start, every join and every lock wait, none bundled.
    const int waits = model.flowCount(FlowKind::WaitsFor, model.startNs(), model.endNs());
    QCOMPARE(int(arrows.size()), 48 + waits);
    QCOMPARE(fanned(arrows, FlowKind::Spawn), std::size_t(0));
}

void TestFlowPass::selectedLaneKeepsItsArrows()
{
    const TimelineModel model(makeFan(24));
    const quint32 worker = model.lanes()[12].actor;
    const auto arrows = arrowsOf(model, Theme::light(), false, worker);
    int own = 0;
    for (const FlowArrow &a : arrows)
        if (a.highlighted && a.ends.empty()
            && (a.flow.fromActor == worker || a.flow.toActor == worker))
            ++own;
    // Its start, its join and its lock wait, whatever the budget.
    const int waits = int(std::count_if(model.lockWaits().begin(), model.lockWaits().end(),
                                        [&](const LockWaitEdge &w) {
                                            const Flow f = model.flowOf(w);
                                            return f.fromActor == worker || f.toActor == worker;
                                        }));
    QCOMPARE(own, 2 + waits);
}

void TestFlowPass::pensGrowWithTheTextSize()
{
    const Theme normal = Theme::light(1.0), projector = Theme::light(2.0);
    QVERIFY(FlowPass::penWidth(projector, false) >= 2 * FlowPass::penWidth(normal, false) - 0.01);
    QVERIFY(FlowPass::penWidth(projector, true) > FlowPass::penWidth(normal, true));
    // In pixels too: an arrow's stroke across a fixed column is thicker at 200 %.
    const TimelineModel model(makeTraffic(3).trace);
    auto ink = [&](const Theme &theme) {
        RenderOptions options;
        options.fromNs = 0;
        options.toNs = kStep * 22;
        const QSize size(1000, 400);
        const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), size), options.layout);
        const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
        const QImage image = paintFlowPass(context, size);
        // Across the first (vertical) arrow, halfway between its lanes.
        const int x = qRound(context.xForTime(kStep));
        const int y
            = qRound((layout.laneRect(0).center().y() + layout.laneRect(2).center().y()) / 2);
        int dark = 0;
        for (int dx = -8; dx <= 8; ++dx)
            dark += image.pixelColor(x + dx, y) != theme.background() ? 1 : 0;
        return dark;
    };
    QVERIFY2(ink(projector) > ink(normal),
             qPrintable(QStringLiteral("%1 vs %2").arg(ink(projector)).arg(ink(normal))));
}

// Two waits-for arrows across 20 lanes: one down from a waiter at the top to its
// holder at the bottom, one up from a waiter at the bottom. A short view shows
// the top lanes only and cuts both arrows (one at its end, one at its start):
// what it shows of them is, pixel for pixel, what a tall view shows there.
void TestFlowPass::waitsForArrowsCutByTheViewKeepTheirDashes_data()
{
    QTest::addColumn<qreal>("textScale");
    QTest::addColumn<qreal>("ratio"); // the screen's device pixel ratio
    QTest::newRow("100 %") << 1.0 << 1.0;
    // Dash edges then fall on half pixels: measured from the cut, they rounded
    // one way in the short view and the other in the tall one.
    QTest::newRow("150 % text on a 1.5x screen") << 1.5 << 1.5;
    QTest::newRow("200 % text") << 2.0 << 1.0;
}

void TestFlowPass::waitsForArrowsCutByTheViewKeepTheirDashes()
{
    QFETCH(qreal, textScale);
    QFETCH(qreal, ratio);
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    std::vector<quint32> lanes;
    for (int k = 0; k < 20; ++k) {
        lanes.push_back(builder.addActor(
            {QStringLiteral("t%1").arg(k), qint64(100 + k), process, false, false}));
        builder.addEvent({0, 0, lanes.back(), 0, 0, 0, EventKind::ThreadStart, 0});
    }
    const quint32 first = builder.addObject({QStringLiteral("A"), ObjectKind::Lock});
    const quint32 second = builder.addObject({QStringLiteral("B"), ObjectKind::Lock});
    // t19 holds A while t0 waits for it; t1 holds B while t18 waits for it.
    for (const auto &[holder, waiter, lock, at] :
         {std::tuple(lanes[19], lanes[0], first, qint64(300)),
          std::tuple(lanes[1], lanes[18], second, qint64(1200))}) {
        builder.addEvent({at - 100, 0, holder, lock, 0, 0, EventKind::LockAcquired, 0});
        builder.addEvent({at, 0, waiter, lock, 0, 0, EventKind::LockWait, 0});
        builder.addEvent({at + 400, 0, holder, lock, 0, 0, EventKind::LockReleased, 0});
        builder.addEvent({at + 400, 0, waiter, lock, 0, 0, EventKind::LockAcquired, 0});
        builder.addEvent({at + 500, 0, waiter, lock, 0, 0, EventKind::LockReleased, 0});
    }
    for (quint32 actor : lanes)
        builder.addEvent({2000, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    const TimelineModel model(builder.build());
    QCOMPARE(model.lockWaits().size(), std::size_t(2));
    const Theme theme = Theme::light(textScale);
    const auto paint = [&](QSize size, QRectF *plot) {
        RenderOptions options;
        options.fromNs = 0;
        options.toNs = 2000;
        const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), size), options.layout);
        const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
        *plot = layout.plotRect();
        return paintFlowPass(context, size, ratio);
    };
    QRectF tallPlot, shortPlot;
    const QImage tall = paint(QSize(1000, 20 * theme.laneHeight() + 200), &tallPlot);
    const QImage cut = paint(QSize(1000, 8 * theme.laneHeight()), &shortPlot);
    // In device pixels.
    const QRect shown = QRectF(shortPlot.topLeft() * ratio, shortPlot.size() * ratio)
                            .toAlignedRect()
                            .adjusted(0, 0, 0, -1);
    QCOMPARE(cut.copy(shown), tall.copy(shown));
    // Both arrows are in the picture, dashed: along each one's column, runs of
    // its colour with gaps between them.
    for (const qint64 at : {qint64(300), qint64(1200)}) {
        const int x = qRound((shortPlot.left() + double(at) / 2000.0 * shortPlot.width()) * ratio);
        int dashes = 0;
        bool inDash = false;
        for (int y = shown.top(); y <= shown.bottom(); ++y) {
            bool ink = false;
            for (int dx = -1; dx <= 1; ++dx)
                ink = ink || cut.pixelColor(x + dx, y) == theme.waitFlow();
            dashes += ink && !inDash ? 1 : 0;
            inDash = ink;
        }
        QVERIFY2(dashes >= 8, qPrintable(QStringLiteral("at %1: %2 dashes").arg(at).arg(dashes)));
        // ... and they go on below the short view, in the tall one.
        int below = 0;
        for (int y = shown.bottom() + 1; y < int(tallPlot.bottom() * ratio); ++y)
            below += tall.pixelColor(x, y) == theme.waitFlow() ? 1 : 0;
        QVERIFY2(below > 50, qPrintable(QStringLiteral("at %1: %2 px below").arg(at).arg(below)));
    }
}

// With All Arrows and hundreds of messages in view, arrows are drawn one pixel
// wide; a waits-for arrow then has Qt's thin-line dashes (4 px on, 2 off, no
// caps), not the wide pen's (5 on, 1 off with its caps).
void TestFlowPass::thinWaitsForArrowsKeepQtsThinDashes()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 holder = builder.addActor({QStringLiteral("h"), 1, process, false, false});
    std::vector<quint32> middle;
    middle.reserve(6);
    for (int k = 0; k < 6; ++k)
        middle.push_back(builder.addActor(
            {QStringLiteral("m%1").arg(k), qint64(10 + k), process, false, false}));
    const quint32 waiter = builder.addActor({QStringLiteral("w"), 2, process, false, false});
    const quint32 queue = builder.addObject({QStringLiteral("q"), ObjectKind::Queue});
    const quint32 lock = builder.addObject({QStringLiteral("L"), ObjectKind::Lock});
    for (quint32 actor : {holder, waiter})
        builder.addEvent({0, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    for (quint32 actor : middle)
        builder.addEvent({0, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    builder.addEvent({100, 0, holder, lock, 0, 0, EventKind::LockAcquired, 0});
    builder.addEvent({1000, 0, waiter, lock, 0, 0, EventKind::LockWait, 0});
    builder.addEvent({1500, 0, holder, lock, 0, 0, EventKind::LockReleased, 0});
    builder.addEvent({1500, 0, waiter, lock, 0, 0, EventKind::LockAcquired, 0});
    builder.addEvent({1600, 0, waiter, lock, 0, 0, EventKind::LockReleased, 0});
    for (int k = 0; k < 450; ++k) { // dense: over FlowPass's 400 arrows in view
        const quint32 tag = builder.intern(QStringLiteral("m%1").arg(k));
        const qint64 t = 2000 + 4 * k;
        builder.addEvent({t, 8, middle[0], queue, tag, 0, EventKind::MessageSend, 0});
        builder.addEvent({t + 2, 8, middle[1], queue, tag, 0, EventKind::MessageRecv, 0});
    }
    for (quint32 actor : middle)
        builder.addEvent({4000, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    for (quint32 actor : {holder, waiter})
        builder.addEvent({4000, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    const TimelineModel model(builder.build());
    const Theme &theme = Theme::standard();
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 4000;
    options.allArrows = true;
    const QSize size(1000, 600);
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), size), options.layout);
    const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
    const QImage image = paintFlowPass(context, size);
    // Down the wait's column, between the waiter's lane and the holder's: the runs.
    const int x = qRound(context.xForTime(1000));
    const int top = qRound(layout.laneRect(model.laneIndexOf(holder)).bottom()) + 2;
    const int bottom = qRound(layout.laneRect(model.laneIndexOf(waiter)).top()) - 2;
    QVERIFY(bottom - top > 60);
    int on = 0, off = 0, longestOn = 0, longestOff = 0, dashes = 0;
    for (int y = top; y <= bottom; ++y) {
        bool ink = false;
        for (int dx = -1; dx <= 1; ++dx)
            ink = ink || image.pixelColor(x + dx, y) == theme.waitFlow();
        if (ink) {
            dashes += on == 0 ? 1 : 0;
            ++on;
            longestOff = std::max(longestOff, off);
            off = 0;
        } else {
            longestOn = std::max(longestOn, on);
            on = 0;
            ++off;
        }
    }
    QVERIFY2(dashes >= 10, qPrintable(QString::number(dashes)));
    QCOMPARE(longestOn, 4);
    QCOMPARE(longestOff, 2);
}

QTEST_MAIN(TestFlowPass)
#include "tst_flowpass.moc"
