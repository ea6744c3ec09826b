// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "ui/timeline/instantpass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 200);
constexpr qint64 kEnd = 1000, kAt = 400, kBurstAt = 700;

// Lanes "printer", "marker" and "failer", each with one instant of its kind at
// kAt; "burst" prints 20 times at kBurstAt, away from the glyphs above it.
struct Instants
{
    Trace trace;
    quint32 printer = 0, marker = 0, failer = 0, burst = 0;
};

Instants makeTrace()
{
    Instants t;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const EventKind kinds[] = {EventKind::Print, EventKind::Mark, EventKind::Error};
    const QString names[]
        = {QStringLiteral("printer"), QStringLiteral("marker"), QStringLiteral("failer")};
    quint32 *actors[] = {&t.printer, &t.marker, &t.failer};
    for (int i = 0; i < 3; ++i) {
        const quint32 actor = *actors[i]
            = builder.addActor({names[i], 11 + i, process, false, false});
        builder.addEvent({0, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
        builder.addEvent(
            {kAt, 0, actor, 0, builder.intern(QStringLiteral("said %1").arg(i)), 0, kinds[i], 0});
        builder.addEvent({kEnd, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    }
    const quint32 burst = t.burst
        = builder.addActor({QStringLiteral("burst"), 14, process, false, false});
    builder.addEvent({0, 0, burst, 0, 0, 0, EventKind::ThreadStart, 0});
    for (int k = 0; k < 20; ++k)
        builder.addEvent({kBurstAt, 0, burst, 0, builder.intern(QStringLiteral("line %1").arg(k)),
                          0, EventKind::Print, 0});
    builder.addEvent({kEnd, 0, burst, 0, 0, 0, EventKind::ThreadEnd, 0});
    t.trace = builder.build();
    return t;
}

RenderOptions window()
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = kEnd;
    return options;
}

// The part of a lane's row between two times.
QRect rowBetween(const RenderProbe &probe, int lane, qreal x0, qreal x1)
{
    const QRectF row = probe.layout().laneRect(lane);
    return QRectF(QPointF(x0, row.top()), QPointF(x1, row.bottom())).toAlignedRect();
}

} // namespace

class TestInstantPass : public QObject
{
    Q_OBJECT
private slots:
    void glyphInItsKindsColour_data();
    void glyphInItsKindsColour();
    void labelRightOfTheGlyphOnly();
    void aBurstIsOnePlainTick();

private:
    const Instants m_instants = makeTrace();
    const TimelineModel m_model {m_instants.trace};
};

void TestInstantPass::glyphInItsKindsColour_data()
{
    // Where each glyph is solid (not an antialiased edge), from its lane's top
    // and the state bar's centre: the print's flag and the error's triangle sit
    // at the top, the mark's diamond on the bar.
    const Theme theme = Theme::light();
    QTest::addColumn<quint32>("actor");
    QTest::addColumn<qreal>("y");
    QTest::addColumn<QColor>("color");
    QTest::newRow("print") << m_instants.printer << theme.px(3) << theme.printTick();
    QTest::newRow("mark") << m_instants.marker << theme.stateBarCenter() << theme.markTick();
    QTest::newRow("error") << m_instants.failer << theme.px(4) << theme.errorTick();
}

void TestInstantPass::glyphInItsKindsColour()
{
    QFETCH(quint32, actor);
    QFETCH(qreal, y);
    QFETCH(QColor, color);
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(InstantPass());
    const QPoint glyph
        = QPointF(probe.x(kAt), probe.layout().laneRect(m_model.laneIndexOf(actor)).top() + y)
              .toPoint();
    QVERIFY2(testsupport::countNear(image, testsupport::around(glyph, 1), color, 4) > 0,
             qPrintable(image.pixelColor(glyph).name()));
    // The kinds differ: a print's colour is not a mark's.
    QVERIFY(theme.printTick() != theme.markTick() && theme.markTick() != theme.errorTick());
}

void TestInstantPass::labelRightOfTheGlyphOnly()
{
    // The printed text goes right of its tick, where there is room; left of it
    // the lane is empty.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(InstantPass());
    const qreal x = probe.x(kAt);
    const int printer = m_model.laneIndexOf(m_instants.printer);
    const int ink = testsupport::countNear(
        image, rowBetween(probe, printer, x + theme.px(8), x + theme.px(80)), theme.text(), 60);
    QVERIFY2(ink > 10, qPrintable(QString::number(ink)));
    QCOMPARE(testsupport::countOther(
                 image,
                 rowBetween(probe, printer, probe.layout().plotRect().left(), x - theme.px(6)),
                 theme.background()),
             0);
}

void TestInstantPass::aBurstIsOnePlainTick()
{
    // Twenty prints on one pixel: one thin tick, no flag, no label.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(), kSize);
    const QImage image = probe.renderPass(InstantPass());
    const int burst = m_model.laneIndexOf(m_instants.burst);
    const qreal x = probe.x(kBurstAt);
    QVERIFY(testsupport::countNear(image, testsupport::around(probe.barPoint(burst, kBurstAt), 1),
                                   theme.printTick(), 4)
            > 0);
    QCOMPARE(testsupport::countOther(
                 image,
                 rowBetween(probe, burst, x + theme.px(4), probe.layout().plotRect().right()),
                 theme.background()),
             0);
    // A tick spans the row less 3 px at either end: the print's flag would be above it.
    const QRectF row = probe.layout().laneRect(burst);
    const QRect flag
        = QRectF(x - theme.px(3), row.top(), theme.px(6), theme.px(3) - 1).toAlignedRect();
    QCOMPARE(testsupport::countOther(image, flag, theme.background()), 0);
}

QTEST_MAIN(TestInstantPass)
#include "tst_instantpass.moc"
