// SPDX-License-Identifier: MIT
#include "comparetraces.h"
#include "ui/compare/runcomparison.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestRunComparison : public QObject
{
    Q_OBJECT
private slots:
    void labelsAreTheParametersThatDiffer();
    void differenceLineSaysWhatEachCameTo();
    void resultOfOtherOutcomes();
    void titleNamesTheLessonOnce_data();
    void titleNamesTheLessonOnce();
    void aLessonAndItsTwinAreNamedByLanguage();
};

void TestRunComparison::labelsAreTheParametersThatDiffer()
{
    const RunComparison comparison(
        testsupport::countingRun(0, 31, QStringLiteral("W"), 19801, QStringLiteral("nolock")),
        testsupport::countingRun(5, 44, QStringLiteral("W"), 0, QStringLiteral("lock")));
    QCOMPARE(comparison.firstLabel(), QStringLiteral("nolock"));
    QCOMPARE(comparison.secondLabel(), QStringLiteral("lock"));
    QCOMPARE(comparison.sharedDurationNs(), 44'000'000);
    // A number alone names nothing: the key goes with it.
    const RunComparison threads(
        testsupport::countingRun(0, 1, QStringLiteral("W"), 0, QStringLiteral("2")),
        testsupport::countingRun(0, 1, QStringLiteral("W"), 0, QStringLiteral("4")));
    QCOMPARE(threads.firstLabel(), QStringLiteral("mode=2"));
    QCOMPARE(threads.secondLabel(), QStringLiteral("mode=4"));
    // Nothing differs: which run is which.
    const RunComparison same(
        testsupport::countingRun(0, 1, QStringLiteral("W"), 0, QStringLiteral("lock")),
        testsupport::countingRun(0, 1, QStringLiteral("W"), 0, QStringLiteral("lock")));
    QCOMPARE(same.firstLabel(), QStringLiteral("first run"));
    QCOMPARE(same.secondLabel(), QStringLiteral("second run"));
}

void TestRunComparison::differenceLineSaysWhatEachCameTo()
{
    RunComparison comparison(
        testsupport::countingRun(0, 31, QStringLiteral("W"), 19801, QStringLiteral("nolock")),
        testsupport::countingRun(5, 44, QStringLiteral("W"), 0, QStringLiteral("lock")));
    QCOMPARE(comparison.differenceLine(),
             QStringLiteral("nolock: 19801 updates lost in 31 ms; lock: exact in 44 ms "
                            "(lock took 1.4× as long)"));
    comparison.setLabels(QStringLiteral("no lock"), QString());
    QVERIFY(comparison.differenceLine().startsWith(QStringLiteral("no lock: 19801 updates lost")));
    QCOMPARE(RunComparison::resultOf(
                 testsupport::countingRun(0, 1, QStringLiteral("W"), 1, QStringLiteral("x"))),
             QStringLiteral("1 update lost"));
}

void TestRunComparison::resultOfOtherOutcomes()
{
    TraceBuilder builder;
    builder.metadata().outcome.status = Outcome::Status::Completed;
    builder.metadata().outcome.summary
        = QStringLiteral("2 threads × 3000 work units. Sequential: 307.9 ms.");
    QCOMPARE(RunComparison::resultOf(builder.build()),
             QStringLiteral("2 threads × 3000 work units"));
    TraceBuilder deadlocked;
    deadlocked.metadata().outcome.status = Outcome::Status::Deadlocked;
    deadlocked.metadata().outcome.summary = QStringLiteral("T1 waits for T2.");
    QCOMPARE(RunComparison::resultOf(deadlocked.build()),
             outcomeStatusName(Outcome::Status::Deadlocked));
}

void TestRunComparison::titleNamesTheLessonOnce_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("title");
    QTest::newRow("same") << "Counter"
                          << "Counter"
                          << "Compare: Counter";
    QTest::newRow("twin") << "Counter"
                          << "Counter (Python)"
                          << "Compare: Counter";
    QTest::newRow("twin first") << "Counter (Python)"
                                << "Counter"
                                << "Compare: Counter";
    QTest::newRow("others") << "Counter"
                            << "Deadlock"
                            << "Compare: Counter / Deadlock";
}

void TestRunComparison::titleNamesTheLessonOnce()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, title);
    auto titled = [](const QString &text, qint64 startNs) {
        TraceBuilder builder;
        const quint32 main = builder.addActor({QStringLiteral("MainThread"), 1, 0, true, false});
        builder.addEvent({startNs, 0, main, 0, 0, 0, EventKind::ThreadStart, 0});
        builder.addEvent({startNs + 1000, 0, main, 0, 0, 0, EventKind::ThreadEnd, 0});
        builder.metadata().title = text;
        return builder.build();
    };
    QCOMPARE(RunComparison(titled(first, 0), titled(second, 5000)).title(), title);
}

void TestRunComparison::aLessonAndItsTwinAreNamedByLanguage()
{
    Trace cpp = testsupport::countingRun(0, 10, QStringLiteral("W"), 0, QStringLiteral("lock"));
    Trace python = testsupport::countingRun(5'000'000'000, 30, QStringLiteral("W"), 0,
                                            QStringLiteral("lock"));
    TraceMetadata meta = python.metadata();
    meta.scenarioId = QStringLiteral("locks.counter.py");
    python = python.withMetadata(meta);
    const RunComparison forward(cpp, python), backward(python, cpp);
    QCOMPARE(forward.firstLabel(), QStringLiteral("C++"));
    QCOMPARE(forward.secondLabel(), QStringLiteral("Python"));
    QCOMPARE(backward.firstLabel(), QStringLiteral("Python"));
    QCOMPARE(backward.secondLabel(), QStringLiteral("C++"));
    QVERIFY2(forward.differenceLine().startsWith(QStringLiteral("C++: exact in 10 ms; Python: ")),
             qPrintable(forward.differenceLine()));
}

QTEST_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
