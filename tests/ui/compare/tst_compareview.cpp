// SPDX-License-Identifier: MIT
#include "comparetraces.h"
#include "ui/compare/compareview.h"
#include "ui/timeline/timelineview.h"
#include "ui/timeline/zoomcontrol.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestCompareView : public QObject
{
    Q_OBJECT
private slots:
    void startsAlignedOnTheLongerRun();
    void zoomingOneZoomsBoth();
    void aScrollBarMovesNoPlot();
};

void TestCompareView::startsAlignedOnTheLongerRun()
{
    CompareView view;
    view.resize(900, 700);
    view.setComparison(RunComparison(
        testsupport::countingRun(1'000'000'000, 10, QStringLiteral("W"), 3,
                                 QStringLiteral("nolock")),
        testsupport::countingRun(9'000'000'000, 20, QStringLiteral("a long worker name"), 0,
                                 QStringLiteral("lock"))));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (int i = 0; i < 2; ++i) {
        const ZoomControl *zoom = view.view(i)->zoomControl();
        QCOMPARE(zoom->traceEndNs() - zoom->traceStartNs(), 20'000'000);
        QCOMPARE(zoom->windowStartNs(),
                 zoom->traceStartNs() - ZoomControl::fitAllMarginNs(20'000'000));
    }
    QCOMPARE(view.view(0)->layout().plotRect().left(), view.view(1)->layout().plotRect().left());
}

void TestCompareView::zoomingOneZoomsBoth()
{
    CompareView view;
    view.resize(900, 700);
    view.setComparison(
        RunComparison(testsupport::countingRun(1'000'000'000, 10, QStringLiteral("W"), 3,
                                               QStringLiteral("nolock")),
                      testsupport::countingRun(9'000'000'000, 20, QStringLiteral("W"), 0,
                                               QStringLiteral("lock"))));
    ZoomControl *second = view.view(1)->zoomControl();
    second->setWindow(9'004'000'000, 9'008'000'000); // 4..8 ms of the second run
    const ZoomControl *first = view.view(0)->zoomControl();
    QCOMPARE(first->windowStartNs(), 1'004'000'000);
    QCOMPARE(first->windowEndNs(), 1'008'000'000);
    QCOMPARE(view.windowStartNs(), 4'000'000);
    QCOMPARE(view.windowEndNs(), 8'000'000);
    view.view(0)->zoomControl()->pan(1'000'000);
    QCOMPARE(second->windowStartNs(), 9'005'000'000);
}

// One run with many lanes scrolls, the other does not: their plots still end
// at the same x (a scroll bar on one side only would shorten one time axis).
void TestCompareView::aScrollBarMovesNoPlot()
{
    CompareView view;
    view.resize(900, 500);
    view.setComparison(RunComparison(
        testsupport::countingRun(0, 10, QStringLiteral("W"), 3, QStringLiteral("nolock")),
        testsupport::countingRun(0, 10, QStringLiteral("W"), 0, QStringLiteral("lock"), 40)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.view(0)->layout().plotRect().right(), view.view(1)->layout().plotRect().right());
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
