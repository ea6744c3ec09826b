// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QImage>
#include <QPainter>
#include <QRegion>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 300);

// Many more spans, bands, waits, slices and ticks than pixels: 12 threads contend
// for 3 locks; each cycle is a named slice with its critical section nested in
// it, and now and then a thread sleeps long or prints an error (a rare state or
// kind among thousands is what a merged pixel must keep). Halfway through, T0
// starts ten workers and joins them: start and join fans in columns crowded
// with lock waits, which the crowded-column skip must still find.
Trace crowdedTrace(int cyclesPerThread)
{
    TraceBuilder b;
    const quint32 process = b.addProcess({1, QStringLiteral("crowded")});
    std::vector<quint32> actors, locks;
    for (int i = 0; i < 12; ++i)
        actors.push_back(
            b.addActor({QStringLiteral("T%1").arg(i), 100 + i, process, i == 0, false}));
    for (int i = 0; i < 3; ++i)
        locks.push_back(b.addObject({QStringLiteral("L%1").arg(i), ObjectKind::Lock}));
    const quint32 text = b.intern(QStringLiteral("done"));
    const quint32 cycle = b.intern(QStringLiteral("cycle"));
    const quint32 critical = b.intern(QStringLiteral("critical"));
    const auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0,
                         qint64 value = 0, quint32 txt = 0) {
        b.addEvent({t, value, actor, object, txt, 0, kind, 0});
    };
    quint32 seed = 1;
    const auto next = [&seed] {
        return seed = seed * 1103515245u + 12345u;
    };
    for (std::size_t ti = 0; ti < actors.size(); ++ti) {
        const quint32 actor = actors[ti];
        add(0, EventKind::ThreadStart, actor);
        for (int c = 0; c < cyclesPerThread; ++c) {
            // Odd threads a little later: their waits fall while even ones hold
            // the locks, so each is a waits-for arrow (hundreds per merged column).
            const qint64 t0 = qint64(c) * 1200 + qint64(next() % 100) + (ti % 2 ? 200 : 0);
            const quint32 lock = locks[next() % locks.size()];
            add(t0, EventKind::SpanBegin, actor, 0, 900, cycle);
            add(t0, EventKind::LockWait, actor, lock);
            add(t0 + 100, EventKind::LockAcquired, actor, lock);
            add(t0 + 100, EventKind::SpanBegin, actor, 0, 300, critical);
            add(t0 + 200, EventKind::Print, actor, 0, 0, text);
            add(t0 + 400, EventKind::SpanEnd, actor, 0, 300, critical);
            add(t0 + 400, EventKind::LockReleased, actor, lock);
            if (next() % 53 == 0)
                add(t0 + 500, EventKind::Error, actor, 0, 0, text);
            add(t0 + 500, EventKind::SleepBegin, actor, 0, 100);
            add(t0 + 600, EventKind::SleepEnd, actor);
            add(t0 + 900, EventKind::SpanEnd, actor, 0, 900, cycle);
        }
        add(qint64(cyclesPerThread) * 1200 + 200, EventKind::ThreadEnd, actor);
    }
    const qint64 half = qint64(cyclesPerThread / 2) * 1200;
    for (int k = 0; k < 10; ++k) {
        const quint32 worker
            = b.addActor({QStringLiteral("W%1").arg(k), 200 + k, process, false, false});
        add(half + 250 + k, EventKind::ThreadSpawn, actors[0], 0, worker);
        add(half + 260 + k, EventKind::ThreadStart, worker);
        add(half + 4000 + k, EventKind::ThreadEnd, worker);
        add(half + 4100 + k, EventKind::JoinDone, actors[0], 0, worker);
    }
    return b.build();
}

} // namespace

class TestTimelineRenderer : public QObject
{
    Q_OBJECT
private slots:
    void paintsOnlyInsideTheTarget();
    void plotIsNotJustBackground();
    void stateColoursAtSpans_data();
    void stateColoursAtSpans();
    void wholeTraceLeavesRoomAtEitherEnd();
    void lockBandInTheLocksColour();
    void titleOnlyWhenAsked();
    void dimsAfterThePlayhead();
    void manyLanesOnlyVisibleOnesPainted();
    void summariesPaintWhatEveryItemPaints_data();
    void summariesPaintWhatEveryItemPaints();

private:
    testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    TimelineModel m_model {m_sample.trace};
};

void TestTimelineRenderer::paintsOnlyInsideTheTarget()
{
    // Rendered into a rectangle inside a larger image (as an export with a
    // border would): everything lands inside it, laid out from its corner.
    const Theme &theme = Theme::standard();
    RenderOptions options;
    options.layout.showTitle = true;
    options.layout.showLegend = true;
    options.title = QStringLiteral("Sample");
    const QColor outside(Qt::magenta);
    const RenderProbe probe(m_model, theme, options, QSize(640, 480), QPointF(100, 50));
    const QImage image = probe.renderAll(QSize(840, 600), outside);
    const QRect target = probe.target().toAlignedRect();
    QCOMPARE(testsupport::countNear(image, target, outside, 0), 0);
    const QRect rightOfTarget(target.right() + 1, 0, 1, image.height());
    int touched = 0;
    for (const QRect &r : QRegion(image.rect()) - QRegion(target) - QRegion(rightOfTarget))
        touched += testsupport::countOther(image, r, outside);
    QCOMPARE(touched, 0);
    QCOMPARE(testsupport::countOther(image, rightOfTarget, outside), 0);
    // The target's own layout: A runs at 34 where its bar is.
    QCOMPARE(image.pixelColor(probe.barPoint(m_model.laneIndexOf(m_sample.a), 34)),
             theme.stateColor(LaneState::Running));
}

void TestTimelineRenderer::plotIsNotJustBackground()
{
    // Each lane's bar carries a state's colour over most of its life (odd rows
    // are shaded, so "not the background" would hold with no bar at all).
    const Theme &theme = Theme::standard();
    const RenderProbe probe(m_model, theme, RenderOptions {}, kSize);
    const QImage image = probe.renderAll();
    for (const Lane &lane : m_model.lanes()) {
        const int index = m_model.laneIndexOf(lane.actor);
        const QPoint from = probe.barPoint(index, lane.startNs),
                     to = probe.barPoint(index, lane.endNs);
        const QRect bar(from, QSize(to.x() - from.x(), 1));
        int coloured = 0;
        for (int s = 0; s < int(LaneState::Finished); ++s)
            coloured += testsupport::countNear(image, bar, theme.stateColor(LaneState(s)), 0);
        QVERIFY2(
            coloured > bar.width() * 3 / 4,
            qPrintable(
                QStringLiteral("%1: %2 of %3").arg(lane.label).arg(coloured).arg(bar.width())));
    }
}

void TestTimelineRenderer::stateColoursAtSpans_data()
{
    QTest::addColumn<quint32>("actor");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("state");
    QTest::newRow("A running") << m_sample.a << qint64(34) << int(LaneState::Running);
    QTest::newRow("A sleeping") << m_sample.a << qint64(70) << int(LaneState::Sleeping);
    QTest::newRow("B blocked") << m_sample.b << qint64(50) << int(LaneState::BlockedOnLock);
    QTest::newRow("B running") << m_sample.b << qint64(66) << int(LaneState::Running);
    QTest::newRow("B waits for I/O") << m_sample.b << qint64(73) << int(LaneState::WaitingIo);
    QTest::newRow("B waits on cv") << m_sample.b << qint64(82) << int(LaneState::WaitingCondition);
    QTest::newRow("main in join") << m_sample.main << qint64(60) << int(LaneState::WaitingJoin);
}

void TestTimelineRenderer::stateColoursAtSpans()
{
    QFETCH(quint32, actor);
    QFETCH(qint64, time);
    QFETCH(int, state);
    const RenderProbe probe(m_model, Theme::standard(), RenderOptions {}, kSize);
    const QImage image = probe.renderAll();
    QCOMPARE(image.pixelColor(probe.barPoint(m_model.laneIndexOf(actor), time)),
             Theme::standard().stateColor(LaneState(state)));
}

void TestTimelineRenderer::wholeTraceLeavesRoomAtEitherEnd()
{
    // With no window the renderer shows the whole trace and a little more: the
    // main thread's bar (running 0..20 and 110..120) starts and ends inside the
    // plot, not on its edges. Read from the picture: the probe's own copy of
    // that room is what is checked here, not assumed.
    const Theme &theme = Theme::standard();
    const RenderProbe probe(m_model, theme, RenderOptions {}, kSize);
    const QImage image = probe.renderAll();
    const QRect plot = probe.layout().plotRect().toAlignedRect();
    const int main = m_model.laneIndexOf(m_sample.main);
    // Just inside the bar's top edge: the bar, not the thin "finished" line.
    const int y = qRound(probe.layout().laneRect(main).top()) + theme.stateBarTop() + 1;
    const QColor running = theme.stateColor(LaneState::Running);
    int first = -1, last = -1;
    for (int x = plot.left(); x <= plot.right(); ++x) {
        if (image.pixelColor(x, y) == running) {
            first = first < 0 ? x : first;
            last = x;
        }
    }
    const QString where = QStringLiteral("running %1..%2 in a plot %3..%4")
                              .arg(first)
                              .arg(last)
                              .arg(plot.left())
                              .arg(plot.right());
    QVERIFY2(first > plot.left() + theme.minItemWidth(), qPrintable(where));
    QVERIFY2(last > first && last < plot.right() - theme.minItemWidth(), qPrintable(where));
    // Left of the start the bar is empty; and the probe maps times as the renderer does.
    QCOMPARE(image.pixelColor(first - 1, y), theme.background());
    QVERIFY2(std::abs(first - probe.x(m_model.startNs())) <= 1, qPrintable(where));
    QVERIFY2(std::abs(last - probe.x(m_model.endNs())) <= 1, qPrintable(where));
}

void TestTimelineRenderer::lockBandInTheLocksColour()
{
    const RenderProbe probe(m_model, Theme::standard(), RenderOptions {}, kSize);
    const QImage image = probe.renderAll();
    const int a = m_model.laneIndexOf(m_sample.a);
    QCOMPARE(image.pixelColor(probe.bandPoint(a, 50)),
             Theme::standard().objectColor(m_sample.lock));
    QVERIFY(image.pixelColor(probe.bandPoint(a, 90))
            != Theme::standard().objectColor(m_sample.lock));
}

void TestTimelineRenderer::titleOnlyWhenAsked()
{
    // The title's text changes the picture only when the title is shown.
    const Theme &theme = Theme::standard();
    auto render = [&](bool show, const QString &title) {
        RenderOptions options;
        options.layout.showTitle = show;
        options.title = title;
        return RenderProbe(m_model, theme, options, kSize).renderAll();
    };
    QCOMPARE(render(false, QStringLiteral("Sample")), render(false, QStringLiteral("Other")));
    QVERIFY(render(true, QStringLiteral("Sample")) != render(true, QStringLiteral("Other")));
    // Shown, it is text in the title's band above the ruler.
    RenderOptions options;
    options.layout.showTitle = true;
    options.title = QStringLiteral("Sample");
    const RenderProbe probe(m_model, theme, options, kSize);
    const QImage image = probe.renderAll();
    QVERIFY(probe.layout().titleRect().bottom() <= probe.layout().rulerRect().top());
    QVERIFY(
        testsupport::countNear(image, probe.layout().titleRect().toAlignedRect(), theme.text(), 40)
        > 50);
}

void TestTimelineRenderer::dimsAfterThePlayhead()
{
    RenderOptions options;
    options.showPlayhead = true;
    options.playheadNs = 40;
    options.dimAfterPlayhead = true;
    const RenderProbe probe(m_model, Theme::standard(), options, kSize);
    const QImage image = probe.renderAll();
    const int a = m_model.laneIndexOf(m_sample.a);
    const QColor running = Theme::standard().stateColor(LaneState::Running);
    QCOMPARE(image.pixelColor(probe.barPoint(a, 34)), running);
    // The same state after the playhead is paler: dimmed, not hidden.
    const QColor after = image.pixelColor(probe.barPoint(a, 90));
    QCOMPARE(after, testsupport::over(running, Theme::standard().dimOverlay()));
    QVERIFY(after.lightness() > running.lightness());
}

void TestTimelineRenderer::manyLanesOnlyVisibleOnesPainted()
{
    // 300 lanes in a 300 px high picture scrolled far down: the lanes the layout
    // says are visible are painted where it puts them. Odd lanes sleep at 500
    // and even ones run, so a lane drawn a row off shows the wrong colour.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    for (int i = 0; i < 300; ++i) {
        const quint32 actor
            = builder.addActor({QStringLiteral("t%1").arg(i), i + 1, process, i == 0, false});
        builder.addEvent({qint64(i), 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
        if (i % 2) {
            builder.addEvent({400, 200, actor, 0, 0, 0, EventKind::SleepBegin, 0});
            builder.addEvent({600, 0, actor, 0, 0, 0, EventKind::SleepEnd, 0});
        }
        builder.addEvent({qint64(i + 1000), 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    }
    const TimelineModel model(builder.build());
    RenderOptions options;
    options.layout.scrollY = 2000;
    const Theme &theme = Theme::standard();
    const RenderProbe probe(model, theme, options, QSize(800, 300));
    const TimelineLayout &layout = probe.layout();
    QVERIFY(layout.firstVisibleLane() > 0);
    QVERIFY(layout.lastVisibleLane() - layout.firstVisibleLane() < 15);
    const QImage image = probe.renderAll();
    // Wholly visible, under a partial one: two neighbours, one of each kind.
    for (int lane : {layout.firstVisibleLane() + 1, layout.firstVisibleLane() + 2}) {
        QVERIFY(layout.laneRect(lane).top() >= layout.plotRect().top());
        const LaneState state = lane % 2 ? LaneState::Sleeping : LaneState::Running;
        QCOMPARE(image.pixelColor(probe.barPoint(lane, 500)), theme.stateColor(state));
    }
}

QTEST_MAIN(TestTimelineRenderer)
void TestTimelineRenderer::summariesPaintWhatEveryItemPaints_data()
{
    QTest::addColumn<double>("from"); // fraction of the trace
    QTest::addColumn<double>("to");
    QTest::addColumn<qreal>("scale"); // device pixel ratio
    QTest::addColumn<int>("width");
    QTest::addRow("whole trace") << 0.0 << 1.0 << qreal(1) << 1200;
    QTest::addRow("whole trace, 2x") << 0.0 << 1.0 << qreal(2) << 1200;
    // Hundreds of lock waits per merged column: the flows' crowded-column skip.
    QTest::addRow("whole trace, narrow") << 0.0 << 1.0 << qreal(1) << 200;
    QTest::addRow("a third") << 0.31 << 0.64 << qreal(1) << 1200;
    QTest::addRow("zoomed in") << 0.5 << 0.503 << qreal(1) << 1200;
}

void TestTimelineRenderer::summariesPaintWhatEveryItemPaints()
{
    // The per-pixel searches through the model's summaries (state mask pyramid,
    // slice rows, lock waits skipped by column) against a walk over every item:
    // the same pixels, zoomed out over ~100 items per pixel and zoomed in.
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(qreal, scale);
    QFETCH(int, width);
    const TimelineModel model(crowdedTrace(2500));
    const qint64 span = model.endNs() - model.startNs();
    RenderOptions options;
    options.fromNs = model.startNs() + qint64(double(span) * from);
    options.toNs = model.startNs() + qint64(double(span) * to);
    const auto render = [&](bool summaries) {
        options.summaries = summaries;
        QImage image(QSize(width, 700) * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        QPainter painter(&image);
        TimelineRenderer(Theme::standard())
            .render(painter, QRectF(0, 0, width, 700), model, options);
        return image;
    };
    for (const bool allArrows : {false, true}) { // arrows within a budget, and every arrow
        options.allArrows = allArrows;
        const QImage fast = render(true), each = render(false);
        QVERIFY(testsupport::countNear(fast, fast.rect(), Qt::white, 0)
                < fast.width() * fast.height());
        int differing = 0;
        for (int y = 0; y < fast.height(); ++y)
            for (int x = 0; x < fast.width(); ++x)
                differing += fast.pixel(x, y) != each.pixel(x, y);
        QCOMPARE(differing, 0);
    }
}

#include "tst_timelinerenderer.moc"
