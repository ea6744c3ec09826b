// SPDX-License-Identifier: MIT
// Run ▸ Run Both on the real locks.counter: one run with a lock, one without,
// and the difference line states what each outcome measured (whatever the
// race lost this time).
#include "core/scenario.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "ui/compare/runboth.h"

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

QTEST_MAIN(TestRunBoth)
#include "tst_runboth.moc"
