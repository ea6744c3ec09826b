// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/timeline/labelplacer.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

// locks.deadlock as a learner sees it: a main thread joining two threads that
// each print "Tn wants Lm" as they start to wait, then the detector's marks.
struct Scene
{
    Trace trace;
    quint32 t1 = 0, t2 = 0;
};

Scene makeDeadlockScene()
{
    Scene s;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    const quint32 main
        = builder.addActor({QStringLiteral("MainThread"), 100, process, true, false});
    s.t1 = builder.addActor({QStringLiteral("T1"), 101, process, false, false});
    s.t2 = builder.addActor({QStringLiteral("T2"), 102, process, false, false});
    const quint32 l1 = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    const quint32 l2 = builder.addObject({QStringLiteral("L2"), ObjectKind::Lock});
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   quint8 flags = NoFlags, const QString &text = {}) {
        builder.addEvent({t, value, actor, object, builder.intern(text), 0, kind, flags});
    };
    add(0, EventKind::ThreadStart, main, 0, 100);
    add(0, EventKind::ThreadSpawn, main, 0, s.t1);
    add(0, EventKind::ThreadSpawn, main, 0, s.t2);
    add(1, EventKind::ThreadStart, s.t1, 0, 101);
    add(1, EventKind::ThreadStart, s.t2, 0, 102);
    add(2, EventKind::JoinWait, main, 0, s.t1);
    add(2, EventKind::LockAcquired, s.t1, l1);
    add(2, EventKind::LockAcquired, s.t2, l2);
    add(2, EventKind::Print, s.t1, 0, 0, NoFlags, QStringLiteral("T1 holds L1"));
    add(2, EventKind::Print, s.t2, 0, 0, NoFlags, QStringLiteral("T2 holds L2"));
    add(50, EventKind::Print, s.t1, 0, 0, NoFlags, QStringLiteral("T1 wants L2"));
    add(50, EventKind::Print, s.t2, 0, 0, NoFlags, QStringLiteral("T2 wants L1"));
    add(50, EventKind::LockWait, s.t1, l2);
    add(50, EventKind::LockWait, s.t2, l1);
    add(100, EventKind::Mark, s.t1, l2, s.t2, Abnormal | WaitsFor,
        QStringLiteral("deadlock: T1 waits for L2 held by T2"));
    add(100, EventKind::Mark, s.t2, l1, s.t1, Abnormal | WaitsFor,
        QStringLiteral("deadlock: T2 waits for L1 held by T1"));
    add(104, EventKind::ThreadEnd, s.t1, 0, 0, Abnormal);
    add(104, EventKind::ThreadEnd, s.t2, 0, 0, Abnormal);
    add(104, EventKind::ThreadEnd, main, 0, 0);
    s.trace = builder.build();
    return s;
}

// A client and a server trading 24-byte packets in quick succession, the server
// printing what it got: many byte counts and prints in one small area.
Trace makeSocketScene()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4243, QStringLiteral("weft")});
    const quint32 server = builder.addActor({QStringLiteral("server"), 200, process, true, false});
    const quint32 client = builder.addActor({QStringLiteral("client"), 201, process, false, false});
    const quint32 up = builder.addObject({QStringLiteral("c→s"), ObjectKind::Socket});
    const quint32 down = builder.addObject({QStringLiteral("s→c"), ObjectKind::Socket});
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   const QString &text = {}) {
        builder.addEvent({t, value, actor, object, builder.intern(text), 0, kind, NoFlags});
    };
    add(0, EventKind::ThreadStart, server, 0, 200);
    add(0, EventKind::ThreadStart, client, 0, 201);
    for (int k = 0; k < 6; ++k) {
        const qint64 t = 10 + 15 * k;
        add(t, EventKind::PacketSend, client, up, 24, QStringLiteral("ping"));
        add(t + 6, EventKind::PacketRecv, server, up, 24, QStringLiteral("ping"));
        add(t + 6, EventKind::Print, server, 0, 0, QStringLiteral("got 24 bytes: ping"));
        add(t + 7, EventKind::PacketSend, server, down, 24, QStringLiteral("pong"));
        add(t + 13, EventKind::PacketRecv, client, down, 24, QStringLiteral("pong"));
    }
    add(110, EventKind::ThreadEnd, server, 0, 0);
    add(110, EventKind::ThreadEnd, client, 0, 0);
    return builder.build();
}

// gil.io's slices: the same long name on slices of many widths, from a sliver
// to one with room for all of it.
Trace makeSliceScene()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4244, QStringLiteral("weft")});
    const quint32 worker = builder.addActor({QStringLiteral("io"), 300, process, false, false});
    const quint32 name = builder.intern(QStringLiteral("GIL held by the I/O thread"));
    builder.addEvent({0, 300, worker, 0, 0, 0, EventKind::ThreadStart, 0});
    qint64 t = 10;
    for (qint64 length : {20, 40, 60, 80, 100, 400}) {
        builder.addEvent({t, length, worker, 0, name, 0, EventKind::SpanBegin, 0});
        builder.addEvent({t + length, length, worker, 0, name, 0, EventKind::SpanEnd, 0});
        t += length + 20;
    }
    builder.addEvent({t, 0, worker, 0, 0, 0, EventKind::ThreadEnd, 0});
    return builder.build();
}

// Renders like an export (title, legend) and hands back what was placed.
LabelPlacer renderScene(const TimelineModel &model, const Theme &theme, QSize size,
                        const RenderOptions &extra = {})
{
    RenderOptions options = extra;
    options.layout.showTitle = true;
    options.layout.showLegend = true;
    options.title = QStringLiteral("scene");
    const TimelineRenderer renderer(theme);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    renderer.render(painter, QRectF(QPointF(0, 0), size), model, options);
    painter.end();
    return renderer.lastLabels();
}

QString overlapOf(const LabelPlacer &labels)
{
    const auto &placed = labels.placed();
    for (std::size_t a = 0; a < placed.size(); ++a)
        for (std::size_t b = a + 1; b < placed.size(); ++b)
            if (placed[a].rect.intersects(placed[b].rect))
                return QStringLiteral("'%1' over '%2'").arg(placed[a].text, placed[b].text);
    return {};
}

// A label cut so short it says nothing ("GIL…"): fewer than 6 characters before the ellipsis.
QString stubOf(const LabelPlacer &labels)
{
    for (const PlacedLabel &label : labels.placed())
        if (label.text.endsWith(QChar(0x2026)) && label.text.size() < 7)
            return label.text;
    return {};
}

int countPlaced(const LabelPlacer &labels, const QString &part)
{
    return int(std::count_if(labels.placed().begin(), labels.placed().end(),
                             [&](const PlacedLabel &l) { return l.text.contains(part); }));
}

} // namespace

class TestLabelPlacer : public QObject
{
    Q_OBJECT
private slots:
    void placesOnlyWhereFree();
    void triesTheNextCandidate();
    void reservedRoomIsTaken();
    void deadlockLabelsNeverOverlap_data();
    void deadlockLabelsNeverOverlap();
    void chipsKeepTheirRoom();
    void byteCountsAndPrintsNeverOverlap_data();
    void byteCountsAndPrintsNeverOverlap();
    void sliceNamesAreWholeOrCutLong();
};

void TestLabelPlacer::placesOnlyWhereFree()
{
    LabelPlacer placer;
    const QRectF bounds(0, 0, 200, 100);
    QVERIFY(placer.place(QStringLiteral("a"), {QRectF(10, 10, 50, 20)}, bounds));
    QVERIFY(!placer.place(QStringLiteral("b"), {QRectF(40, 20, 50, 20)}, bounds));
    // Outside the bounds is no place either.
    QVERIFY(!placer.place(QStringLiteral("c"), {QRectF(180, 10, 50, 20)}, bounds));
    QCOMPARE(placer.placed().size(), std::size_t(1));
    QCOMPARE(placer.leftOut().size(), std::size_t(2));
    QCOMPARE(placer.leftOut().front().text, QStringLiteral("b"));
}

void TestLabelPlacer::triesTheNextCandidate()
{
    LabelPlacer placer;
    const QRectF bounds(0, 0, 200, 100);
    placer.place(QStringLiteral("a"), {QRectF(10, 40, 50, 20)}, bounds);
    const auto placed = placer.place(QStringLiteral("b"),
                                     {QRectF(10, 40, 50, 20), QRectF(10, 10, 50, 20)}, bounds);
    QVERIFY(placed);
    QCOMPARE(*placed, QRectF(10, 10, 50, 20));
    QVERIFY(placer.leftOut().empty());
}

void TestLabelPlacer::reservedRoomIsTaken()
{
    LabelPlacer placer;
    placer.reserve(QRectF(0, 0, 100, 30), QStringLiteral("chip"));
    QVERIFY(!placer.isFree(QRectF(90, 20, 30, 30)));
    QVERIFY(placer.isFree(QRectF(0, 40, 30, 30)));
}

void TestLabelPlacer::deadlockLabelsNeverOverlap_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("1600 px") << 1600 << 1.0;
    QTest::newRow("1000 px") << 1000 << 1.0; // the ring's right label no longer fits beside it
    QTest::newRow("1600 px at 200 %") << 1600 << 2.0;
}

void TestLabelPlacer::deadlockLabelsNeverOverlap()
{
    QFETCH(int, width);
    QFETCH(qreal, scale);
    const Scene scene = makeDeadlockScene();
    const TimelineModel model(scene.trace);
    QVERIFY(!model.deadlockCycle().empty());
    const Theme theme = Theme::light(scale);
    const LabelPlacer labels = renderScene(model, theme, QSize(width, int(320 * scale)));
    QVERIFY2(overlapOf(labels).isEmpty(), qPrintable(overlapOf(labels)));
    QVERIFY2(stubOf(labels).isEmpty(), qPrintable(stubOf(labels)));
    // Both callouts show when the plot has room for them, above or below the ring if not beside it.
    QCOMPARE(countPlaced(labels, QStringLiteral("T1 waits for L2 (held by T2)")), 1);
    QCOMPARE(countPlaced(labels, QStringLiteral("T2 waits for L1 (held by T1)")), 1);
}

void TestLabelPlacer::chipsKeepTheirRoom()
{
    // Step mode: the threads are parked at their live end, a chip each.
    const Scene scene = makeDeadlockScene();
    const TimelineModel model(scene.trace);
    RenderOptions options;
    // As the view does: room right of the live end for the chips.
    options.fromNs = -4;
    options.toNs = 180;
    options.pending = {{scene.t1, QStringLiteral("T1 wants L2"), {}},
                       {scene.t2, QStringLiteral("acquire L1"),
                        QStringLiteral("blocked: T2 waits for L1 (held by T1)")}};
    for (int width : {1600, 1000, 800}) {
        const LabelPlacer labels = renderScene(model, Theme::light(), QSize(width, 320), options);
        QVERIFY2(overlapOf(labels).isEmpty(), qPrintable(overlapOf(labels)));
        QVERIFY2(stubOf(labels).isEmpty(), qPrintable(stubOf(labels)));
        QCOMPARE(countPlaced(labels, QStringLiteral("blocked: T2 waits for L1")), 1);
    }
}

void TestLabelPlacer::byteCountsAndPrintsNeverOverlap_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("light 100 %") << false << 1.0;
    QTest::newRow("dark 200 %") << true << 2.0;
}

void TestLabelPlacer::byteCountsAndPrintsNeverOverlap()
{
    QFETCH(bool, dark);
    QFETCH(qreal, scale);
    const TimelineModel model(makeSocketScene());
    QVERIFY(model.flows().size() >= 12);
    const Theme theme = dark ? Theme::dark(scale) : Theme::light(scale);
    // Exports grow wider with the text size, as the arrows' labels do.
    const LabelPlacer labels
        = renderScene(model, theme, QSize(int(1600 * scale), int(260 * scale)));
    QVERIFY2(overlapOf(labels).isEmpty(), qPrintable(overlapOf(labels)));
    QVERIFY2(stubOf(labels).isEmpty(), qPrintable(stubOf(labels)));
    QVERIFY(countPlaced(labels, QStringLiteral("24 B")) >= 2);
    // A print with no room is left out whole, for the view's tooltip to name.
    const auto leftOutPrints
        = std::count_if(labels.leftOut().begin(), labels.leftOut().end(), [](const PlacedLabel &l) {
              return l.text.startsWith(QStringLiteral("got"));
          });
    QCOMPARE(countPlaced(labels, QStringLiteral("got 24 bytes: ping")) + int(leftOutPrints), 6);
}

void TestLabelPlacer::sliceNamesAreWholeOrCutLong()
{
    const TimelineModel model(makeSliceScene());
    const LabelPlacer labels = renderScene(model, Theme::light(), QSize(1000, 200));
    QVERIFY2(stubOf(labels).isEmpty(), qPrintable(stubOf(labels)));
    QVERIFY(countPlaced(labels, QStringLiteral("GIL held by the I/O thread")) >= 1);
    QVERIFY2(overlapOf(labels).isEmpty(), qPrintable(overlapOf(labels)));
}

QTEST_MAIN(TestLabelPlacer)

#include "tst_labelplacer.moc"
