// SPDX-License-Identifier: MIT
#include "core/cancelled.h"
#include "core/trace.h"
#include "core/tracing.h"
#include "tests/common/scopedrun.h"

#include <QTest>

using namespace weft;
using testsupport::ScopedRun;

class TestTracing : public QObject
{
    Q_OBJECT
private slots:
    void aPhaseSpansItsScopeOnItsOpeningLine();
    void aPhaseLeftByCancellationStillEnds();
};

void TestTracing::aPhaseSpansItsScopeOnItsOpeningLine()
{
    ScopedRun run;
    int openingLine = 0;
    {
        openingLine = __LINE__ + 1;
        Phase round(QStringLiteral("round 2"), 2);
        print(QStringLiteral("inside"));
    }
    const Trace trace = run.trace();
    const auto &events = trace.events();
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].kind, EventKind::SpanBegin);
    QCOMPARE(events[0].value, 2);
    QCOMPARE(trace.text(events[0].text), QStringLiteral("round 2"));
    QCOMPARE(events[1].kind, EventKind::Print);
    QCOMPARE(events[2].kind, EventKind::SpanEnd);
    QCOMPARE(events[0].actor, run.mainActor());
    QCOMPARE(events[2].actor, run.mainActor());
    QCOMPARE(trace.site(events[0].site).line, openingLine);
    QCOMPARE(events[2].site, events[0].site);
}

void TestTracing::aPhaseLeftByCancellationStillEnds()
{
    ScopedRun run;
    bool cancelled = false;
    try {
        Phase phase(QStringLiteral("doomed"));
        run.context().cancel();
        checkCancelled();
    } catch (const Cancelled &) {
        cancelled = true;
    }
    QVERIFY(cancelled);
    const Trace trace = run.trace();
    QCOMPARE(trace.eventsOfKind(EventKind::SpanBegin).size(), std::size_t(1));
    QCOMPARE(trace.eventsOfKind(EventKind::SpanEnd).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestTracing)
#include "tst_tracing.moc"
