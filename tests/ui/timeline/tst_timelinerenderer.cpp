#include "sampletrace.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestTimelineRenderer : public QObject
{
    Q_OBJECT
private slots:
    void imageHasTheRequestedSize();
    void stateColoursAtSpans_data();
    void stateColoursAtSpans();
    void lockBandInTheLocksColour();
    void dimsAfterThePlayhead();
    void manyLanesOnlyVisibleOnesPainted();

private:
    QImage render(const RenderOptions &options, QSize size = QSize(1000, 300)) const
    {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        TimelineRenderer().render(painter, QRectF(QPointF(0, 0), size), m_model, options);
        return image;
    }
    QPointF barPoint(const RenderOptions &options, quint32 actor, qint64 t, QSize size = QSize(1000, 300)) const
    {
        const TimelineLayout layout(m_model, Theme::standard(), QRectF(QPointF(0, 0), size), options.layout);
        const QRectF plot = layout.plotRect();
        const qint64 from = options.toNs > options.fromNs ? options.fromNs : m_model.startNs();
        const qint64 to = options.toNs > options.fromNs ? options.toNs : m_model.endNs();
        const qreal x = plot.left() + double(t - from) / double(to - from) * plot.width();
        const QRectF lane = layout.laneRect(m_model.laneIndexOf(actor));
        return QPointF(x, lane.top() + 4 + Theme::standard().stateBarHeight() / 2.0);
    }

    testing::SampleTrace m_sample = testing::makeSampleTrace();
    TimelineModel m_model{m_sample.trace};
};

void TestTimelineRenderer::imageHasTheRequestedSize()
{
    RenderOptions options;
    options.layout.showTitle = true;
    options.layout.showLegend = true;
    options.title = QStringLiteral("Sample");
    const QImage image = render(options, QSize(640, 480));
    QCOMPARE(image.size(), QSize(640, 480));
    // Something was drawn besides the background.
    QVERIFY(image.pixel(320, 200) != 0 || image.pixel(100, 100) != 0);
}

void TestTimelineRenderer::stateColoursAtSpans_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("state");
    QTest::newRow("A running") << "A" << qint64(34) << int(LaneState::Running);
    QTest::newRow("A sleeping") << "A" << qint64(70) << int(LaneState::Sleeping);
    QTest::newRow("B blocked") << "B" << qint64(50) << int(LaneState::BlockedOnLock);
    QTest::newRow("B running") << "B" << qint64(66) << int(LaneState::Running);
    QTest::newRow("main in join") << "MainThread" << qint64(60) << int(LaneState::WaitingJoin);
}

void TestTimelineRenderer::stateColoursAtSpans()
{
    QFETCH(QString, actor);
    QFETCH(qint64, time);
    QFETCH(int, state);
    RenderOptions options;
    const QImage image = render(options);
    const QPointF p = barPoint(options, m_sample.trace.findActor(actor), time);
    QCOMPARE(image.pixelColor(p.toPoint()), Theme::standard().stateColor(LaneState(state)));
}

void TestTimelineRenderer::lockBandInTheLocksColour()
{
    RenderOptions options;
    const QImage image = render(options);
    QPointF p = barPoint(options, m_sample.a, 50);
    p.ry() += Theme::standard().stateBarHeight() / 2.0 + 2 + Theme::standard().lockBandHeight() / 2.0;
    QCOMPARE(image.pixelColor(p.toPoint()), Theme::standard().objectColor(m_sample.lock));
}

void TestTimelineRenderer::dimsAfterThePlayhead()
{
    RenderOptions options;
    options.showPlayhead = true;
    options.playheadNs = 40;
    options.dimAfterPlayhead = true;
    const QImage image = render(options);
    const QColor before = image.pixelColor(barPoint(options, m_sample.a, 34).toPoint());
    const QColor after = image.pixelColor(barPoint(options, m_sample.a, 90).toPoint());
    QCOMPARE(before, Theme::standard().stateColor(LaneState::Running));
    // The same state after the playhead is paler: dimmed, not hidden.
    QVERIFY(after != Theme::standard().stateColor(LaneState::Running));
    QVERIFY(after.lightness() > Theme::standard().stateColor(LaneState::Running).lightness());
}

void TestTimelineRenderer::manyLanesOnlyVisibleOnesPainted()
{
    // 300 lanes in a 300 px high picture: the layout says which are visible, and
    // painting them neither crashes nor draws outside the picture.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    for (int i = 0; i < 300; ++i) {
        const quint32 actor = builder.addActor({QStringLiteral("t%1").arg(i), i + 1, process, i == 0, false});
        builder.addEvent({qint64(i), 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
        builder.addEvent({qint64(i + 1000), 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    }
    const TimelineModel model(builder.build());
    RenderOptions options;
    options.layout.scrollY = 2000;
    const TimelineLayout layout(model, Theme::standard(), QRectF(0, 0, 800, 300), options.layout);
    QVERIFY(layout.firstVisibleLane() > 0);
    QVERIFY(layout.lastVisibleLane() - layout.firstVisibleLane() < 15);
    QImage image(800, 300, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    TimelineRenderer().render(painter, QRectF(0, 0, 800, 300), model, options);
}

QTEST_MAIN(TestTimelineRenderer)
#include "tst_timelinerenderer.moc"
