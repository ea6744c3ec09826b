// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/timeline/slicepass.h"
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

const QSize kSize(1000, 240);
constexpr qint64 kEnd = 1000;

// Lane "worker": "outer" [100, 900] holding "inner" [200, 500]; lane "plain"
// has no slices. Begins carry their durations, as the Chrome importer stores them.
Trace makeTrace()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 worker = builder.addActor({QStringLiteral("worker"), 11, process, false, false});
    const quint32 plain = builder.addActor({QStringLiteral("plain"), 12, process, false, false});
    for (quint32 actor : {worker, plain})
        builder.addEvent({0, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    const quint32 outer = builder.intern(QStringLiteral("outer"));
    const quint32 inner = builder.intern(QStringLiteral("inner"));
    builder.addEvent({100, 800, worker, 0, outer, 0, EventKind::SpanBegin, 0});
    builder.addEvent({200, 300, worker, 0, inner, 0, EventKind::SpanBegin, 0});
    builder.addEvent({500, 300, worker, 0, inner, 0, EventKind::SpanEnd, 0});
    builder.addEvent({900, 800, worker, 0, outer, 0, EventKind::SpanEnd, 0});
    builder.addEvent({kEnd, 0, plain, 0, 0, 0, EventKind::ThreadEnd, 0});
    return builder.build();
}

struct Painted
{
    QImage image;
    qreal left = 0, width = 0;
};

Painted paintSlices(const TimelineModel &model, const Theme &theme)
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = kEnd;
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), options.layout);
    const RenderContext context {model, theme, layout, options, options.fromNs, options.toNs};
    Painted p;
    p.image = QImage(kSize, QImage::Format_ARGB32_Premultiplied);
    p.image.fill(theme.background());
    QPainter painter(&p.image);
    SlicePass().paint(painter, context);
    painter.end();
    p.left = layout.plotRect().left();
    p.width = layout.plotRect().width();
    return p;
}

qreal xAt(const Painted &p, qint64 ns)
{
    return p.left + double(ns) / double(kEnd) * p.width;
}

} // namespace

class TestSlicePass : public QObject
{
    Q_OBJECT
private slots:
    void slicesStackOneRowPerDepthUnderTheirLane();
    void aLaneWithSlicesIsTallerAndHitTestingFollows();
    void aLaneOfSlicesOnlyIsNotPaintedAsRunning();
    void wideSlicesAreOutlined_data();
    void wideSlicesAreOutlined();
};

void TestSlicePass::slicesStackOneRowPerDepthUnderTheirLane()
{
    const Theme theme = Theme::light();
    const TimelineModel model(makeTrace());
    const Painted p = paintSlices(model, theme);
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), {});
    const int worker = 0;
    QCOMPARE(model.lanes()[worker].sliceRows, 2);
    const int row0 = qRound(layout.sliceRowRect(worker, 0).center().y());
    const int row1 = qRound(layout.sliceRowRect(worker, 1).center().y());
    // Sample away from names and outlines: near each slice's right end.
    QCOMPARE(p.image.pixelColor(qRound(xAt(p, 880)), row0), theme.sliceFill(0));
    QCOMPARE(p.image.pixelColor(qRound(xAt(p, 480)), row1), theme.sliceFill(1));
    // Outside the slices' times, and under "inner"'s row where only "outer" runs: background.
    QCOMPARE(p.image.pixelColor(qRound(xAt(p, 50)), row0), theme.background());
    QCOMPARE(p.image.pixelColor(qRound(xAt(p, 700)), row1), theme.background());
    // The lane's bars are not a pass's business here: the state bar's band stays untouched.
    const int bar = qRound(layout.laneRect(worker).top() + theme.stateBarCenter());
    QCOMPARE(p.image.pixelColor(qRound(xAt(p, 300)), bar), theme.background());
    // The name is drawn inside the slice: pixels about as dark as the text near
    // its start (antialiased, so not exactly its colour).
    bool named = false;
    const QRect nameBox = QRectF(xAt(p, 100), layout.sliceRowRect(worker, 0).top(),
                                 xAt(p, 300) - xAt(p, 100), theme.sliceRowHeight())
                              .toRect();
    for (int y = nameBox.top(); y <= nameBox.bottom() && !named; ++y)
        for (int x = nameBox.left(); x <= nameBox.right() && !named; ++x)
            named = p.image.pixelColor(x, y).lightness() < theme.sliceText().lightness() + 60;
    QVERIFY2(named, "no pixel of the slice's name");
}

void TestSlicePass::aLaneWithSlicesIsTallerAndHitTestingFollows()
{
    const Theme theme = Theme::light();
    const TimelineModel model(makeTrace());
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), {});
    const QRectF worker = layout.laneRect(0), plain = layout.laneRect(1);
    QCOMPARE(int(plain.height()), theme.laneHeight());
    QCOMPARE(int(worker.height()), TimelineLayout::laneHeight(theme, 2));
    QVERIFY(worker.height() >= theme.laneHeight() + 2 * theme.sliceRowHeight());
    QCOMPARE(plain.top(), worker.bottom());
    // Rows map back to lanes and depths.
    QCOMPARE(layout.laneAtY(layout.sliceRowRect(0, 1).center().y()), 0);
    QCOMPARE(layout.sliceRowAtY(0, layout.sliceRowRect(0, 1).center().y()), 1);
    QCOMPARE(layout.sliceRowAtY(0, worker.top() + theme.stateBarCenter()), -1);
    QCOMPARE(layout.laneAtY(plain.center().y()), 1);
    // The model finds the slice under the pointer, and its self time.
    const SliceBar *inner = model.sliceAt(model.lanes()[0].actor, 1, 300);
    QVERIFY(inner);
    QCOMPARE(model.trace().text(inner->text), QStringLiteral("inner"));
    const SliceBar *outer = model.sliceAt(model.lanes()[0].actor, 0, 300);
    QVERIFY(outer);
    QCOMPARE(model.selfTimeNs(model.lanes()[0].actor, *outer), qint64(800 - 300));
    QVERIFY(!model.sliceAt(model.lanes()[0].actor, 1, 700));
}

void TestSlicePass::aLaneOfSlicesOnlyIsNotPaintedAsRunning()
{
    // As clang -ftime-trace writes it: slices, nothing about the thread's state.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("clang")});
    const quint32 compiler
        = builder.addActor({QStringLiteral("clang++"), 7, process, false, false});
    const quint32 name = builder.intern(QStringLiteral("Frontend"));
    builder.addEvent({0, 1000, compiler, 0, name, 0, EventKind::SpanBegin, 0});
    builder.addEvent({1000, 1000, compiler, 0, name, 0, EventKind::SpanEnd, 0});
    const TimelineModel model(builder.build());
    QVERIFY(!model.lanes()[0].statesKnown);
    QVERIFY(TimelineModel(makeTrace()).lanes()[0].statesKnown); // it has a ThreadStart

    const Theme theme = Theme::light();
    const TimelineRenderer renderer(theme);
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    renderer.render(painter, QRectF(QPointF(0, 0), kSize), model, RenderOptions {});
    painter.end();
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), {});
    const QRectF lane = layout.laneRect(0);
    int running = 0, line = 0;
    for (int x = int(lane.left()); x < int(lane.right()); ++x) {
        for (int y = int(lane.top()); y < int(lane.top() + theme.laneHeight()); ++y) {
            const QColor c = image.pixelColor(x, y);
            running += c == theme.stateColor(LaneState::Running) ? 1 : 0;
            line += c == theme.mutedText() ? 1 : 0;
        }
    }
    QCOMPARE(running, 0);
    QVERIFY2(line > lane.width() / 2, qPrintable(QString::number(line))); // the life line instead
}

void TestSlicePass::wideSlicesAreOutlined_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("a few, filled one by one") << 3;
    QTest::newRow("many, through the strip's row") << 60;
}

// Every wide slice has its border on all four sides and its fill inside, whether
// its row's strip fills rectangles or blits a row of pixels.
void TestSlicePass::wideSlicesAreOutlined()
{
    QFETCH(int, count);
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 worker = builder.addActor({QStringLiteral("worker"), 11, process, false, false});
    builder.addEvent({0, 0, worker, 0, 0, 0, EventKind::ThreadStart, 0});
    const quint32 name = builder.intern(QStringLiteral("s"));
    const qint64 period = kEnd / count;
    for (int i = 0; i < count; ++i) {
        const qint64 begin = i * period + period / 4, length = period / 2;
        builder.addEvent({begin, length, worker, 0, name, 0, EventKind::SpanBegin, 0});
        builder.addEvent({begin + length, length, worker, 0, name, 0, EventKind::SpanEnd, 0});
    }
    builder.addEvent({kEnd, 0, worker, 0, 0, 0, EventKind::ThreadEnd, 0});
    const Theme theme = Theme::light();
    const TimelineModel model(builder.build());
    const Painted p = paintSlices(model, theme);
    const TimelineLayout layout(model, theme, QRectF(QPointF(0, 0), kSize), {});
    const QRectF row = layout.sliceRowRect(0, 0).adjusted(0, std::max<qreal>(1, theme.px(1)), 0, 0);
    const int top = qRound(row.top()), bottom = qRound(row.bottom()) - 1;
    const int middle = (top + bottom) / 2;
    for (int i = 0; i < count; ++i) {
        const qint64 begin = i * period + period / 4, end = begin + period / 2;
        const int left = qRound(xAt(p, begin)), right = qRound(xAt(p, end)) - 1;
        const int inside = (left + right) / 2;
        const QString where = QStringLiteral("slice %1 (x %2..%3)").arg(i).arg(left).arg(right);
        QVERIFY2(p.image.pixelColor(left, middle) == theme.sliceBorder(), qPrintable(where));
        QVERIFY2(p.image.pixelColor(right, middle) == theme.sliceBorder(), qPrintable(where));
        QVERIFY2(p.image.pixelColor(inside, top) == theme.sliceBorder(), qPrintable(where));
        QVERIFY2(p.image.pixelColor(inside, bottom) == theme.sliceBorder(), qPrintable(where));
        QVERIFY2(p.image.pixelColor(left + 2, top + 2) == theme.sliceFill(0), qPrintable(where));
        // Just outside: the background.
        QVERIFY2(p.image.pixelColor(left - 1, middle) == theme.background(), qPrintable(where));
        QVERIFY2(p.image.pixelColor(inside, top - 1) == theme.background(), qPrintable(where));
    }
}

QTEST_MAIN(TestSlicePass)
#include "tst_slicepass.moc"
