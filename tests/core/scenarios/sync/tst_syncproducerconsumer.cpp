// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/sync/syncscenarios.h"
#include "tests/common/scenariorun.h"

#include <QRegularExpression>
#include <QTest>

using namespace weft;
using weft::testsupport::parametersFrom;

class TestSyncProducerConsumer : public QObject
{
    Q_OBJECT
private slots:
    void everyItemOnceInOrderPerProducer_data();
    void everyItemOnceInOrderPerProducer();
};

void TestSyncProducerConsumer::everyItemOnceInOrderPerProducer_data()
{
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<int>("producers");
    QTest::addColumn<int>("items");
    // Slow consumers: the queue fills and producers block on "not full".
    QTest::newRow("producers block") << QStringList {"producers=2", "consumers=1",  "items=6",
                                                     "capacity=2",  "produce_ms=0", "consume_ms=3"}
                                     << 2 << 6;
    // Slow producers: the queue drains and consumers block on "not empty".
    QTest::newRow("consumers block") << QStringList {"producers=1", "consumers=3",  "items=6",
                                                     "capacity=4",  "produce_ms=3", "consume_ms=0"}
                                     << 1 << 6;
    QTest::newRow("many") << QStringList {"producers=4", "consumers=4",  "items=25",
                                          "capacity=1",  "produce_ms=0", "consume_ms=0"}
                          << 4 << 25;
}

void TestSyncProducerConsumer::everyItemOnceInOrderPerProducer()
{
    QFETCH(QStringList, assignments);
    QFETCH(int, producers);
    QFETCH(int, items);
    const auto scenario = makeSyncProducerConsumerScenario();
    const ParameterValues params = parametersFrom(*scenario, assignments);
    const Trace trace = Runner::run(*scenario, params);
    QVERIFY2(trace.outcome().status == Outcome::Status::Completed,
             qPrintable(trace.outcome().summary));
    QCOMPARE(trace.outcome().value(QStringLiteral("delivered")), producers * items);

    // From the events: receives in queue order; each item once; per producer in order;
    // each receive preceded by its send.
    const quint32 queue = trace.findObject(QStringLiteral("queue"));
    QCOMPARE(trace.object(queue).kind, ObjectKind::Queue);
    const QRegularExpression itemName(QStringLiteral("^P(\\d+)#(\\d+)$"));
    QSet<QString> sent;
    QSet<QString> received;
    QHash<int, int> lastSequence;
    for (const Event &e : trace.events()) {
        if (e.object != queue)
            continue;
        const QString name = trace.text(e.text);
        if (name == QLatin1String("DONE"))
            continue;
        const auto match = itemName.match(name);
        QVERIFY2(match.hasMatch(), qPrintable(name));
        if (e.kind == EventKind::MessageSend) {
            QVERIFY2(!sent.contains(name), qPrintable(name));
            sent.insert(name);
        } else if (e.kind == EventKind::MessageRecv) {
            QVERIFY2(sent.contains(name), "received before it was sent");
            QVERIFY2(!received.contains(name), "received twice");
            received.insert(name);
            const int producer = match.captured(1).toInt();
            const int sequence = match.captured(2).toInt();
            QCOMPARE(sequence, lastSequence.value(producer) + 1);
            lastSequence[producer] = sequence;
        }
    }
    QCOMPARE(received.size(), producers * items);
    QCOMPARE(received, sent);

    // The depth never exceeded the capacity and ended at zero.
    const qint64 capacity = params.integer(QStringLiteral("capacity"));
    const quint32 depth = trace.findObject(QStringLiteral("queue depth"));
    qint64 last = -1;
    for (const Event &e : trace.eventsOfKind(EventKind::CounterValue)) {
        if (e.object != depth)
            continue;
        QVERIFY(e.value >= 0 && e.value <= capacity);
        last = e.value;
    }
    QCOMPARE(last, 0);

    // Every wake on a condition was caused by a notify from another thread.
    for (const Event &wake : trace.eventsOfKind(EventKind::CondWake)) {
        QVERIFY(wake.value != 0);
        QVERIFY(quint32(wake.value) != wake.actor);
    }
}

QTEST_GUILESS_MAIN(TestSyncProducerConsumer)
#include "tst_syncproducerconsumer.moc"
