// SPDX-License-Identifier: MIT
#include "core/derived/steporder.h"
#include "core/tracebuilder.h"
#include "tests/common/deadlocktrace.h"
#include "tests/common/liveseries.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/derivedsnapshot.h"
#include "ui/timeline/timelineview.h"
#include "ui/timeline/zoomcontrol.h"

#include <QApplication>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace weft;
using namespace weft::ui;
using namespace weft::testsupport;

class TestTimelineView : public QObject
{
    Q_OBJECT
private slots:
    void showsTheWholeTraceFirst();
    void keepsTheUsersZoomOnLiveUpdates();
    void ctrlWheelZooms();
    void keyZoomKeepsThePlayheadInPlace();
    void draggingTheRulerScrubs();
    void shiftDraggingTheRulerMarksARange();
    void revealingAnEventBringsItIntoView();
    void clickingALaneSelectsIt();
    void allArrowsReachesTheRenderer();
    void aLabelLeftOutIsNamedOnHover();
    void clickingASliceNamesItsBeginAndTheTipGivesItsTimes();
    void clickingAPendingChipStepsItsThread();
    void clickingABlockedChipDoesNotStep();
    void hoveringAChipShowsAPointingHand();
    void fewLanesFillTheHeight();
    void switchingTheAxisKeepsTheSelectedEventInPlace();
    void theStepAxisGrowsWithALiveRun();
    void aLiveSnapshotIsDerivedOnAWorker();
    void aModelDerivedElsewhereIsAdoptedOnTheTimeAxisOnly();
    void aFinishedRunIsNotReplacedByALateSnapshot();
    void theWindowInRealTimeOnTheStepAxis();

private:
    TimelineLayout layoutOf(const TimelineView &view) const { return view.layout(); }
    testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
};

void TestTimelineView::showsTheWholeTraceFirst()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    const qint64 margin
        = ZoomControl::fitAllMarginNs(m_sample.trace.endNs() - m_sample.trace.startNs());
    QVERIFY(margin > 0);
    QCOMPARE(view.zoomControl()->windowStartNs(), m_sample.trace.startNs() - margin);
    QCOMPARE(view.zoomControl()->windowEndNs(), m_sample.trace.endNs() + margin);
    view.setPlayhead(42);
    QCOMPARE(view.playhead(), 42);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
}

void TestTimelineView::keepsTheUsersZoomOnLiveUpdates()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.zoomControl()->setWindow(20, 40);
    view.setTrace(m_sample.trace);
    QCOMPARE(view.zoomControl()->windowStartNs(), 20);
    QCOMPARE(view.zoomControl()->windowEndNs(), 40);
    view.setFollowLive(true);
    QCOMPARE(view.zoomControl()->windowEndNs(), m_sample.trace.endNs());
    view.fitAll();
    QCOMPARE(view.zoomControl()->windowStartNs(),
             m_sample.trace.startNs()
                 - ZoomControl::fitAllMarginNs(m_sample.trace.endNs() - m_sample.trace.startNs()));
}

void TestTimelineView::ctrlWheelZooms()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 before = view.zoomControl()->windowDurationNs();
    const QPointF pos = layoutOf(view).plotRect().center();
    QWheelEvent wheel(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 240),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoomControl()->windowDurationNs() < before);
    view.zoomOut();
    view.zoomIn();
    view.fitAll();
    QCOMPARE(view.zoomControl()->windowDurationNs(), before);
}

void TestTimelineView::keyZoomKeepsThePlayheadInPlace()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    const ZoomControl *zoom = view.zoomControl();
    const qint64 playhead = zoom->windowStartNs() + zoom->windowDurationNs() / 5;
    view.setPlayhead(playhead);
    const double before
        = double(playhead - zoom->windowStartNs()) / double(zoom->windowDurationNs());
    const qint64 duration = zoom->windowDurationNs();
    view.zoomIn();
    QVERIFY(zoom->windowDurationNs() < duration);
    QVERIFY(playhead >= zoom->windowStartNs() && playhead <= zoom->windowEndNs());
    const double after
        = double(playhead - zoom->windowStartNs()) / double(zoom->windowDurationNs());
    QVERIFY2(std::abs(after - before) < 0.01,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TestTimelineView::draggingTheRulerScrubs()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy scrubbed(&view, &TimelineView::playheadScrubbed);
    const QRectF ruler = layoutOf(view).rulerRect();
    const QPoint middle(int(ruler.center().x()), int(ruler.center().y()));
    QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, middle);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, middle);
    QCOMPARE(scrubbed.count(), 1);
    const qint64 t = scrubbed.first().at(0).toLongLong();
    QVERIFY(std::abs(t - 60) <= 1); // the middle of a 0..120 ns trace
    QCOMPARE(view.playhead(), t);
}

void TestTimelineView::shiftDraggingTheRulerMarksARange()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy scrubbed(&view, &TimelineView::playheadScrubbed);
    QSignalSpy changed(&view, &TimelineView::rangeChanged);
    const TimelineLayout layout = layoutOf(view);
    const QRectF ruler = layout.rulerRect(), plot = layout.plotRect();
    const auto at = [&](qint64 ns) {
        return QPointF(plot.left() + double(ns) / 120.0 * plot.width(), ruler.center().y());
    };
    const auto send = [&](QEvent::Type type, QPointF p, Qt::MouseButtons buttons) {
        QMouseEvent event(type, p, view.viewport()->mapToGlobal(p), Qt::LeftButton, buttons,
                          Qt::ShiftModifier);
        QApplication::sendEvent(view.viewport(), &event);
    };
    send(QEvent::MouseButtonPress, at(90), Qt::LeftButton);
    send(QEvent::MouseMove, at(60), Qt::LeftButton);
    send(QEvent::MouseMove, at(30), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, at(30), Qt::NoButton);
    // Dragged right to left: the range still runs forward. The playhead stayed.
    QVERIFY(view.selectedRange());
    QVERIFY(std::abs(view.selectedRange()->fromNs - 30) <= 1);
    QVERIFY(std::abs(view.selectedRange()->toNs - 90) <= 1);
    QCOMPARE(scrubbed.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(view.renderOptions().range, view.selectedRange());
    // Esc clears it, and says so.
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(!view.selectedRange());
    QVERIFY(!changed.last().at(0).value<std::optional<TimeRange>>().has_value());
}

void TestTimelineView::revealingAnEventBringsItIntoView()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoomControl()->setWindow(0, 20);
    // B's mark at 86 ns: off screen until revealed, then centred at the same zoom.
    int mark = -1;
    for (std::size_t i = 0; i < m_sample.trace.events().size(); ++i)
        if (m_sample.trace.events()[i].kind == EventKind::Mark)
            mark = int(i);
    view.revealEvent(mark);
    const ZoomControl *zoom = view.zoomControl();
    QVERIFY(zoom->windowStartNs() <= 86 && 86 <= zoom->windowEndNs());
    QCOMPARE(zoom->windowDurationNs(), 20);
    QCOMPARE(view.selectedEvent(), mark);
    QCOMPARE(view.selectedLane(), m_sample.b);
    QCOMPARE(view.renderOptions().selectedEvent, mark);
}

void TestTimelineView::clickingALaneSelectsIt()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy selected(&view, &TimelineView::laneSelected);
    QSignalSpy clicked(&view, &TimelineView::eventClicked);
    const TimelineLayout layout = layoutOf(view);
    const QRectF lane = layout.laneRect(view.model().laneIndexOf(m_sample.b));
    // B is blocked on L from 35 to 60: clicking there names the LockWait event.
    const qreal x = layout.plotRect().left() + 50.0 / 120.0 * layout.plotRect().width();
    const QPoint p(int(x), int(lane.top() + 10));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, p);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().at(0).value<quint32>(), m_sample.b);
    QCOMPARE(view.selectedLane(), m_sample.b);
    QCOMPARE(clicked.count(), 1);
    const Event &e = m_sample.trace.events()[std::size_t(clicked.first().at(0).toInt())];
    QCOMPARE(e.kind, EventKind::LockWait);
}

void TestTimelineView::allArrowsReachesTheRenderer()
{
    // View ▸ All Arrows: the view paints (and exports its window) with every arrow.
    TimelineView view;
    view.setTrace(m_sample.trace);
    QVERIFY(!view.renderOptions().allArrows);
    view.setAllArrows(true);
    QVERIFY(view.allArrows());
    QVERIFY(view.renderOptions().allArrows);
    view.setAllArrows(false);
    QVERIFY(!view.renderOptions().allArrows);
}

void TestTimelineView::aLabelLeftOutIsNamedOnHover()
{
    // Narrow: the deadlock ring has room for one of its two callouts.
    const DeadlockTrace deadlock = makeDeadlockTrace();
    TimelineView view;
    view.resize(420, 300);
    view.setTrace(deadlock.trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();
    const auto &leftOut = view.lastLabels().leftOut();
    const auto callout = std::find_if(leftOut.begin(), leftOut.end(), [](const PlacedLabel &l) {
        return l.text.contains(QStringLiteral("(held by"));
    });
    QVERIFY(callout != leftOut.end());
    const QString text = callout->text;
    QHelpEvent help(QEvent::ToolTip, callout->rect.center().toPoint(),
                    view.viewport()->mapToGlobal(callout->rect.center().toPoint()));
    QApplication::sendEvent(view.viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().startsWith(text), qPrintable(QToolTip::text()));
}

void TestTimelineView::clickingASliceNamesItsBeginAndTheTipGivesItsTimes()
{
    // One lane: "outer" [100, 900] around "inner" [200, 500] (ns).
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 worker = builder.addActor({QStringLiteral("worker"), 11, process, false, false});
    const quint32 outer = builder.intern(QStringLiteral("outer"));
    const quint32 inner = builder.intern(QStringLiteral("inner"));
    builder.addEvent({0, 0, worker, 0, 0, 0, EventKind::ThreadStart, 0});
    builder.addEvent({100, 800, worker, 0, outer, 0, EventKind::SpanBegin, 0});
    builder.addEvent({200, 300, worker, 0, inner, 0, EventKind::SpanBegin, 0});
    builder.addEvent({500, 300, worker, 0, inner, 0, EventKind::SpanEnd, 0});
    builder.addEvent({900, 800, worker, 0, outer, 0, EventKind::SpanEnd, 0});
    builder.addEvent({1000, 0, worker, 0, 0, 0, EventKind::ThreadEnd, 0});
    const Trace trace = builder.build();

    TimelineView view;
    view.resize(900, 300);
    view.setTrace(trace);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy clicked(&view, &TimelineView::eventClicked);
    const TimelineLayout layout = layoutOf(view);
    const ZoomControl &zoom = *view.zoomControl();
    const auto xAt = [&](qint64 ns) {
        return layout.plotRect().left()
            + double(ns - zoom.windowStartNs()) / double(zoom.windowDurationNs())
            * layout.plotRect().width();
    };
    const QPoint onInner(qRound(xAt(350)), qRound(layout.sliceRowRect(0, 1).center().y()));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, onInner);
    QCOMPARE(clicked.count(), 1);
    const Event &e = trace.events()[std::size_t(clicked.first().at(0).toInt())];
    QCOMPARE(e.kind, EventKind::SpanBegin);
    QCOMPARE(e.text, inner);
    // Under "outer" (row 0), beside "inner": the outer slice, with its self time.
    QHelpEvent help(QEvent::ToolTip,
                    QPoint(qRound(xAt(700)), qRound(layout.sliceRowRect(0, 0).center().y())),
                    view.viewport()->mapToGlobal(QPoint(0, 0)));
    QApplication::sendEvent(view.viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().startsWith(QStringLiteral("outer: 800 ns")),
             qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("self time 500 ns")),
             qPrintable(QToolTip::text()));
}

void TestTimelineView::clickingAPendingChipStepsItsThread()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.setPendingActions({{m_sample.a, QStringLiteral("acquire L"), {}},
                            {m_sample.b, QStringLiteral("print \"hi\""), {}}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy stepped(&view, &TimelineView::pendingActionClicked);
    QSignalSpy blocked(&view, &TimelineView::blockedActionClicked);
    QSignalSpy events(&view, &TimelineView::eventClicked);
    const QRectF chip = view.pendingChipRect(m_sample.b);
    QVERIFY(!chip.isEmpty());
    QVERIFY(layoutOf(view).laneRect(view.model().laneIndexOf(m_sample.b)).contains(chip.center()));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, chip.center().toPoint());
    QCOMPARE(stepped.count(), 1);
    QCOMPARE(stepped.first().at(0).value<quint32>(), m_sample.b);
    QCOMPARE(blocked.count(), 0);
    QCOMPARE(events.count(), 0); // a chip click is a command, not a pick
    QCOMPARE(view.selectedLane(), m_sample.b);

    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier,
                      view.pendingChipRect(m_sample.a).center().toPoint());
    QCOMPARE(stepped.count(), 2);
    QCOMPARE(stepped.at(1).at(0).value<quint32>(), m_sample.a);

    // Without pending actions there is nothing to click.
    view.setPendingActions({});
    QVERIFY(view.pendingChipRect(m_sample.a).isEmpty());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, chip.center().toPoint());
    QCOMPARE(stepped.count(), 2);
}

void TestTimelineView::clickingABlockedChipDoesNotStep()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.setPendingActions(
        {{m_sample.b, QStringLiteral("acquire L"), QStringLiteral("blocked: L held by A")}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy stepped(&view, &TimelineView::pendingActionClicked);
    QSignalSpy blocked(&view, &TimelineView::blockedActionClicked);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier,
                      view.pendingChipRect(m_sample.b).center().toPoint());
    QCOMPARE(stepped.count(), 0);
    QCOMPARE(blocked.count(), 1);
    QCOMPARE(blocked.first().at(0).value<quint32>(), m_sample.b);
    QVERIFY(blocked.first().at(1).toString().contains(QStringLiteral("L held by A")));
}

void TestTimelineView::hoveringAChipShowsAPointingHand()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.setPendingActions({{m_sample.a, QStringLiteral("acquire L"), {}}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRectF chip = view.pendingChipRect(m_sample.a);
    const QPointF away = layoutOf(view).plotRect().topLeft() + QPointF(5, 5);
    QMouseEvent moveOn(QEvent::MouseMove, chip.center(),
                       view.viewport()->mapToGlobal(chip.center()), Qt::NoButton, Qt::NoButton,
                       Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &moveOn);
    QCOMPARE(view.viewport()->cursor().shape(), Qt::PointingHandCursor);
    QMouseEvent moveOff(QEvent::MouseMove, away, view.viewport()->mapToGlobal(away), Qt::NoButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &moveOff);
    QVERIFY(view.viewport()->cursor().shape() != Qt::PointingHandCursor);
}

void TestTimelineView::fewLanesFillTheHeight()
{
    // threads.join at 1920×1080: two lanes in a view 560 px tall.
    TraceBuilder builder;
    const quint32 process = builder.addProcess({7, QStringLiteral("demo")});
    for (int i = 0; i < 2; ++i) {
        const quint32 actor
            = builder.addActor({QStringLiteral("T%1").arg(i), 70 + i, process, i == 0, false});
        Event e;
        e.actor = actor;
        e.kind = EventKind::ThreadStart;
        builder.addEvent(e);
        e.timeNs = 1000000;
        e.kind = EventKind::ThreadEnd;
        builder.addEvent(e);
    }
    TimelineView view;
    view.resize(1300, 560);
    view.setTrace(builder.build());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const TimelineLayout l = view.layout();
    const int base = Theme::current().laneHeight();
    const qreal available = l.plotRect().height() - l.groupHeaderRect(0).height();
    // As tall as the room allows, up to the tallest a lane may be.
    const qreal expected = std::min<qreal>(available / 2, base * Theme::kMaxLaneStretch);
    for (int lane : {0, 1})
        QVERIFY2(l.laneRect(lane).height() >= expected - 4,
                 qPrintable(QString::number(l.laneRect(lane).height())));
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    // Clicks land on the stretched lanes.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      l.laneRect(1).center().toPoint()
                          + QPoint(0, int(l.laneRect(1).height() / 3)));
    QCOMPARE(view.selectedLane(), view.model().lanes()[1].actor);

    // Shorter: the lanes shrink with it, to fit without scrolling.
    view.resize(1300, 160);
    const TimelineLayout shorter = view.layout();
    QVERIFY(shorter.laneRect(0).height() < l.laneRect(0).height());
    QVERIFY(shorter.laneRect(0).height() >= base);
    QVERIFY(shorter.rowsHeight() <= shorter.plotRect().height());
}

void TestTimelineView::switchingTheAxisKeepsTheSelectedEventInPlace()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    const int anchor = int(m_sample.trace.events().size() / 2);
    const qint64 t = m_sample.trace.events()[std::size_t(anchor)].timeNs;
    view.zoomControl()->setWindow(t - 20, t + 30);
    const qreal before = view.xOfEvent(anchor);
    QVERIFY(before > view.layout().plotRect().left());

    view.setStepAxis(true, anchor);
    QVERIFY(view.renderOptions().stepAxis);
    // The model draws each event in its own column, in recorded order.
    QCOMPARE(view.model().trace().events()[std::size_t(anchor)].timeNs,
             StepOrder::timeOfStep(anchor + 1));
    QVERIFY(qAbs(view.xOfEvent(anchor) - before) <= 1.0);
    // The playhead still takes real times.
    view.setPlayhead(t);
    QVERIFY(view.playhead() >= StepOrder::timeOfStep(anchor + 1));

    view.setStepAxis(false, anchor);
    QVERIFY(!view.renderOptions().stepAxis);
    QCOMPARE(view.model().trace().events()[std::size_t(anchor)].timeNs, t);
    QVERIFY(qAbs(view.xOfEvent(anchor) - before) <= 1.0);
}

void TestTimelineView::theStepAxisGrowsWithALiveRun()
{
    TimelineView view;
    view.resize(900, 400);
    view.setStepAxis(true);
    view.setFollowLive(true);
    const std::vector<Event> &events = m_sample.trace.events();
    view.setTrace(m_sample.trace);
    view.setLiveEnd(m_sample.trace.endNs() + 1'000'000'000); // a second of thinking
    // "Now" is the next column, not a second of empty columns away.
    QCOMPARE(view.model().endNs(), StepOrder::timeOfStep(qint64(events.size()) + 1));
    QCOMPARE(view.zoomControl()->windowEndNs(),
             view.model().endNs()
                 + ZoomControl::fitAllMarginNs(view.model().endNs() - view.model().startNs()));
}

void TestTimelineView::aModelDerivedElsewhereIsAdoptedOnTheTimeAxisOnly()
{
    // What a loading thread derived (TraceLoadJob) is taken as it is: no
    // derivation on the window's thread, the same lanes as one made here.
    const auto derivedFor = [](const Trace &trace) {
        return DerivedSnapshot::of(trace, false);
    };
    const TimelineModel here(m_sample.trace);
    TimelineView view;
    view.resize(900, 400);
    auto derived = derivedFor(m_sample.trace);
    const TimelineModel *elsewhere = &derived->model;
    const Lane *firstLane = &elsewhere->lanes().front();
    view.setTrace(m_sample.trace, std::move(derived));
    // Swapped in: the very lanes derived elsewhere, not a copy or a new derivation.
    QCOMPARE(&view.model().lanes().front(), firstLane);
    QCOMPARE(view.model().lanes().size(), here.lanes().size());
    QCOMPARE(view.model().flows().size(), here.flows().size());
    QCOMPARE(view.zoomControl()->windowEndNs(),
             m_sample.trace.endNs()
                 + ZoomControl::fitAllMarginNs(m_sample.trace.endNs() - m_sample.trace.startNs()));

    // On the step axis the time axis's model does not fit: derived here instead.
    view.setStepAxis(true);
    const int before = view.model().buildCount();
    view.setTrace(m_sample.trace, derivedFor(m_sample.trace));
    QCOMPARE(view.model().buildCount(), before + 1);
    QVERIFY(view.isStepAxis());
    // ... as it is for another trace's model.
    view.setStepAxis(false);
    const int again = view.model().buildCount();
    view.setTrace(m_sample.trace, derivedFor(prefixOf(m_sample.trace, 10)));
    QCOMPARE(view.model().buildCount(), again + 1);
    QCOMPARE(view.model().trace().events().size(), m_sample.trace.events().size());
}

void TestTimelineView::aLiveSnapshotIsDerivedOnAWorker()
{
    TimelineView view;
    view.resize(900, 400);
    view.setBackgroundDerivationFrom(0); // every snapshot, however small
    view.setFollowLive(true);
    const Trace &whole = m_sample.trace;
    const Trace half = prefixOf(whole, whole.events().size() / 2);
    const qint64 now = whole.endNs() + 1'000;
    view.setLiveTrace(half, now); // the first is derived at once: there is nothing to show
    QCOMPARE(view.model().trace().events().size(), half.events().size());
    QCOMPARE(view.model().buildCount(), 1);

    QSignalSpy shown(&view, &TimelineView::liveSnapshotShown);
    view.setLiveTrace(whole, now + 10);
    // Until the worker is done, the model shown is the last one, reaching "now".
    QCOMPARE(view.model().trace().events().size(), half.events().size());
    QCOMPARE(view.model().endNs(), now + 10);
    view.setLiveTrace(whole, now + 20); // the snapshot in flight: only "now" moves
    QVERIFY(shown.wait());
    QCOMPARE(shown.count(), 1);
    QVERIFY(view.realTrace().sharesDataWith(whole));
    QCOMPARE(view.model().trace().events().size(), whole.events().size());
    QCOMPARE(view.model().buildCount(), 2);
    QCOMPARE(view.model().endNs(), now + 20); // the latest "now", not the one it was asked with
    // Still following, with the room fit all leaves beyond "now".
    QCOMPARE(view.zoomControl()->windowEndNs(),
             now + 20 + ZoomControl::fitAllMarginNs(now + 20 - view.model().startNs()));
}

void TestTimelineView::aFinishedRunIsNotReplacedByALateSnapshot()
{
    TimelineView view;
    view.resize(900, 400);
    view.setBackgroundDerivationFrom(0);
    const Trace &whole = m_sample.trace;
    const qint64 now = whole.endNs() + 1'000;
    view.setLiveTrace(prefixOf(whole, 4), now);
    QSignalSpy shown(&view, &TimelineView::liveSnapshotShown);
    view.setLiveTrace(prefixOf(whole, 8), now); // on the worker ...
    view.setLiveEnd(0);
    view.setTrace(whole); // ... when the run ends
    QVERIFY(view.realTrace().sharesDataWith(whole));
    // Results come back in order: the next one shown is the one asked for after.
    const Trace later = prefixOf(whole, 12);
    view.setLiveTrace(later, now);
    QVERIFY(shown.wait());
    QCOMPARE(shown.count(), 1);
    QVERIFY(view.realTrace().sharesDataWith(later));
}

void TestTimelineView::theWindowInRealTimeOnTheStepAxis()
{
    TimelineView view;
    view.resize(900, 400);
    view.setTrace(m_sample.trace);
    view.setStepAxis(true);
    const std::vector<Event> &events = m_sample.trace.events();
    QVERIFY(events.size() > 6);
    // Columns 3 to 6 on screen are the 3rd to the 6th event's times.
    view.zoomControl()->setWindow(StepOrder::timeOfStep(3), StepOrder::timeOfStep(6));
    const TimeRange window = view.realWindow();
    QCOMPARE(window.fromNs, events[2].timeNs);
    QCOMPARE(window.toNs, events[5].timeNs);
    view.setStepAxis(false);
    const ZoomControl &zoom = *view.zoomControl();
    QCOMPARE(view.realWindow(), (TimeRange {zoom.windowStartNs(), zoom.windowEndNs()}));
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
