// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"

#include <QFontMetricsF>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

// One process with `lanes` threads, each running from 0 to 1 ms.
Trace threads(int lanes, const QString &name = QStringLiteral("Worker"))
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("demo")});
    for (int i = 0; i < lanes; ++i) {
        const quint32 actor = builder.addActor(
            {i == 0 ? name : QStringLiteral("T%1").arg(i), 22256 + i, process, i == 0, false});
        Event start;
        start.timeNs = 0;
        start.actor = actor;
        start.kind = EventKind::ThreadStart;
        builder.addEvent(start);
        Event end = start;
        end.timeNs = 1000000;
        end.kind = EventKind::ThreadEnd;
        builder.addEvent(end);
    }
    return builder.build();
}

} // namespace

class TestTimelineLayout : public QObject
{
    Q_OBJECT
private slots:
    void fewLanesStretchToFillTheHeight();
    void manyLanesKeepTheirHeight();
    void laneNamesWidenWithTheTextSize_data();
    void laneNamesWidenWithTheTextSize();
    void theNameColumnFollowsAnAdoptedModel();
};

void TestTimelineLayout::fewLanesStretchToFillTheHeight()
{
    const TimelineModel model(threads(2));
    const Theme theme = Theme::light();
    const QRectF target(0, 0, 1200, 560);
    const qreal stretch = TimelineLayout::fillingLaneStretch(model, theme, target, {});
    QCOMPARE(stretch, Theme::kMaxLaneStretch); // 2 lanes would fill 560 px only as slabs
    const Theme stretched = theme.withLaneStretch(stretch);
    const TimelineLayout layout(model, stretched, target, {});
    QCOMPARE(layout.laneRect(0).height(), qRound(theme.laneHeight() * Theme::kMaxLaneStretch));
    // The bar thickens, stays inside its lane, and its lock bands under it too.
    QVERIFY(stretched.stateBarHeight() > theme.stateBarHeight());
    QVERIFY(stretched.stateBarTop() + stretched.stateBarHeight() + stretched.lockBandHeight()
            < stretched.laneHeight());

    // With less room, the lanes fill it exactly (to a pixel a lane) and nothing scrolls.
    const QRectF shorter(0, 0, 1200, 200);
    const Theme filled
        = theme.withLaneStretch(TimelineLayout::fillingLaneStretch(model, theme, shorter, {}));
    const TimelineLayout fit(model, filled, shorter, {});
    QVERIFY(fit.rowsHeight() <= fit.plotRect().height());
    QVERIFY2(
        fit.rowsHeight() >= fit.plotRect().height() - theme.px(6) - 4,
        qPrintable(QStringLiteral("%1 of %2").arg(fit.rowsHeight()).arg(fit.plotRect().height())));
}

void TestTimelineLayout::manyLanesKeepTheirHeight()
{
    const TimelineModel model(threads(40));
    const Theme theme = Theme::light();
    QCOMPARE(TimelineLayout::fillingLaneStretch(model, theme, QRectF(0, 0, 1200, 560), {}), 1.0);
    QCOMPARE(theme.withLaneStretch(1.0).stateBarTop(), theme.stateBarTop());
}

void TestTimelineLayout::laneNamesWidenWithTheTextSize_data()
{
    QTest::addColumn<int>("percent");
    for (int percent : {100, 150, 200, 250})
        QTest::newRow(qPrintable(QStringLiteral("%1 %").arg(percent))) << percent;
}

void TestTimelineLayout::laneNamesWidenWithTheTextSize()
{
    QFETCH(int, percent);
    const TimelineModel model(threads(3, QStringLiteral("MainThread")));
    const QString label = model.lanes().front().label; // "MainThread (tid 22256)"
    QVERIFY(label.contains(QStringLiteral("22256")));
    const Theme theme = Theme::light(percent / 100.0);
    // The timeline of a full 1920 screen: the name is whole at every text size.
    const TimelineLayout layout(model, theme, QRectF(0, 0, 1200, 500), {});
    const qreal nameWidth = QFontMetricsF(theme.boldFont()).horizontalAdvance(label);
    QVERIFY2(
        layout.labelsRect().width() >= nameWidth + theme.labelIndent(),
        qPrintable(
            QStringLiteral("column %1, name %2").arg(layout.labelsRect().width()).arg(nameWidth)));
    // Capped: a huge name is cut (elided), the plot keeps most of the width.
    const TimelineModel huge(threads(1, QString(200, QLatin1Char('W'))));
    const TimelineLayout capped(huge, theme, QRectF(0, 0, 1200, 500), {});
    QVERIFY(capped.plotRect().width() >= 0.55 * 1200);
}

void TestTimelineLayout::theNameColumnFollowsAnAdoptedModel()
{
    // A live run's next model is adopted with the label widths measured so far
    // (TimelineModel keeps them): a longer new name still widens the column,
    // and a model without it narrows it again.
    const Theme theme = Theme::light();
    const QRectF target(0, 0, 1600, 500);
    TimelineModel shown(threads(3, QStringLiteral("Main")));
    const qreal narrow = TimelineLayout(shown, theme, target, {}).labelsRect().width();
    TimelineModel wider(threads(4, QStringLiteral("AConsiderablyLongerThreadName")));
    shown.adopt(wider);
    const qreal widened = TimelineLayout(shown, theme, target, {}).labelsRect().width();
    QVERIFY2(widened > narrow, qPrintable(QStringLiteral("%1 then %2").arg(narrow).arg(widened)));
    TimelineModel again(threads(3, QStringLiteral("Main")));
    shown.adopt(again);
    QCOMPARE(TimelineLayout(shown, theme, target, {}).labelsRect().width(), narrow);
}

QTEST_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
