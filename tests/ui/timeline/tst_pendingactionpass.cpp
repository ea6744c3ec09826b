// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/pendingactionpass.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QImage>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using namespace weft::testsupport;

// The live-stepping chips: what each parked thread does next, at its lane's end.
class TestPendingActionPass : public QObject
{
    Q_OBJECT
private slots:
    void chipSitsInItsLanesRowAfterItsEnd();
    void chipIsDrawnInTheChipColour();
    void blockedChipLooksDifferent();
    void chipStaysInsideThePlotAtTheRightEdge();
    void marksWithoutALaneAreSkipped();

private:
    static constexpr QSize kSize {1000, 300};

    RenderOptions options(QList<PendingMark> pending, qint64 toNs = 240) const
    {
        RenderOptions o;
        o.fromNs = 0;
        o.toNs = toNs; // lanes end at 90..120: room after them for the chips
        o.pending = std::move(pending);
        return o;
    }
    QImage render(const RenderOptions &o) const
    {
        return RenderProbe(m_model, Theme::standard(), o, kSize).renderAll();
    }
    std::vector<PendingChip> chips(const RenderOptions &o) const
    {
        return PendingActionPass::chips(
            RenderProbe(m_model, Theme::standard(), o, kSize).context());
    }
    QRectF laneRow(quint32 actor, const RenderOptions &o) const
    {
        return RenderProbe(m_model, Theme::standard(), o, kSize)
            .layout()
            .laneRect(m_model.laneIndexOf(actor));
    }
    // Pixels of a colour (within a small tolerance) inside a rectangle.
    static int countColour(const QImage &image, const QRectF &area, const QColor &colour)
    {
        return countNear(image, area.toAlignedRect(), colour, 6);
    }

    SampleTrace m_sample = makeSampleTrace();
    TimelineModel m_model {m_sample.trace};
};

void TestPendingActionPass::chipSitsInItsLanesRowAfterItsEnd()
{
    const RenderOptions o = options({{m_sample.a, QStringLiteral("acquire L"), {}}});
    const std::vector<PendingChip> all = chips(o);
    QCOMPARE(all.size(), std::size_t(1));
    const PendingChip &chip = all.front();
    QCOMPARE(chip.actor, m_sample.a);
    QCOMPARE(chip.text, QStringLiteral("acquire L"));
    QVERIFY(!chip.blocked);
    const QRectF row = laneRow(m_sample.a, o);
    QVERIFY(row.contains(chip.rect.center()));
    QVERIFY(chip.rect.top() >= row.top() && chip.rect.bottom() <= row.bottom());
    // A ends at 100 ns: the chip starts after that x (plot from 0 to 240 ns).
    const qreal endX = RenderProbe(m_model, Theme::standard(), o, kSize).x(100);
    QVERIFY2(chip.rect.left() > endX,
             qPrintable(QStringLiteral("%1 <= %2").arg(chip.rect.left()).arg(endX)));
}

void TestPendingActionPass::chipIsDrawnInTheChipColour()
{
    const QColor chipColour = PendingActionPass::chipColor(Theme::standard());
    const RenderOptions with = options({{m_sample.a, QStringLiteral("acquire L"), {}}});
    const RenderOptions without = options({});
    const QRectF row = laneRow(m_sample.a, with);
    const QRectF chip = chips(with).front().rect;
    // The row right of A's end, where the chip goes.
    const QRectF area(chip.left(), row.top(), chip.width(), row.height());
    QCOMPARE(countColour(render(without), area, chipColour), 0);
    const int coloured = countColour(render(with), area, chipColour);
    QVERIFY2(coloured > int(chip.width() * chip.height() / 3),
             qPrintable(QString::number(coloured)));
    // Only A's row has one.
    QCOMPARE(countColour(render(with), laneRow(m_sample.b, with), chipColour), 0);
}

void TestPendingActionPass::blockedChipLooksDifferent()
{
    const QColor chipColour = PendingActionPass::chipColor(Theme::standard());
    const RenderOptions blocked = options(
        {{m_sample.b, QStringLiteral("acquire L"), QStringLiteral("blocked: L held by A")}});
    const std::vector<PendingChip> all = chips(blocked);
    QCOMPARE(all.size(), std::size_t(1));
    QVERIFY(all.front().blocked);
    QCOMPARE(all.front().text, QStringLiteral("blocked: L held by A"));
    const QRectF chip = all.front().rect;
    const QImage withChip = render(blocked);
    const QImage plain = render(options({}));
    // Something is drawn there, but not a solid chip: no chip colour, and
    // hatching leaves both the background and the muted pen visible.
    QVERIFY(withChip.copy(chip.toAlignedRect()) != plain.copy(chip.toAlignedRect()));
    QCOMPARE(countColour(withChip, chip, chipColour), 0);
    QVERIFY(countColour(withChip, chip, Theme::standard().background()) > 0);
    QVERIFY(countColour(withChip, chip, Theme::standard().gridLine()) > 0);
}

void TestPendingActionPass::chipStaysInsideThePlotAtTheRightEdge()
{
    // Following a live run, the lanes end at the right edge: the chip is pulled back in.
    const RenderOptions o = options({{m_sample.main, QStringLiteral("join A"), {}}}, 120);
    const std::vector<PendingChip> all = chips(o);
    QCOMPARE(all.size(), std::size_t(1));
    const RenderProbe probe(m_model, Theme::standard(), o, kSize);
    QVERIFY(probe.layout().plotRect().contains(all.front().rect));
    const QColor chipColour = PendingActionPass::chipColor(Theme::standard());
    QVERIFY(countColour(render(o), all.front().rect, chipColour) > 0);
}

void TestPendingActionPass::marksWithoutALaneAreSkipped()
{
    const RenderOptions o = options(
        {{9999, QStringLiteral("acquire L"), {}}, {m_sample.b, QStringLiteral("print \"x\""), {}}});
    const std::vector<PendingChip> all = chips(o);
    QCOMPARE(all.size(), std::size_t(1));
    QCOMPARE(all.front().actor, m_sample.b);
}

QTEST_MAIN(TestPendingActionPass)
#include "tst_pendingactionpass.moc"
