#include "core/runner.h"
#include "core/scenarios/gil/gilscenarios.h"
#include "core/sync/gil.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestGilCpu : public QObject
{
    Q_OBJECT
private slots:
    void threadsTakeTurnsUnderTheGilAndRunFreelyWithout();
    void sourceIsEmbedded();
};

void TestGilCpu::threadsTakeTurnsUnderTheGilAndRunFreelyWithout()
{
    const auto scenario = makeGilCpuScenario();
    const Trace trace = runWith(*scenario, {"threads=2", "work=400", "switch_interval_ms=1"});
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Completed);
    for (const char *key : {"sequential_us", "gil_us", "nogil_us", "gil_permille", "nogil_permille"})
        QVERIFY2(outcome.value(QLatin1String(key)) > 0, key);
    QVERIFY(outcome.summary.contains(QStringLiteral("Sequential")));

    const quint32 gil = trace.findObject(QStringLiteral("GIL"));
    QVERIFY(gil != 0);
    QCOMPARE(trace.object(gil).kind, ObjectKind::Gil);
    const quint32 gilThread1 = trace.findActor(QStringLiteral("cpu-1 (GIL)"));
    const quint32 gilThread2 = trace.findActor(QStringLiteral("cpu-2 (GIL)"));
    const quint32 freeThread1 = trace.findActor(QStringLiteral("cpu-1 (no GIL)"));
    QVERIFY(gilThread1 && gilThread2 && freeThread1);

    // Walk the GIL's events in order: one holder at a time, holds numbered
    // 1, 2, 3 ..., only the GIL threads ever hold it, and they take turns.
    quint32 holder = 0;
    qint64 holds = 0;
    QSet<quint32> holders;
    int handovers = 0;
    quint32 previousHolder = 0;
    int dropRequests = 0;
    for (const Event &e : trace.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(holder, 0u);
            QCOMPARE(e.value, ++holds);
            holder = e.actor;
            holders.insert(e.actor);
            if (previousHolder != 0 && previousHolder != e.actor)
                ++handovers;
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(e.actor, holder);
            previousHolder = holder;
            holder = 0;
        } else if (e.kind == EventKind::Mark && e.value == qint64(GilMark::DropRequest)) {
            ++dropRequests;
        }
    }
    QCOMPARE(holder, 0u);
    QCOMPARE(holders, (QSet<quint32>{gilThread1, gilThread2}));
    // 400 units at 1 ms intervals: the waiting thread asks, and they switch.
    QVERIFY2(handovers >= 1, qPrintable(QString::number(handovers)));
    QVERIFY(dropRequests >= 1);
    QCOMPARE(outcome.value(QStringLiteral("drop_requests")), qint64(dropRequests));

    // The three phases are spans on the main lane, in order.
    QCOMPARE(trace.eventsOfKind(EventKind::SpanBegin).size(), std::size_t(3));
}

void TestGilCpu::sourceIsEmbedded()
{
    const auto scenario = makeGilCpuScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("class GilCpuScenario")));
}

QTEST_GUILESS_MAIN(TestGilCpu)
#include "tst_gilcpu.moc"
