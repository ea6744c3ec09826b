// SPDX-License-Identifier: MIT
#include "core/process/process.h"
#include "core/runner.h"
#include "core/scenarios/processes/processscenarios.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"

#include <QMap>
#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestProcessQueue : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyItemGetsThroughTheBoundedQueue();
};

// No zombie and no orphan after any run.
void TestProcessQueue::cleanup()
{
    QCOMPARE(testsupport::childProcessCount(), 0);
}

void TestProcessQueue::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("WEFT_EXECUTABLE").isEmpty(), "WEFT_EXECUTABLE not set");
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
}

void TestProcessQueue::everyItemGetsThroughTheBoundedQueue()
{
    const auto scenario = makeProcessQueueScenario();
    const Trace trace = runWith(
        *scenario,
        {"producers=2", "consumers=2", "messages=4", "maxsize=2", "size=16", "consume_ms=50"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.processCount(), 5);

    const quint32 queue = trace.findObject(QStringLiteral("queue"));
    QVERIFY(queue);
    QCOMPARE(trace.object(queue).kind, ObjectKind::Queue);

    // Items (sentinels aside) put by producer processes and got by consumer processes.
    QStringList put, got;
    QMap<quint32, QStringList> gotBy; // consumer lane -> its items in order
    for (const Event &e : trace.events()) {
        if (e.object != queue
            || (e.kind != EventKind::MessageSend && e.kind != EventKind::MessageRecv))
            continue;
        const QString text = trace.text(e.text);
        if (text == QStringLiteral("STOP"))
            continue; // the parent's sentinels
        QVERIFY(e.flags & Imported); // recorded in the producer and consumer processes
        if (e.kind == EventKind::MessageSend) {
            put << text;
            QCOMPARE(e.value, 16);
        } else if (e.kind == EventKind::MessageRecv) {
            got << text;
            gotBy[e.actor] << text;
        }
    }
    QCOMPARE(put.size(), 8);
    QStringList sortedPut = put, sortedGot = got;
    sortedPut.sort();
    sortedGot.sort();
    QCOMPARE(sortedGot, sortedPut); // nothing lost, nothing duplicated
    // The queue is FIFO: each consumer sees each producer's items in the order they were put.
    for (const QStringList &items : gotBy) {
        QMap<QString, int> lastFrom;
        for (const QString &item : items) {
            const QString producer = item.section(QLatin1Char('#'), 0, 0);
            const int number
                = item.section(QLatin1Char('#'), 1).section(QLatin1Char(' '), 0, 0).toInt();
            QVERIFY2(number > lastFrom.value(producer, 0),
                     qPrintable(items.join(QLatin1Char(','))));
            lastFrom[producer] = number;
        }
    }

    // The depth never exceeded maxsize; each blocked put is a wait span on its producer.
    const quint32 depth = trace.findObject(QStringLiteral("queue depth"));
    QVERIFY(depth);
    for (const Event &e : trace.eventsOfKind(EventKind::CounterValue)) {
        if (e.object == depth)
            QVERIFY(e.value >= 0 && e.value <= 2);
    }
    // Producers' waits only (recorded in their processes): the parent's stop
    // sentinels may block too, and are not the producers' blocked puts.
    qint64 fullWaits = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::IoWaitBegin))
        fullWaits += e.object == queue && (e.flags & Imported)
            && trace.text(e.text) == QStringLiteral("queue full");
    const Outcome &outcome = trace.outcome();
    QCOMPARE(fullWaits, outcome.value(QStringLiteral("blocked_puts")));
    QVERIFY(outcome.value(QStringLiteral("blocked_puts"))
            > 0); // 8 items, room for 2, slow consumers
    QCOMPARE(outcome.value(QStringLiteral("sent")), 8);
    QCOMPARE(outcome.value(QStringLiteral("received")), 8);
    QVERIFY(outcome.value(QStringLiteral("max_depth")) <= 2);
}

QTEST_GUILESS_MAIN(TestProcessQueue)
#include "tst_processqueue.moc"
