// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/locks/lockscenarios.h"

#include <QTest>
#include <algorithm>
#include <chrono>

using namespace weft;
using namespace std::chrono_literals;

namespace {

bool isParkedAt(const StepGate &gate, quint32 actor, EventKind kind)
{
    for (const PendingAction &p : gate.pending()) {
        if (p.actor == actor && p.kind == kind)
            return true;
    }
    return false;
}

QList<PendingAction> parkedAt(const StepGate &gate, EventKind kind)
{
    QList<PendingAction> out;
    for (const PendingAction &p : gate.pending()) {
        if (p.kind == kind)
            out.append(p);
    }
    std::sort(out.begin(), out.end(),
              [](const PendingAction &a, const PendingAction &b) { return a.arrival < b.arrival; });
    return out;
}

} // namespace

class TestLocksRace : public QObject
{
    Q_OBJECT
private slots:
    void losesAnUpdateWithinTheRoundLimit_data();
    void losesAnUpdateWithinTheRoundLimit();
    void sourceIsEmbedded();
};

void TestLocksRace::losesAnUpdateWithinTheRoundLimit_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("4 threads") << 4;
}

void TestLocksRace::losesAnUpdateWithinTheRoundLimit()
{
    QFETCH(int, threads);
    const auto scenario = makeLocksRaceScenario();
    QString error;
    const auto params = ParameterValues::fromAssignments(
        scenario->parameters(),
        {QStringLiteral("threads=%1").arg(threads), "increments=3", "max_rounds=2000"}, &error);
    QVERIFY2(params, qPrintable(error));

    // Whether free-running threads ever meet inside the race window is the
    // scheduler's call, so the first round's race is forced through the gates the
    // scenario puts around each read and write: two workers both read 0, then
    // both write 1. The rest of the run goes free.
    Runner runner;
    RunOptions options;
    options.stepping = true;
    QVERIFY(runner.start(*scenario, *params, options));
    StepGate &gate = *runner.stepGate();
    // Main parks before starting each worker; round 1 begins once all have started.
    for (int i = 0; i < threads; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(parkedAt(gate, EventKind::ThreadStart).size(), 1, 20000);
        QVERIFY(gate.release(parkedAt(gate, EventKind::ThreadStart).at(0).actor));
    }
    // Every worker parks at its first read (a Mark gate), none has read yet.
    QTRY_COMPARE_WITH_TIMEOUT(parkedAt(gate, EventKind::Mark).size(), threads, 20000);
    const quint32 first = parkedAt(gate, EventKind::Mark).at(0).actor;
    const quint32 second = parkedAt(gate, EventKind::Mark).at(1).actor;
    QVERIFY(gate.release(first)); // reads 0
    QTRY_VERIFY_WITH_TIMEOUT(isParkedAt(gate, first, EventKind::CounterValue), 20000);
    QVERIFY(gate.release(second)); // reads 0 too
    QTRY_VERIFY_WITH_TIMEOUT(isParkedAt(gate, second, EventKind::CounterValue), 20000);
    QVERIFY(gate.release(first)); // writes 1
    QTRY_VERIFY_WITH_TIMEOUT(isParkedAt(gate, first, EventKind::Mark), 20000);
    QVERIFY(gate.release(second)); // writes 1 over 1: first's update is lost
    QTRY_VERIFY_WITH_TIMEOUT(isParkedAt(gate, second, EventKind::Mark), 20000);
    gate.setStepping(false);
    QVERIFY(runner.waitForFinished(60s));

    const Trace trace = runner.result();
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Completed);
    const qint64 expected = threads * 3;
    QCOMPARE(outcome.value(QStringLiteral("expected")), expected);
    // A lost update can never be made up (each write stores what its thread read
    // plus one), so round 1 ends short and is the last.
    QVERIFY2(outcome.value(QStringLiteral("lost")) >= 1, qPrintable(outcome.summary));
    QCOMPARE(outcome.value(QStringLiteral("rounds")), 1);

    // Re-derive the last round from its events alone.
    const quint32 counter = trace.findObject(QStringLiteral("counter"));
    QCOMPARE(trace.object(counter).kind, ObjectKind::Counter);
    qint64 lastRoundStart = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::SpanBegin))
        lastRoundStart = e.timeNs;
    QVERIFY(lastRoundStart > 0);

    int reads = 0;
    int writes = 0;
    qint64 lostFromMarks = 0;
    int lossMarks = 0;
    QHash<qint64, QSet<quint32>> readersOfValue;
    qint64 lastWritten = -1;
    for (const Event &e : trace.events()) {
        if (e.timeNs < lastRoundStart || e.object != counter)
            continue;
        if (e.kind == EventKind::Mark && !e.isAbnormal()) {
            ++reads;
            readersOfValue[e.value].insert(e.actor);
        } else if (e.kind == EventKind::Mark && e.isAbnormal()) {
            ++lossMarks;
            lostFromMarks += e.value;
        } else if (e.kind == EventKind::CounterValue && trace.actor(e.actor).isMainThread) {
            QCOMPARE(e.value, 0); // the reset at the start of the round
        } else if (e.kind == EventKind::CounterValue) {
            ++writes;
            lastWritten = e.value;
        }
    }
    // Every increment is one read and one write.
    QCOMPARE(reads, int(expected));
    QCOMPARE(writes, int(expected));
    // The marks account for every lost update exactly.
    QVERIFY(lossMarks >= 1);
    QCOMPARE(lostFromMarks, outcome.value(QStringLiteral("lost")));
    QCOMPARE(expected - outcome.value(QStringLiteral("final")),
             outcome.value(QStringLiteral("lost")));
    Q_UNUSED(lastWritten);
    // A lost update means some value was read by two different threads, or a
    // stale value was written back over a newer one: at least one of the two is
    // visible in the reads.
    bool sharedRead = false;
    for (const auto &readers : std::as_const(readersOfValue))
        sharedRead = sharedRead || readers.size() >= 2;
    QVERIFY2(sharedRead, "no two threads read the same value, yet an update was lost");
}

void TestLocksRace::sourceIsEmbedded()
{
    const auto scenario = makeLocksRaceScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("class LocksRaceScenario")));
}

QTEST_GUILESS_MAIN(TestLocksRace)
#include "tst_locksrace.moc"
