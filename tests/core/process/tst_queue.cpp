// SPDX-License-Identifier: MIT
// Queue, its server lane and QueueClient, within one process: bounded, FIFO,
// blocking recorded as waits, depth as a counter.
#include "core/process/queue.h"
#include "core/runcontext.h"
#include "core/runner.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"

#include <QTest>

using namespace weft;
using weft::testsupport::FunctionScenario;

class TestQueue : public QObject
{
    Q_OBJECT
private slots:
    void boundedAndInOrder();
    void getOnEmptyQueueWaits();
    void itsCreatorPutsAndGetsFromSeveralThreads();
};

void TestQueue::boundedAndInOrder()
{
    QList<QByteArray> received;
    QueueStats stats;
    quint32 producerLane = 0;
    FunctionScenario scenario([&](RunContext &) {
        Queue queue(QStringLiteral("q"), 2);
        QueueClient in = queue.connect();
        QueueClient out = queue.connect();
        Thread producer(QStringLiteral("producer"), [&] {
            for (int i = 0; i < 10; ++i)
                in.put(QByteArray::number(i));
        });
        Thread consumer(QStringLiteral("consumer"), [&] {
            for (int i = 0; i < 10; ++i) {
                sleepFor(std::chrono::milliseconds(5)); // slower than the producer
                received << out.get();
            }
        });
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        stats = queue.stats();
        producerLane = producer.actor();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);

    QList<QByteArray> expected;
    for (int i = 0; i < 10; ++i)
        expected << QByteArray::number(i);
    QCOMPARE(received, expected);
    QCOMPARE(stats.puts, 10);
    QCOMPARE(stats.gets, 10);
    QVERIFY(stats.maxDepth <= 2);
    QVERIFY(stats.blockedPuts > 0);

    const quint32 depth = trace.findObject(QStringLiteral("q depth"));
    QCOMPARE(trace.object(depth).kind, ObjectKind::Counter);
    for (const Event &e : trace.eventsOfKind(EventKind::CounterValue))
        QVERIFY(e.object != depth || (e.value >= 0 && e.value <= 2));
    qint64 waits = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::IoWaitBegin))
        waits += e.actor == producerLane && trace.text(e.text) == QStringLiteral("queue full");
    QCOMPARE(waits, stats.blockedPuts);
    QCOMPARE(trace.eventsOfKind(EventKind::IoWaitEnd).size(), std::size_t(stats.blockedPuts));
    QCOMPARE(trace.eventsOfKind(EventKind::MessageSend).size(), std::size_t(10));
    QCOMPARE(trace.eventsOfKind(EventKind::MessageRecv).size(), std::size_t(10));
}

void TestQueue::getOnEmptyQueueWaits()
{
    QByteArray item;
    quint32 consumerLane = 0;
    FunctionScenario scenario([&](RunContext &) {
        Queue queue(QStringLiteral("q"), 1);
        QueueClient in = queue.connect();
        QueueClient out = queue.connect();
        Thread consumer(QStringLiteral("consumer"), [&] { item = out.get(); });
        consumer.start();
        // Put only once the server has parked the get: the wait is certain.
        while (queue.stats().blockedGets == 0)
            sleepFor(std::chrono::milliseconds(1));
        in.put("late");
        consumer.join();
        consumerLane = consumer.actor();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(item, QByteArray("late"));
    const auto waits = trace.eventsOfKind(EventKind::IoWaitBegin);
    QCOMPARE(waits.size(), std::size_t(1));
    QCOMPARE(waits[0].actor, consumerLane);
    QCOMPARE(trace.text(waits[0].text), QStringLiteral("queue empty"));
    const auto recvs = trace.eventsOfKind(EventKind::MessageRecv);
    QCOMPARE(recvs.size(), std::size_t(1));
    QVERIFY(recvs[0].timeNs >= trace.eventsOfKind(EventKind::IoWaitEnd).at(0).timeNs);
}

void TestQueue::itsCreatorPutsAndGetsFromSeveralThreads()
{
    QList<QByteArray> received;
    int createLine = 0, putLine = 0, getLine = 0;
    FunctionScenario scenario([&](RunContext &) {
        createLine = __LINE__ + 1;
        Queue queue(QStringLiteral("q"), 1);
        Thread consumer(QStringLiteral("consumer"), [&] {
            for (int i = 0; i < 3; ++i) {
                getLine = __LINE__ + 1;
                received << queue.get();
            }
        });
        consumer.start();
        // The second put blocks on the full queue until the consumer's get,
        // which another thread makes on the same Queue meanwhile.
        for (const char *item : {"a", "b", "c"}) {
            putLine = __LINE__ + 1;
            queue.put(item);
        }
        consumer.join();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(received, (QList<QByteArray> {"a", "b", "c"}));

    // The server lane's start is drawn at the line that made the queue.
    const quint32 serverLane = trace.findActor(QStringLiteral("q server"));
    QVERIFY(serverLane);
    int spawnLine = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::ThreadSpawn))
        spawnLine = quint32(e.value) == serverLane ? trace.site(e.site).line : spawnLine;
    QCOMPARE(spawnLine, createLine);
    for (const Event &e : trace.events()) {
        if (e.kind == EventKind::MessageSend)
            QCOMPARE(trace.site(e.site).line, putLine);
        else if (e.kind == EventKind::MessageRecv)
            QCOMPARE(trace.site(e.site).line, getLine);
    }
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
