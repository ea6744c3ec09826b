// SPDX-License-Identifier: MIT
#include "ui/timeline/zoomcontrol.h"

#include <QSignalSpy>
#include <QTest>

using namespace weft::ui;

class TestZoomControl : public QObject
{
    Q_OBJECT
private slots:
    void fitAllShowsTheTrace();
    void zoomKeepsThePointUnderTheCursor();
    void panStaysNearTheTrace();
    void neverEmptyOrInverted();
    void keepsTheUsersZoomWhenTheTraceGrows();
};

void TestZoomControl::fitAllShowsTheTrace()
{
    ZoomControl zoom;
    zoom.setTraceRange(1000, 2000);
    // With the exports' room on either side: the first and last marks are whole.
    QCOMPARE(zoom.windowStartNs(), 980);
    QCOMPARE(zoom.windowEndNs(), 2020);
    QVERIFY(zoom.isFitAll());
    zoom.setTraceRange(1000, 3000); // a live run grows: still all of it
    QCOMPARE(zoom.windowStartNs(), 960);
    QCOMPARE(zoom.windowEndNs(), 3040);
}

void TestZoomControl::zoomKeepsThePointUnderTheCursor()
{
    ZoomControl zoom;
    zoom.setTraceRange(0, 1000);
    zoom.setWindow(0, 1000);
    QSignalSpy changed(&zoom, &ZoomControl::windowChanged);
    zoom.zoomAbout(250, 2.0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(zoom.windowDurationNs(), 500);
    // 250 was a quarter of the way in, and still is.
    QCOMPARE(zoom.windowStartNs(), 125);
    QVERIFY(!zoom.isFitAll());
    zoom.zoomOut();
    QVERIFY(zoom.windowDurationNs() > 500);
    zoom.fitAll();
    QCOMPARE(zoom.windowDurationNs(), 1040);
}

void TestZoomControl::panStaysNearTheTrace()
{
    ZoomControl zoom;
    zoom.setTraceRange(0, 1000);
    zoom.setWindow(0, 1000);
    zoom.zoomAbout(500, 4.0);
    zoom.pan(1000000);
    QVERIFY(zoom.windowEndNs() <= 1000 + 1000 / 20);
    zoom.pan(-1000000);
    QVERIFY(zoom.windowStartNs() >= -1000 / 20);
    QCOMPARE(zoom.windowDurationNs(), 250);
}

void TestZoomControl::neverEmptyOrInverted()
{
    ZoomControl zoom;
    zoom.setTraceRange(0, 1000);
    for (int i = 0; i < 100; ++i)
        zoom.zoomAbout(500, 10.0);
    QCOMPARE(zoom.windowDurationNs(), ZoomControl::kMinWindowNs);
    zoom.zoomAbout(500, 0.0);
    zoom.zoomAbout(500, -3.0);
    zoom.zoomAbout(500, std::numeric_limits<double>::quiet_NaN());
    QVERIFY(zoom.windowEndNs() > zoom.windowStartNs());
    zoom.setTraceRange(5, 5); // a single-event trace
    QVERIFY(zoom.windowEndNs() > zoom.windowStartNs());
}

void TestZoomControl::keepsTheUsersZoomWhenTheTraceGrows()
{
    ZoomControl zoom;
    zoom.setTraceRange(0, 1000);
    zoom.setWindow(100, 200);
    zoom.setTraceRange(0, 5000);
    QCOMPARE(zoom.windowStartNs(), 100);
    QCOMPARE(zoom.windowEndNs(), 200);
    zoom.followEnd();
    QCOMPARE(zoom.windowEndNs(), 5000);
    QCOMPARE(zoom.windowDurationNs(), 100);
}

QTEST_GUILESS_MAIN(TestZoomControl)
#include "tst_zoomcontrol.moc"
