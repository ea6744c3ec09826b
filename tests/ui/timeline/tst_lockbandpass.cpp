// SPDX-License-Identifier: MIT
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/lockbandpass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;
using weft::testsupport::window;

namespace {

const QSize kSize(1000, 240);

} // namespace

class TestLockBandPass : public QObject
{
    Q_OBJECT
private slots:
    void bandInTheLocksColourWhileHeld_data();
    void bandInTheLocksColourWhileHeld();
    void onlyTheBandRow();
    void aHoldBegunBeforeTheWindowShowsFromItsEdge();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestLockBandPass::bandInTheLocksColourWhileHeld_data()
{
    // A holds L 30..60, B waits for it 35..60 and holds it 60..70 (sampletrace.h).
    QTest::addColumn<quint32>("actor");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<bool>("held");
    QTest::newRow("A holds") << m_sample.a << qint64(45) << true;
    QTest::newRow("A before") << m_sample.a << qint64(25) << false;
    QTest::newRow("A after") << m_sample.a << qint64(75) << false;
    QTest::newRow("B waiting") << m_sample.b << qint64(45) << false;
    QTest::newRow("B holds") << m_sample.b << qint64(65) << true;
    QTest::newRow("B after") << m_sample.b << qint64(85) << false;
    QTest::newRow("main never") << m_sample.main << qint64(45) << false;
}

void TestLockBandPass::bandInTheLocksColourWhileHeld()
{
    QFETCH(quint32, actor);
    QFETCH(qint64, time);
    QFETCH(bool, held);
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(LockBandPass());
    const QPoint band = probe.bandPoint(m_model.laneIndexOf(actor), time);
    QCOMPARE(image.pixelColor(band), held ? theme.objectColor(m_sample.lock) : theme.background());
}

void TestLockBandPass::onlyTheBandRow()
{
    // During A's hold, the state bar above the band and the lane's rest stay
    // untouched: the band is a thin row, not a bar.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(LockBandPass());
    const int a = m_model.laneIndexOf(m_sample.a);
    QCOMPARE(image.pixelColor(probe.barPoint(a, 45)), theme.background());
    const QRectF lane = probe.layout().laneRect(a);
    const int x = qRound(probe.x(45));
    int banded = 0;
    for (int y = int(lane.top()); y < int(lane.bottom()); ++y)
        banded += image.pixelColor(x, y) == theme.objectColor(m_sample.lock) ? 1 : 0;
    QCOMPARE(banded, theme.lockBandHeight());
}

void TestLockBandPass::aHoldBegunBeforeTheWindowShowsFromItsEdge()
{
    // A window from 40 starts inside A's hold (30..60): the band is found
    // though it began earlier, runs from the plot's left edge, and does not
    // spill into the label column left of the plot.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(40, 120), kSize);
    const QImage image = probe.renderPass(LockBandPass());
    const int a = m_model.laneIndexOf(m_sample.a);
    const QPoint start = probe.bandPoint(a, 40);
    const QColor lock = theme.objectColor(m_sample.lock);
    QCOMPARE(image.pixelColor(start.x() + 1, start.y()), lock);
    QCOMPARE(image.pixelColor(probe.bandPoint(a, 55)), lock);
    const QRect labels = probe.layout().labelsRect().toAlignedRect();
    QCOMPARE(testsupport::countOther(image, labels.adjusted(0, 0, -1, 0), theme.background()), 0);
}

QTEST_MAIN(TestLockBandPass)
#include "tst_lockbandpass.moc"
