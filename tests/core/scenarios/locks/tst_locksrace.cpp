#include "core/runner.h"
#include "core/scenarios/locks/lockscenarios.h"

#include <QTest>

using namespace weft;

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
    const Trace trace = Runner::run(*scenario, *params);
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.status, Outcome::Status::Completed);
    const qint64 expected = threads * 3;
    QCOMPARE(outcome.value(QStringLiteral("expected")), expected);
    QVERIFY2(outcome.value(QStringLiteral("lost")) >= 1, qPrintable(outcome.summary));
    QVERIFY(outcome.value(QStringLiteral("rounds")) <= 2000);

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
            QCOMPARE(e.value, 0);  // the reset at the start of the round
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
    QCOMPARE(expected - outcome.value(QStringLiteral("final")), outcome.value(QStringLiteral("lost")));
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
