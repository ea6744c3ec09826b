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
    void aStartingChildIsHatchedInItsOwnColour_data();
    void aStartingChildIsHatchedInItsOwnColour();
    void aThreadPausedByTheUserHasThePausedColour_data();
    void aThreadPausedByTheUserHasThePausedColour();

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

void TestLanesPass::aStartingChildIsHatchedInItsOwnColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestLanesPass::aStartingChildIsHatchedInItsOwnColour()
{
    // A child process started at 10 (from the parent's line 1) whose program runs
    // its first line (site 2) at 60: starting 10..60, running 60..100.
    QFETCH(bool, dark);
    TraceBuilder b;
    const quint32 parent = b.addProcess({100, QStringLiteral("parent")});
    const quint32 childProcess = b.addProcess({200, QStringLiteral("child")});
    const quint32 main = b.addActor({QStringLiteral("main"), 1, parent, true, false});
    const quint32 child = b.addActor({QStringLiteral("MainThread"), 2, childProcess, true, false});
    const quint16 startLine = b.addSite({QStringLiteral("parent.cpp"), 1});
    const quint16 childLine = b.addSite({QStringLiteral("child.cpp"), 2});
    b.addEvent({0, 0, main, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({10, 200, child, 0, 0, startLine, EventKind::ProcessStart, NoFlags});
    b.addEvent({40, 0, child, 0, 0, 0, EventKind::ThreadStart, Imported});
    b.addEvent({60, 0, child, 0, b.intern(QStringLiteral("hello")), childLine, EventKind::Print,
                Imported});
    b.addEvent({100, 0, child, 0, 0, 0, EventKind::ProcessExit, Imported});
    b.addEvent({120, 0, main, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    const TimelineModel model(b.build());
    QCOMPARE(model.stateAt(child, 30), LaneState::Starting);
    QCOMPARE(model.stateAt(child, 80), LaneState::Running);

    const Theme theme = dark ? Theme::dark() : Theme::light();
    const RenderProbe probe(model, theme, window(0, 120), kSize);
    const QImage image = probe.renderPass(LanesPass());
    const int lane = model.laneIndexOf(child);
    const QRect bar(QPoint(qRound(probe.x(12)), probe.barPoint(lane, 30).y() - 5),
                    QPoint(qRound(probe.x(58)), probe.barPoint(lane, 30).y() + 5));
    // Mostly its colour, crossed by its hatch; no "running" green in it.
    const int fill = testsupport::countNear(image, bar, theme.stateColor(LaneState::Starting), 0);
    // Hatch pixels: nearer the hatch's colour than the fill's (the lines are anti-aliased).
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
            + std::abs(a.blue() - b.blue());
    };
    int hatch = 0;
    for (int y = bar.top(); y <= bar.bottom(); ++y)
        for (int x = bar.left(); x <= bar.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            hatch += distance(c, theme.startingHatch())
                < distance(c, theme.stateColor(LaneState::Starting));
        }
    const int area = bar.width() * bar.height();
    QVERIFY2(fill > area / 3, qPrintable(QStringLiteral("%1 of %2").arg(fill).arg(area)));
    QVERIFY2(hatch > area / 20, qPrintable(QStringLiteral("%1 of %2").arg(hatch).arg(area)));
    QCOMPARE(testsupport::countNear(image, bar, theme.stateColor(LaneState::Running), 0), 0);
    QCOMPARE(image.pixelColor(probe.barPoint(lane, 80)), theme.stateColor(LaneState::Running));
}

void TestLanesPass::aThreadPausedByTheUserHasThePausedColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestLanesPass::aThreadPausedByTheUserHasThePausedColour()
{
    QFETCH(bool, dark);
    // Step Mode: T parks at its gate at 20 and the user lets it go at 80.
    TraceBuilder b;
    const quint32 p = b.addProcess({1, QStringLiteral("p")});
    const quint32 t = b.addActor({QStringLiteral("T"), 1, p, true, false});
    b.addEvent({0, 0, t, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({20, qint64(EventKind::Print), t, 0, 0, 0, EventKind::StepWait, NoFlags});
    b.addEvent({80, 0, t, 0, 0, 0, EventKind::Print, NoFlags});
    b.addEvent({100, 0, t, 0, 0, 0, EventKind::ThreadEnd, NoFlags});
    const TimelineModel model(b.build());
    const Theme theme = dark ? Theme::dark() : Theme::light();
    const RenderProbe probe(model, theme, window(0, 100), kSize);
    const QImage image = probe.renderPass(LanesPass());
    QCOMPARE(image.pixelColor(probe.barPoint(0, 50)), theme.stateColor(LaneState::Paused));
    QCOMPARE(image.pixelColor(probe.barPoint(0, 10)), theme.stateColor(LaneState::Running));
    QCOMPARE(image.pixelColor(probe.barPoint(0, 90)), theme.stateColor(LaneState::Running));
    QVERIFY(theme.stateColor(LaneState::Paused) != theme.stateColor(LaneState::Running));
}

QTEST_MAIN(TestLanesPass)
#include "tst_lanespass.moc"
