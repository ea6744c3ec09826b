// SPDX-License-Identifier: MIT
#include "core/derived/steporder.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/axismapping.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestAxisMapping : public QObject
{
    Q_OBJECT
private slots:
    void theTimeAxisIsTheIdentity();
    void theStepAxisMapsEventsToTheirColumnsAndBack();
};

void TestAxisMapping::theTimeAxisIsTheIdentity()
{
    AxisMapping axis;
    axis.setTrace(testsupport::makeSampleTrace(1000).trace);
    QVERIFY(!axis.isStepAxis());
    QVERIFY(axis.shown().sharesDataWith(axis.real()));
    QCOMPARE(axis.toShown(1234), 1234);
    QCOMPARE(axis.toReal(1234), 1234);
}

void TestAxisMapping::theStepAxisMapsEventsToTheirColumnsAndBack()
{
    AxisMapping axis;
    const Trace real = testsupport::makeSampleTrace(1000).trace;
    axis.setTrace(real);
    axis.setStepAxis(true);
    QCOMPARE(axis.shown().events().size(), real.events().size());
    const std::vector<Event> &events = real.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const qint64 column = axis.shown().events()[i].timeNs;
        QCOMPARE(axis.toReal(column), events[i].timeNs);
        // A real time lands on the last event at that time.
        std::size_t last = i;
        while (last + 1 < events.size() && events[last + 1].timeNs == events[i].timeNs)
            ++last;
        QCOMPARE(axis.toShown(events[i].timeNs), StepOrder::timeOfStep(qint64(last) + 1));
    }
    QCOMPARE(axis.toShown(real.startNs() - 1), 0);
    QCOMPARE(axis.toReal(0), real.startNs());
    QCOMPARE(axis.toReal(StepOrder::timeOfStep(100000)), real.endNs());
    QCOMPARE(axis.realDuration(StepOrder::timeOfStep(1), StepOrder::timeOfStep(2)),
             events[1].timeNs - events[0].timeNs);
}

QTEST_GUILESS_MAIN(TestAxisMapping)
#include "tst_axismapping.moc"
