// SPDX-License-Identifier: MIT
// Run Both's C++/Python twin lookup over the real catalogue: every pair is
// found from either side, a lesson without a twin gets none, and the values
// reach each lesson where it has the parameter.
#include "core/scenario.h"
#include "core/scenarioregistry.h"
#include "core/scenarios/catalogue.h"
#include "ui/compare/twinpair.h"

#include <QSet>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestTwinPair : public QObject
{
    Q_OBJECT
private slots:
    void findsEveryPairOfTheCatalogue();
    void noneWithoutATwin_data();
    void noneWithoutATwin();
    void theValuesReachBothWhereTheyHaveThem();
};

void TestTwinPair::findsEveryPairOfTheCatalogue()
{
    // The lessons `weft --list` shows with a ".py" twin.
    const QSet<QString> expected {
        QStringLiteral("threads.create"),   QStringLiteral("threads.subclass"),
        QStringLiteral("threads.identity"), QStringLiteral("threads.join"),
        QStringLiteral("threads.daemon"),   QStringLiteral("locks.counter"),
        QStringLiteral("gil.cpu"),          QStringLiteral("socket.client"),
        QStringLiteral("socket.server"),    QStringLiteral("process.queue"),
        QStringLiteral("process.pipe"),     QStringLiteral("process.manager")};
    QSet<QString> found;
    for (const Scenario *scenario : catalogue().all()) {
        const auto pair = TwinPair::of(catalogue(), *scenario, ParameterValues());
        if (!pair)
            continue;
        QVERIFY(pair->cpp && pair->python);
        QCOMPARE(pair->cpp->language(), SourceLanguage::Cpp);
        QCOMPARE(pair->python->language(), SourceLanguage::Python);
        QCOMPARE(pair->python->id(), pair->cpp->id() + QStringLiteral(".py"));
        // Whichever of the two is selected, it is the same pair.
        QVERIFY(scenario == pair->cpp || scenario == pair->python);
        found.insert(pair->cpp->id());
    }
    QCOMPARE(found, expected);
}

void TestTwinPair::noneWithoutATwin_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id :
         {"locks.race", "locks.deadlock", "gil.io", "sync.producer_consumer", "process.isolation",
          "socket.recv_loop", "socket.backlog", "socket.threaded_server"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestTwinPair::noneWithoutATwin()
{
    QFETCH(QString, id);
    const Scenario *scenario = catalogue().find(id);
    QVERIFY(scenario);
    QVERIFY(!TwinPair::of(catalogue(), *scenario, ParameterValues()));
}

void TestTwinPair::theValuesReachBothWhereTheyHaveThem()
{
    ParameterValues values;
    values.set(QStringLiteral("threads"), 8);
    values.set(QStringLiteral("increments"), 20);
    values.set(QStringLiteral("mode"), QStringLiteral("nolock"));
    const auto fromCpp
        = TwinPair::of(catalogue(), *catalogue().find(QStringLiteral("locks.counter")), values);
    QVERIFY(fromCpp);
    QCOMPARE(fromCpp->cppValues.integer(QStringLiteral("threads")), 8);
    QCOMPARE(fromCpp->cppValues.integer(QStringLiteral("increments")), 20);
    QCOMPARE(fromCpp->pythonValues.integer(QStringLiteral("threads")), 8);
    QCOMPARE(fromCpp->pythonValues.text(QStringLiteral("mode")), QStringLiteral("nolock"));
    // The script adds ten times per thread: it has no "increments" to be given.
    QVERIFY(!fromCpp->pythonValues.contains(QStringLiteral("increments")));

    // From the Python lesson's form: the C++ lesson gets those values and its
    // own defaults for the rest.
    ParameterValues python;
    python.set(QStringLiteral("threads"), 6);
    python.set(QStringLiteral("mode"), QStringLiteral("lock"));
    const auto fromPython
        = TwinPair::of(catalogue(), *catalogue().find(QStringLiteral("locks.counter.py")), python);
    QVERIFY(fromPython);
    QCOMPARE(fromPython->cpp->id(), QStringLiteral("locks.counter"));
    QCOMPARE(fromPython->cppValues.integer(QStringLiteral("threads")), 6);
    QCOMPARE(fromPython->cppValues.text(QStringLiteral("mode")), QStringLiteral("lock"));
    QVERIFY(fromPython->cppValues.contains(QStringLiteral("increments"))); // its default
}

QTEST_MAIN(TestTwinPair)
#include "tst_twinpair.moc"
