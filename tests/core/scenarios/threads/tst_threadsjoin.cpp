// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "tests/common/scenariorun.h"
#include "tests/common/traceassertions.h"

#include <QTest>
#include <chrono>

using namespace weft;
using namespace weft::testsupport;
using namespace std::chrono_literals;

namespace {

Trace runJoin(bool join)
{
    const auto scenario = makeThreadsJoinScenario();
    return runWith(*scenario,
                   {QStringLiteral("join=%1").arg(join ? "true" : "false"), "worker_ms=300",
                    "main_ms=300", "tick_ms=50"});
}

} // namespace

class TestThreadsJoin : public QObject
{
    Q_OBJECT
private slots:
    void joinWaitSpansTheWorkersLife();
    void withoutJoinTheLoopsInterleave();
    void sourceIsEmbedded();
};

void TestThreadsJoin::joinWaitSpansTheWorkersLife()
{
    const Trace trace = runJoin(true);
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 main = trace.findActor(QStringLiteral("MainThread"));
    const quint32 worker = trace.findActor(QStringLiteral("Worker"));
    QVERIFY(main && worker);

    const auto waits = eventsOfActor(trace, main, EventKind::JoinWait);
    const auto dones = eventsOfActor(trace, main, EventKind::JoinDone);
    QCOMPARE(waits.size(), std::size_t(1));
    QCOMPARE(dones.size(), std::size_t(1));
    QCOMPARE(quint32(waits.front().value), worker);
    QCOMPARE(quint32(dones.front().value), worker);

    // The wait ends only after the worker's very last event (its ThreadEnd).
    const qint64 workerLast = lastEventTime(trace, worker);
    QCOMPARE(eventsOfActor(trace, worker).back().kind, EventKind::ThreadEnd);
    QVERIFY(dones.front().timeNs >= workerLast);
    QCOMPARE(printsOf(trace, worker).size(), 6);

    // Every main-loop print comes after the join, hence after the worker's life.
    const auto mainPrints = eventsOfActor(trace, main, EventKind::Print);
    QCOMPARE(mainPrints.size(), std::size_t(6));
    for (const Event &print : mainPrints)
        QVERIFY(print.timeNs >= dones.front().timeNs);
    QCOMPARE(trace.outcome().value(QStringLiteral("joined")), 1);
    QCOMPARE(trace.outcome().value(QStringLiteral("interleaved"), -1), 0);
}

void TestThreadsJoin::withoutJoinTheLoopsInterleave()
{
    // Free-running, main reaches its loop while the worker still prints only
    // because the worker sleeps meanwhile: timing, not a guarantee (a loaded
    // machine can hold main back longer). Stepping forces the interleaving:
    // main starts the worker, both park at their first print, and main prints
    // first; the rest of the run goes free.
    const auto scenario = makeThreadsJoinScenario();
    Runner runner;
    RunOptions options;
    options.stepping = true;
    QVERIFY(runner.start(*scenario,
                         parametersFrom(*scenario,
                                        {QStringLiteral("join=false"), "worker_ms=300",
                                         "main_ms=300", "tick_ms=50"}),
                         options));
    StepGate &gate = *runner.stepGate();
    const auto parkedAt = [&gate](EventKind kind) {
        QList<quint32> actors;
        for (const PendingAction &p : gate.pending()) {
            if (p.kind == kind)
                actors.append(p.actor);
        }
        return actors;
    };
    QTRY_COMPARE_WITH_TIMEOUT(parkedAt(EventKind::ThreadStart).size(), 1, 20000);
    const quint32 mainActor = parkedAt(EventKind::ThreadStart).at(0);
    QVERIFY(gate.release(mainActor));
    // Main checked that the worker is alive before parking at its print.
    QTRY_COMPARE_WITH_TIMEOUT(parkedAt(EventKind::Print).size(), 2, 20000);
    QVERIFY(parkedAt(EventKind::Print).contains(mainActor));
    QVERIFY(gate.release(mainActor));
    QTRY_VERIFY_WITH_TIMEOUT(parkedAt(EventKind::SleepBegin).contains(mainActor), 20000);
    gate.setStepping(false);
    QVERIFY(runner.waitForFinished(60s));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 main = trace.findActor(QStringLiteral("MainThread"));
    const quint32 worker = trace.findActor(QStringLiteral("Worker"));
    QVERIFY(main && worker);

    QVERIFY(trace.eventsOfKind(EventKind::JoinWait).empty());
    const auto mainPrints = eventsOfActor(trace, main, EventKind::Print);
    const auto workerPrints = eventsOfActor(trace, worker, EventKind::Print);
    QCOMPARE(mainPrints.size(), std::size_t(6));
    QCOMPARE(workerPrints.size(), std::size_t(6));
    // The main loop started while the worker was still printing (forced above:
    // main printed first), and the outcome counted that.
    QVERIFY(mainPrints.front().timeNs < workerPrints.front().timeNs);
    QVERIFY(trace.outcome().value(QStringLiteral("interleaved")) >= 1);
    QCOMPARE(trace.outcome().value(QStringLiteral("joined"), -1), 0);

    // Even without join() the run does not end under a running worker.
    const auto mainEnd = eventsOfActor(trace, main, EventKind::ThreadEnd);
    const auto workerEnd = eventsOfActor(trace, worker, EventKind::ThreadEnd);
    QCOMPARE(mainEnd.size(), std::size_t(1));
    QCOMPARE(workerEnd.size(), std::size_t(1));
    QVERIFY(workerEnd.front().timeNs <= mainEnd.front().timeNs);
}

void TestThreadsJoin::sourceIsEmbedded()
{
    const auto scenario = makeThreadsJoinScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("t.join();")));
}

QTEST_GUILESS_MAIN(TestThreadsJoin)
#include "tst_threadsjoin.moc"
