// SPDX-License-Identifier: MIT
#include "core/derived/waitcauses.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "tests/common/sampletrace.h"
#include "ui/models/eventdetailsmodel.h"
#include "ui/timeline/selectionpass.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::RenderProbe;

namespace {

const QSize kSize(1000, 260);

int indexOf(const Trace &trace, EventKind kind, quint32 actor)
{
    const auto &events = trace.events();
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].kind == kind && events[i].actor == actor)
            return int(i);
    return -1;
}

RenderOptions whole()
{
    RenderOptions options;
    options.fromNs = 0;
    options.toNs = 120;
    return options;
}

} // namespace

class TestSelectionPass : public QObject
{
    Q_OBJECT
private slots:
    void countsTheEventsOfARange();
    void shadesTheRangeAndSaysItsLength();
    void ringsTheSelectedEvent();
    void drawsTheArrowFromWhatEndedTheWait();
    void drawsNothingWithoutASelection();

private:
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const TimelineModel m_model {m_sample.trace};
};

void TestSelectionPass::countsTheEventsOfARange()
{
    // 60..70 holds A's release, its sleep, B's acquire, the counter and B's release.
    QCOMPARE(SelectionPass::eventCount(m_sample.trace, {60, 70}), 5);
    QCOMPARE(SelectionPass::eventCount(m_sample.trace, {61, 69}), 0);
    QCOMPARE(SelectionPass::eventCount(m_sample.trace, {0, 120}),
             int(m_sample.trace.events().size()));
    // ("event(s)" becomes "events" through the English translation the app loads.)
    QVERIFY(SelectionPass::rangeText(m_sample.trace, {60, 70})
                .startsWith(QStringLiteral("10 ns · 5 event")));
}

void TestSelectionPass::shadesTheRangeAndSaysItsLength()
{
    const Theme theme = Theme::light();
    RenderOptions options = whole();
    options.range = TimeRange {40, 80};
    const RenderProbe probe(m_model, theme, options, kSize);
    const QImage image = probe.renderPass(SelectionPass());
    const QRectF plot = probe.layout().plotRect();
    // Darker inside the range than outside, on the same (empty) row.
    const int y = int(plot.bottom() - 3);
    const QColor inside = image.pixelColor(int(probe.x(60)), y);
    const QColor outside = image.pixelColor(int(probe.x(20)), y);
    QCOMPARE(outside, theme.background());
    QVERIFY2(inside.lightness() < outside.lightness(), qPrintable(inside.name()));
    // Its label, placed by this pass: the length and how many events.
    const auto &placed = probe.context().labels.placed();
    QVERIFY(std::any_of(placed.begin(), placed.end(), [](const PlacedLabel &label) {
        return label.text.startsWith(QStringLiteral("40 ns · 14 event"));
    }));
}

void TestSelectionPass::ringsTheSelectedEvent()
{
    const Theme theme = Theme::light();
    RenderOptions options = whole();
    options.selectedEvent = indexOf(m_sample.trace, EventKind::Print, m_sample.a);
    const RenderProbe probe(m_model, theme, options, kSize);
    const QImage image = probe.renderPass(SelectionPass());
    const int lane = m_model.laneIndexOf(m_sample.a);
    const QPoint centre = probe.barPoint(lane, 40);
    const int r = qRound(theme.px(7));
    // Ink on the ring's left and right, none in its middle.
    QVERIFY(testsupport::countNear(image, testsupport::around(centre + QPoint(r, 0), 1),
                                   theme.text(), 60)
            > 0);
    QVERIFY(testsupport::countNear(image, testsupport::around(centre - QPoint(r, 0), 1),
                                   theme.text(), 60)
            > 0);
    QCOMPARE(image.pixelColor(centre), theme.background());
}

void TestSelectionPass::drawsTheArrowFromWhatEndedTheWait()
{
    // B waits for L 35..60; A's release at 60 hands it over.
    const Trace &trace = m_sample.trace;
    EventDetailsModel details;
    details.setEvent(trace, indexOf(trace, EventKind::LockWait, m_sample.b));
    QVERIFY(details.waitLink());
    const WaitLink link = *details.waitLink();
    QCOMPARE(link.waiter, m_sample.b);
    QCOMPARE(link.causeActor, m_sample.a);
    QCOMPARE(link.causeNs, 60);
    QCOMPARE(link.waitStartNs, 35);
    QCOMPARE(link.waitEndNs, 60);
    QVERIFY2(link.label.startsWith(QStringLiteral("unblocked by A: releases a lock")),
             qPrintable(link.label));

    const Theme theme = Theme::light();
    RenderOptions options = whole();
    options.waitLink = link;
    const RenderProbe probe(m_model, theme, options, kSize);
    const QImage image = probe.renderPass(SelectionPass());
    const QPoint from = probe.barPoint(m_model.laneIndexOf(m_sample.a), 60);
    const QPoint to = probe.barPoint(m_model.laneIndexOf(m_sample.b), 60);
    // Ink along the arrow between the two lanes, and on the wait's outline.
    const QPoint middle = (from + to) / 2;
    QVERIFY(testsupport::countNear(image, testsupport::around(middle, 2), theme.text(), 60) > 0);
    const QPoint outline(int(probe.x(47)),
                         to.y() - qRound(theme.stateBarHeight() / 2.0 + theme.px(2)));
    QVERIFY(testsupport::countNear(image, testsupport::around(outline, 1), theme.text(), 60) > 0);
    const auto &placed = probe.context().labels.placed();
    QVERIFY(std::any_of(placed.begin(), placed.end(),
                        [&](const PlacedLabel &label) { return label.text == link.label; }));
}

void TestSelectionPass::drawsNothingWithoutASelection()
{
    const Theme theme = Theme::light();
    const RenderProbe probe(m_model, theme, whole(), kSize);
    QCOMPARE(probe.renderPass(SelectionPass()), probe.background());
}

QTEST_MAIN(TestSelectionPass)
#include "tst_selectionpass.moc"
