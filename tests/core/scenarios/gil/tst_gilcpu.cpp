// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/gil/gilscenarios.h"
#include "core/sync/gil.h"
#include "tests/common/scenariorun.h"

#include <QHash>
#include <QSet>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace weft;
using weft::testsupport::runWith;

class TestGilCpu : public QObject
{
    Q_OBJECT
private slots:
    void threadsTakeTurnsUnderTheGilAndRunFreelyWithout();
    void aBusyMachineIsSaidToBe();
    void sourceIsEmbedded();
};

void TestGilCpu::threadsTakeTurnsUnderTheGilAndRunFreelyWithout()
{
    const auto scenario = makeGilCpuScenario();
    const Trace trace = runWith(*scenario, {"threads=2", "work=400", "switch_interval_ms=1"});
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Completed);
    for (const char *key :
         {"sequential_us", "gil_us", "nogil_us", "gil_permille", "nogil_permille"})
        QVERIFY2(outcome.value(QLatin1String(key)) > 0, key);
    QVERIFY(outcome.summary.contains(QStringLiteral("Sequential")));
    // Whether the machine was busy is measured and said only when it was.
    const qint64 share = outcome.value(QStringLiteral("cpu_share_permille"), -1);
    QVERIFY(share > 0 && share <= 1000);
    QCOMPARE(outcome.summary.contains(QStringLiteral("this machine was busy")), share < 750);

    const quint32 gil = trace.findObject(QStringLiteral("GIL"));
    QVERIFY(gil != 0);
    QCOMPARE(trace.object(gil).kind, ObjectKind::Gil);
    const quint32 gilThread1 = trace.findActor(QStringLiteral("cpu-1 (GIL)"));
    const quint32 gilThread2 = trace.findActor(QStringLiteral("cpu-2 (GIL)"));
    const quint32 freeThread1 = trace.findActor(QStringLiteral("cpu-1 (no GIL)"));
    QVERIFY(gilThread1 && gilThread2 && freeThread1);

    // Walk the GIL's events in order: one holder at a time, holds numbered
    // 1, 2, 3 ..., only the GIL threads ever hold it, and a thread lets go of it
    // before its work is done only when a waiter asked (a drop request, then the
    // holder's forced switch). How often that happens is the machine's affair:
    // a waiter that gets no core for a whole switch interval never asks
    // (tst_gil forces the asking).
    quint32 holder = 0;
    qint64 holds = 0;
    QSet<quint32> holders;
    quint32 lastHolder = 0;
    int switches = 0; // times the holder changed, as the outcome counts them
    QHash<quint32, int> holdsOf;
    int dropRequests = 0;
    int forcedSwitches = 0;
    bool requestPending = false;
    for (const Event &e : trace.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(holder, 0u);
            QCOMPARE(e.value, ++holds);
            holder = e.actor;
            if (e.actor != lastHolder)
                ++switches;
            lastHolder = e.actor;
            holders.insert(e.actor);
            ++holdsOf[e.actor];
            requestPending = false;
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(e.actor, holder);
            holder = 0;
        } else if (e.kind == EventKind::Mark && e.value == qint64(GilMark::DropRequest)) {
            QVERIFY2(e.actor != holder, "the holder asked itself to drop");
            ++dropRequests;
            requestPending = true;
        } else if (e.kind == EventKind::Mark && e.value == qint64(GilMark::ForcedSwitch)) {
            QVERIFY2(requestPending, "a forced switch nobody asked for");
            ++forcedSwitches;
        }
    }
    QCOMPARE(holder, 0u);
    QCOMPARE(holders, (QSet<quint32> {gilThread1, gilThread2}));
    // Each hold after a thread's first began with the thread queueing up again
    // after a forced switch: there are as many extra holds as forced switches
    // (a last release on request is a forced switch too, without a hold after).
    int extraHolds = 0;
    for (int n : std::as_const(holdsOf))
        extraHolds += n - 1;
    QVERIFY2(extraHolds <= forcedSwitches,
             qPrintable(QStringLiteral("%1 extra holds, %2 forced switches")
                            .arg(extraHolds)
                            .arg(forcedSwitches)));
    QVERIFY(forcedSwitches <= dropRequests);
    QCOMPARE(outcome.value(QStringLiteral("drop_requests")), qint64(dropRequests));
    QCOMPARE(outcome.value(QStringLiteral("gil_switches")), qint64(switches));

    // The three phases are spans on the main lane, in order.
    QCOMPARE(trace.eventsOfKind(EventKind::SpanBegin).size(), std::size_t(3));
}

// The warning is measured, not guessed: spinning threads, twice as many as the
// cores, take their fair share of every core, so the lesson's threads get at
// most a third of the CPU they ask for (CFS shares equally among runnable
// threads of the same nice level) — far under the threshold of three quarters.
void TestGilCpu::aBusyMachineIsSaidToBe()
{
    std::atomic<bool> stop {false};
    std::atomic<quint64> spins {0};
    std::vector<std::thread> load;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < 2 * cores; ++i)
        load.emplace_back([&] {
            while (!stop.load(std::memory_order_relaxed))
                spins.fetch_add(1, std::memory_order_relaxed);
        });
    const auto scenario = makeGilCpuScenario();
    const Trace trace = runWith(*scenario, {"threads=2", "work=200", "switch_interval_ms=1"});
    stop = true;
    for (std::thread &t : load)
        t.join();

    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Completed);
    QVERIFY2(outcome.value(QStringLiteral("cpu_share_permille")) < 750,
             qPrintable(QString::number(outcome.value(QStringLiteral("cpu_share_permille")))));
    QVERIFY2(outcome.summary.contains(QStringLiteral("this machine was busy")),
             qPrintable(outcome.summary));
}

void TestGilCpu::sourceIsEmbedded()
{
    const auto scenario = makeGilCpuScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("class GilCpuScenario")));
}

QTEST_GUILESS_MAIN(TestGilCpu)
#include "tst_gilcpu.moc"
