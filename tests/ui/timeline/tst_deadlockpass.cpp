// SPDX-License-Identifier: MIT
#include "tests/common/deadlocktrace.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "ui/timeline/deadlockpass.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QFontMetricsF>
#include <QImage>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using namespace weft::testsupport;

namespace {

const QSize kSize(1000, 300);
constexpr qint64 kFrom = 0, kTo = 110;

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
        QImage blank; // the background alone: what drawing nothing leaves
        qreal x = 0; // where the ring stands
        qreal t1Bar = 0, t2Bar = 0, t1Band = 0, t2Band = 0;
    };
    static Frame paintPass(const TimelineModel &model, qint64 from = kFrom, qint64 to = kTo)
    {
        const RenderProbe probe(model, Theme::standard(), window(from, to), kSize);
        Frame frame;
        frame.image = probe.renderPass(DeadlockPass());
        frame.blank = probe.background();
        constexpr qint64 kStuck = 75; // the middle of 50..100: both stuck, not yet marked
        frame.x = probe.x(kStuck);
        frame.t1Bar = probe.barPoint(0, kStuck).y();
        frame.t2Bar = probe.barPoint(1, kStuck).y();
        frame.t1Band = probe.bandPoint(0, kStuck).y();
        frame.t2Band = probe.bandPoint(1, kStuck).y();
        return frame;
    }

    DeadlockTrace m_deadlock = makeDeadlockTrace();
};

void TestDeadlockPass::arrowsBowIntoARing()
{
    const TimelineModel model(m_deadlock.trace);
    QCOMPARE(model.laneIndexOf(m_deadlock.t1), 0);
    const Frame f = paintPass(model);
    const QColor strong = Theme::standard().waitFlow();
    const qreal bow = Theme::standard().px(56);
    // T1 -> L2's band on T2 bows right, T2 -> L1's band on T1 bows left.
    QVERIFY(countNear(f.image, around(QPointF(f.x + bow, (f.t1Bar + f.t2Band) / 2).toPoint(), 1),
                      strong)
            >= 3);
    QVERIFY(countNear(f.image, around(QPointF(f.x - bow, (f.t2Bar + f.t1Band) / 2).toPoint(), 1),
                      strong)
            >= 3);
    // Thick: the stroke is wider than a hairline flow arrow.
    QVERIFY(countNear(f.image, around(QPointF(f.x + bow, (f.t1Bar + f.t2Band) / 2).toPoint(), 1),
                      strong)
            >= 6);
    // Curved, not straight: nothing on the straight line halfway between the ends.
    QCOMPARE(
        countNear(f.image, around(QPointF(f.x + bow / 2 + 8, f.t1Bar - 6).toPoint(), 1), strong),
        0);
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
    QVERIFY(countNear(f.image, around(QPointF(f.x - half + 6, y).toPoint(), 1), strong) >= 8);
    QVERIFY(countNear(f.image, around(QPointF(f.x + half - 6, y).toPoint(), 1), strong) >= 8);
}

void TestDeadlockPass::nothingWithoutACycle()
{
    const Frame f = paintPass(TimelineModel(makeDeadlockTrace(false).trace));
    QCOMPARE(f.image, f.blank);
}

void TestDeadlockPass::drawnByTheRenderer()
{
    const TimelineModel model(m_deadlock.trace);
    const Frame f = paintPass(model);
    RenderOptions options;
    options.fromNs = kFrom;
    options.toNs = kTo;
    const QImage image = RenderProbe(model, Theme::standard(), options, kSize).renderAll();
    const qreal bow = Theme::standard().px(56);
    QVERIFY(countNear(image, around(QPointF(f.x + bow, (f.t1Bar + f.t2Band) / 2).toPoint(), 1),
                      Theme::standard().waitFlow())
            >= 3);
}

void TestDeadlockPass::offscreenCycleDrawsNothing()
{
    // A window before anyone waits: no ring to draw.
    const Frame f = paintPass(TimelineModel(m_deadlock.trace), 0, 40);
    QCOMPARE(f.image, f.blank);
}

QTEST_MAIN(TestDeadlockPass)
#include "tst_deadlockpass.moc"
