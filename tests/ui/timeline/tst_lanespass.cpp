// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/lanespass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;
using weft::testsupport::window;

namespace {

const QSize kSize(1000, 240);

} // namespace

class TestLanesPass : public QObject
{
    Q_OBJECT
private slots:
    void stateColourInTheBar_data();
    void stateColourInTheBar();
    void nothingBeforeALaneStarts();
    void aFinishedThreadIsAThinLine();
    void aShortWaitWinsItsMergedPixels();
    void aWaitAmidOtherSpansWinsToo();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestLanesPass::stateColourInTheBar_data()
{
    QTest::addColumn<quint32>("actor");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("state");
    // Mid-span times (see sampletrace.h), away from the merges at span edges.
    QTest::newRow("A running") << m_sample.a << qint64(34) << int(LaneState::Running);
    QTest::newRow("A sleeping") << m_sample.a << qint64(70) << int(LaneState::Sleeping);
    QTest::newRow("B blocked on L") << m_sample.b << qint64(50) << int(LaneState::BlockedOnLock);
    QTest::newRow("B running") << m_sample.b << qint64(66) << int(LaneState::Running);
    QTest::newRow("main in join") << m_sample.main << qint64(60) << int(LaneState::WaitingJoin);
}

void TestLanesPass::stateColourInTheBar()
{
    QFETCH(quint32, actor);
    QFETCH(qint64, time);
    QFETCH(int, state);
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(LanesPass());
    const int lane = m_model.laneIndexOf(actor);
    QCOMPARE(m_model.stateAt(actor, time), LaneState(state)); // the trace says what it should
    QCOMPARE(image.pixelColor(probe.barPoint(lane, time)), theme.stateColor(LaneState(state)));
    // Only the bar: the lock band's row under it is another pass's.
    QCOMPARE(image.pixelColor(probe.bandPoint(lane, time)), theme.background());
}

void TestLanesPass::nothingBeforeALaneStarts()
{
    // B starts at 18: left of that its bar is empty.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(LanesPass());
    const int b = m_model.laneIndexOf(m_sample.b);
    QCOMPARE(image.pixelColor(probe.barPoint(b, 8)), theme.background());
    QCOMPARE(image.pixelColor(probe.barPoint(b, 25)), theme.stateColor(LaneState::Running));
}

void TestLanesPass::aFinishedThreadIsAThinLine()
{
    // B ends at 90; after that its bar is a line through the middle, not a full bar.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(LanesPass());
    const int b = m_model.laneIndexOf(m_sample.b);
    const QPoint middle = probe.barPoint(b, 105);
    QCOMPARE(image.pixelColor(middle), theme.stateColor(LaneState::Finished));
    const int barTop = qRound(probe.layout().laneRect(b).top()) + theme.stateBarTop();
    QCOMPARE(image.pixelColor(middle.x(), barTop + 1), theme.background());
    // While it ran, the bar was full height.
    QCOMPARE(image.pixelColor(probe.barPoint(b, 66).x(), barTop + 1),
             theme.stateColor(LaneState::Running));
}

void TestLanesPass::aShortWaitWinsItsMergedPixels()
{
    // A thread runs 0..1000, waits 1 ns for a lock, runs on to 3000. At ~24 ns
    // a pixel the wait shares its merged run with the running after it; the
    // wait wins: it is what a reader looks for.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 worker = builder.addActor({QStringLiteral("worker"), 11, process, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("L"), ObjectKind::Lock});
    builder.addEvent({0, 0, worker, 0, 0, 0, EventKind::ThreadStart, 0});
    builder.addEvent({1000, 0, worker, lock, 0, 0, EventKind::LockWait, 0});
    builder.addEvent({1001, 0, worker, lock, 0, 0, EventKind::LockAcquired, 0});
    builder.addEvent({3000, 0, worker, 0, 0, 0, EventKind::ThreadEnd, 0});
    const TimelineModel model(builder.build());
    QCOMPARE(model.stateAt(worker, 1000), LaneState::BlockedOnLock);

    const Theme theme = Theme::light();
    const RenderProbe probe(model, theme, window(0, 20'000), kSize);
    QVERIFY(probe.x(1001) - probe.x(1000) < 1);
    const QImage image = probe.renderPass(LanesPass());
    const QPoint wait = probe.barPoint(0, 1000);
    QVERIFY2(testsupport::countNear(image, testsupport::around(wait, 1),
                                    theme.stateColor(LaneState::BlockedOnLock), 0)
                 > 0,
             "the wait merged away");
    // ... and the running resumes right after its few pixels.
    QCOMPARE(image.pixelColor(probe.barPoint(0, 1500)), theme.stateColor(LaneState::Running));
}

void TestLanesPass::aWaitAmidOtherSpansWinsToo()
{
    // Zoomed out to 1 ms, B's whole life (running, waiting for L, running,
    // finished) is one merged run: the wait should still win it.
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, window(0, 1'000'000), kSize);
    QVERIFY(probe.x(120) - probe.x(0) < 1);
    const QImage image = probe.renderPass(LanesPass());
    const QPoint wait = probe.barPoint(m_model.laneIndexOf(m_sample.b), 35);
    QVERIFY(testsupport::countNear(image, testsupport::around(wait, 2),
                                   theme.stateColor(LaneState::BlockedOnLock), 0)
            > 0);
}

QTEST_MAIN(TestLanesPass)
#include "tst_lanespass.moc"
