// SPDX-License-Identifier: MIT
// Run ▸ Run Both on the real locks.counter: one run with a lock, one without,
// and the difference line states what each outcome measured (whatever the
// race lost this time).
#include "core/scenario.h"
#include "core/scenarioregistry.h"
#include "core/scenarios/catalogue.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "ui/compare/runboth.h"
#include "ui/compare/twinpair.h"

#include <QSignalSpy>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestRunBoth : public QObject
{
    Q_OBJECT
private slots:
    void choosesTheParameterToVary();
    void lockAgainstNoLock();
    void cppAgainstPython();
};

void TestRunBoth::choosesTheParameterToVary()
{
    const auto counter = makeLocksCounterScenario();
    ParameterValues values = ParameterValues::defaults(counter->parameters());
    auto compared = RunBoth::parameterToCompare(counter->parameters(), values);
    QVERIFY(compared);
    QCOMPARE(compared->key, QStringLiteral("mode"));
    QCOMPARE(compared->first.toString(), QStringLiteral("lock"));
    QCOMPARE(compared->second.toString(), QStringLiteral("nolock"));
    values.set(QStringLiteral("mode"), QStringLiteral("nolock"));
    compared = RunBoth::parameterToCompare(counter->parameters(), values);
    QCOMPARE(compared->second.toString(), QStringLiteral("serial")); // wraps round

    const auto deadlock = makeLocksDeadlockScenario(); // a switch only
    compared = RunBoth::parameterToCompare(deadlock->parameters(),
                                           ParameterValues::defaults(deadlock->parameters()));
    QVERIFY(compared);
    QCOMPARE(compared->key, QStringLiteral("fixed_order"));
    QCOMPARE(compared->first.toBool(), !compared->second.toBool());

    const auto race = makeLocksRaceScenario(); // integers only: nothing to vary
    QVERIFY(!RunBoth::parameterToCompare(race->parameters(),
                                         ParameterValues::defaults(race->parameters())));
}

void TestRunBoth::lockAgainstNoLock()
{
    const auto counter = makeLocksCounterScenario();
    ParameterValues values = ParameterValues::defaults(counter->parameters());
    values.set(QStringLiteral("threads"), 16);
    values.set(QStringLiteral("increments"), 50);
    values.set(QStringLiteral("mode"), QStringLiteral("lock"));
    RunBoth both;
    QSignalSpy finished(&both, &RunBoth::finished);
    QVERIFY(both.start(*counter, values));
    QVERIFY(both.isRunning());
    QVERIFY(finished.wait(120000));
    QVERIFY(!both.isRunning());
    QVERIFY(both.result());
    const RunComparison &comparison = *both.result();
    auto modeOf = [](const Trace &trace) {
        for (const auto &[key, value] : trace.metadata().parameters)
            if (key == QLatin1String("mode"))
                return value;
        return QString();
    };
    QCOMPARE(modeOf(comparison.first()), QStringLiteral("lock"));
    QCOMPARE(modeOf(comparison.second()), QStringLiteral("nolock"));
    const Outcome &locked = comparison.first().outcome();
    const Outcome &nolock = comparison.second().outcome();
    QCOMPARE(locked.value(QStringLiteral("lost"), -1), 0);
    QCOMPARE(locked.value(QStringLiteral("final")), 16 * 50);
    const QString line = comparison.differenceLine();
    // The labels the form shows, then what each outcome measured.
    const qint64 lost = nolock.value(QStringLiteral("lost"), -1);
    QVERIFY(lost >= 0);
    const QString nolockResult = lost == 0 ? QStringLiteral("exact")
        : lost == 1                        ? QStringLiteral("1 update lost")
                                           : QStringLiteral("%1 updates lost").arg(lost);
    QVERIFY2(line.startsWith(QStringLiteral("with a lock: exact in ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("; without a lock: %1 in ").arg(nolockResult)),
             qPrintable(line));
}

// The lesson in C++, then its Python twin with the same values: two traces
// whose scenario ids are the pair, labelled by language.
void TestRunBoth::cppAgainstPython()
{
    const Scenario *counter = catalogue().find(QStringLiteral("locks.counter"));
    QVERIFY(counter);
    ParameterValues values = ParameterValues::defaults(counter->parameters());
    values.set(QStringLiteral("threads"), 4);
    values.set(QStringLiteral("increments"), 10);
    values.set(QStringLiteral("mode"), QStringLiteral("lock"));
    const auto twins = TwinPair::of(catalogue(), *counter, values);
    QVERIFY(twins);
    if (const QString why = twins->python->unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    RunBoth both;
    QSignalSpy finished(&both, &RunBoth::finished);
    QSignalSpy progress(&both, &RunBoth::progress);
    QVERIFY(both.startTwins(*twins));
    QVERIFY(!both.startTwins(*twins)); // one pair at a time
    QVERIFY(finished.wait(120000));
    QVERIFY(both.result());
    const RunComparison &comparison = *both.result();
    QCOMPARE(comparison.first().metadata().scenarioId, QStringLiteral("locks.counter"));
    QCOMPARE(comparison.second().metadata().scenarioId, QStringLiteral("locks.counter.py"));
    QCOMPARE(comparison.firstLabel(), QStringLiteral("C++"));
    QCOMPARE(comparison.secondLabel(), QStringLiteral("Python"));
    QCOMPARE(comparison.title(), QStringLiteral("Compare: Many threads, one counter"));
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(1).first().toString(), QStringLiteral("Running Python (2 of 2)…"));
    // Both locked runs are exact, and the line says so for each language.
    QCOMPARE(comparison.first().outcome().value(QStringLiteral("lost"), -1), 0);
    QCOMPARE(comparison.second().outcome().value(QStringLiteral("lost"), -1), 0);
    const QString line = comparison.differenceLine();
    QVERIFY2(line.startsWith(QStringLiteral("C++: exact in ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("; Python: exact in ")), qPrintable(line));
}

QTEST_MAIN(TestRunBoth)
#include "tst_runboth.moc"
