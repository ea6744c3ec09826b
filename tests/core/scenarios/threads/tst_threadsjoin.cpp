#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "tests/common/scenariorun.h"
#include "tests/common/traceassertions.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;

namespace {

Trace runJoin(bool join)
{
    const auto scenario = makeThreadsJoinScenario();
    return runWith(*scenario, {QStringLiteral("join=%1").arg(join ? "true" : "false"),
                               "worker_ms=300", "main_ms=300", "tick_ms=50"});
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
    const Trace trace = runJoin(false);
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 main = trace.findActor(QStringLiteral("MainThread"));
    const quint32 worker = trace.findActor(QStringLiteral("Worker"));
    QVERIFY(main && worker);

    QVERIFY(trace.eventsOfKind(EventKind::JoinWait).empty());
    const auto mainPrints = eventsOfActor(trace, main, EventKind::Print);
    const auto workerPrints = eventsOfActor(trace, worker, EventKind::Print);
    QCOMPARE(mainPrints.size(), std::size_t(6));
    QCOMPARE(workerPrints.size(), std::size_t(6));
    // The main loop started while the worker was still printing (it sleeps
    // 250 ms more after its first print), and the outcome counted that.
    QVERIFY(mainPrints.front().timeNs < workerPrints.back().timeNs);
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
