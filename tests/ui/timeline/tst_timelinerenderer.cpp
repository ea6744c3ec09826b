// SPDX-License-Identifier: MIT
#include "renderprobe.h"
#include "sampletrace.h"
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
using weft::testing::RenderProbe;

namespace {

const QSize kSize(1000, 300);

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

private:
    testing::SampleTrace m_sample = testing::makeSampleTrace();
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
    QCOMPARE(testing::countNear(image, target, outside, 0), 0);
    const QRect rightOfTarget(target.right() + 1, 0, 1, image.height());
    int touched = 0;
    for (const QRect &r : QRegion(image.rect()) - QRegion(target) - QRegion(rightOfTarget))
        touched += testing::countOther(image, r, outside);
    QCOMPARE(touched, 0);
    QCOMPARE(testing::countOther(image, rightOfTarget, outside), 0);
    // The target's own layout: A runs at 34 where its bar is.
    QCOMPARE(image.pixelColor(probe.barPoint(m_model.laneIndexOf(m_sample.a), 34)),
             theme.stateColor(LaneState::Running));
}

void TestTimelineRenderer::plotIsNotJustBackground()
{
    // Each lane's bar carries colour over most of its life.
    const Theme &theme = Theme::standard();
    const RenderProbe probe(m_model, theme, RenderOptions {}, kSize);
    const QImage image = probe.renderAll();
    for (const Lane &lane : m_model.lanes()) {
        const int index = m_model.laneIndexOf(lane.actor);
        const QPoint from = probe.barPoint(index, lane.startNs),
                     to = probe.barPoint(index, lane.endNs);
        const QRect bar(from, QSize(to.x() - from.x(), 1));
        const int coloured = testing::countOther(image, bar, theme.background());
        QVERIFY2(coloured > bar.width() * 3 / 4, qPrintable(lane.label));
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
    // main thread's first and last instants are inside the plot, not on its edges.
    const Theme &theme = Theme::standard();
    const RenderProbe probe(m_model, theme, RenderOptions {}, kSize);
    const QImage image = probe.renderAll();
    const QRectF plot = probe.layout().plotRect();
    const int main = m_model.laneIndexOf(m_sample.main);
    QVERIFY(probe.x(m_model.startNs()) > plot.left() + theme.minItemWidth());
    QVERIFY(probe.x(m_model.endNs()) < plot.right() - theme.minItemWidth());
    // Left of the start, the bar is empty; at its start it is coloured.
    const QPoint start = probe.barPoint(main, m_model.startNs());
    QCOMPARE(image.pixelColor(start.x() - 3, start.y()), theme.background());
    QCOMPARE(image.pixelColor(start.x() + 2, start.y()), theme.stateColor(LaneState::Running));
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
    QVERIFY(testing::countNear(image, probe.layout().titleRect().toAlignedRect(), theme.text(), 40)
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
    QCOMPARE(after, testing::over(running, Theme::standard().dimOverlay()));
    QVERIFY(after.lightness() > running.lightness());
}

void TestTimelineRenderer::manyLanesOnlyVisibleOnesPainted()
{
    // 300 lanes in a 300 px high picture scrolled far down: the lanes the layout
    // says are visible are painted where it puts them.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    for (int i = 0; i < 300; ++i) {
        const quint32 actor
            = builder.addActor({QStringLiteral("t%1").arg(i), i + 1, process, i == 0, false});
        builder.addEvent({qint64(i), 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
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
    const int lane = layout.firstVisibleLane() + 1; // wholly visible, under a partial one
    QVERIFY(layout.laneRect(lane).top() >= layout.plotRect().top());
    QCOMPARE(image.pixelColor(probe.barPoint(lane, 500)), theme.stateColor(LaneState::Running));
}

QTEST_MAIN(TestTimelineRenderer)
#include "tst_timelinerenderer.moc"
