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

QImage paintFlows(const TimelineModel &model, quint32 selected = 0)
{
    const Theme &theme = Theme::standard();
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = kStep * 22;
    options.selectedActor = selected;
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), options.layout);
    const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(theme.background());
    QPainter painter(&image);
    FlowPass().paint(painter, context);
    painter.end();
    return image;
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

} // namespace

class TestFlowPass : public QObject
{
    Q_OBJECT
private slots:
    void manyMessagesAreLight();
    void selectedLaneMessagesAreStrong();
    void nearbyMessagesMerge();
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

QTEST_MAIN(TestFlowPass)
#include "tst_flowpass.moc"
