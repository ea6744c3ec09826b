// SPDX-License-Identifier: MIT
// process.queue — producer and consumer processes share a bounded queue.
//
// The Python this mirrors:
//     def producer(q, me, n):
//         for i in range(n):
//             q.put(f"P{me}#{i}")          # blocks while the queue is full
//     def consumer(q):
//         while (item := q.get()) != "STOP":   # blocks while it is empty
//             time.sleep(consume_s)
//     q = multiprocessing.Queue(maxsize)
//     producers = [Process(target=producer, args=(q, p, n)) for p in range(P)]
//     consumers = [Process(target=consumer, args=(q,)) for _ in range(C)]
//     ... start all; join producers; put one "STOP" per consumer; join consumers

#include "core/process/process.h"
#include "core/process/queue.h"
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>
#include <memory>
#include <vector>

namespace weft {
namespace {

const QString kProducerRole = QStringLiteral("queue-producer");
const QString kConsumerRole = QStringLiteral("queue-consumer");
const QByteArray kStop = QByteArrayLiteral("STOP");

int producer(WorkerContext &worker)
{
    const auto &p = worker.parameters();
    QueueClient queue = worker.queue(0);
    const auto pause = std::chrono::milliseconds(p.integer(QStringLiteral("produce_ms")));
    for (int i = 0; i < p.integer(QStringLiteral("messages")); ++i) {
        sleepFor(pause);
        queue.put(
            taggedMessage(QStringLiteral("P%1#%2").arg(p.integer(QStringLiteral("id"))).arg(i + 1),
                          int(p.integer(QStringLiteral("size")))));
    }
    return 0;
}

int consumer(WorkerContext &worker)
{
    QueueClient queue = worker.queue(0);
    const auto pause
        = std::chrono::milliseconds(worker.parameters().integer(QStringLiteral("consume_ms")));
    while (queue.get() != kStop)
        sleepFor(pause); // the work done with each item
    return 0;
}

class ProcessQueueScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ProcessQueueScenario)
public:
    QString id() const override { return QStringLiteral("process.queue"); }
    Topic topic() const override { return Topic::Processes; }
    QString title() const override { return tr("Producers and consumers over a queue"); }
    QString explanation() const override
    {
        return tr("Producer processes put messages on a bounded queue and consumer processes take "
                  "them off. Each put and get is an arrow from producer to consumer; the queue's "
                  "depth is drawn as a counter. A producer blocks while the queue is full and a "
                  "consumer while it is empty — the waits show on their lanes.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("producers"), tr("Producers"), 2, 1, 8),
                ParameterSpec::integer(QStringLiteral("consumers"), tr("Consumers"), 2, 1, 8),
                ParameterSpec::integer(QStringLiteral("messages"), tr("Messages per producer"), 10,
                                       1, 1000),
                ParameterSpec::integer(QStringLiteral("size"), tr("Message size (bytes)"), 32, 1,
                                       65536),
                ParameterSpec::integer(QStringLiteral("maxsize"), tr("Queue size"), 3, 1, 100,
                                       tr("How many items the queue holds before put() blocks")),
                ParameterSpec::integer(QStringLiteral("produce_ms"), tr("Time to produce (ms)"), 0,
                                       0, 10000),
                ParameterSpec::integer(QStringLiteral("consume_ms"), tr("Time to consume (ms)"), 20,
                                       0, 10000)};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/processes/processqueue.cpp");
    }

    void run(RunContext &context) const override
    {
        const auto &p = context.parameters();
        const int producers = int(p.integer(QStringLiteral("producers")));
        const int consumers = int(p.integer(QStringLiteral("consumers")));
        const int messages = int(p.integer(QStringLiteral("messages")));

        Queue queue(tr("queue"), int(p.integer(QStringLiteral("maxsize"))));
        std::vector<std::unique_ptr<Process>> producing, consuming;
        for (int i = 0; i < producers; ++i) {
            producing.push_back(std::make_unique<Process>(
                tr("producer %1").arg(i + 1), kProducerRole,
                QStringList {
                    QStringLiteral("id=%1").arg(i + 1), QStringLiteral("messages=%1").arg(messages),
                    QStringLiteral("size=%1").arg(p.integer(QStringLiteral("size"))),
                    QStringLiteral("produce_ms=%1").arg(p.integer(QStringLiteral("produce_ms")))}));
        }
        for (int i = 0; i < consumers; ++i) {
            consuming.push_back(std::make_unique<Process>(
                tr("consumer %1").arg(i + 1), kConsumerRole,
                QStringList {
                    QStringLiteral("consume_ms=%1").arg(p.integer(QStringLiteral("consume_ms")))}));
        }
        for (auto &process : producing) {
            process->pass(queue);
            process->start();
        }
        for (auto &process : consuming) {
            process->pass(queue);
            process->start();
        }
        for (auto &process : producing)
            process->join();
        // The stop sentinels below are puts too, and block on a small queue: the
        // summary's blocked puts are the producers' own, counted before them.
        const qint64 producerBlockedPuts = queue.stats().blockedPuts;
        QueueClient here = queue.connect();
        for (int i = 0; i < consumers; ++i)
            here.put(kStop); // one sentinel per consumer
        for (auto &process : consuming)
            process->join();

        const QueueStats stats = queue.stats();
        Outcome outcome;
        outcome.setValue(QStringLiteral("expected"), qint64(producers) * messages);
        outcome.setValue(QStringLiteral("sent"), stats.puts - consumers);
        outcome.setValue(QStringLiteral("received"), stats.gets - consumers);
        outcome.setValue(QStringLiteral("max_depth"), stats.maxDepth);
        outcome.setValue(QStringLiteral("blocked_puts"), producerBlockedPuts);
        outcome.setValue(QStringLiteral("blocked_gets"), stats.blockedGets);
        outcome.summary = tr("%1 put %2 messages and %3 got %4; the queue held "
                             "at most %5 of %6. Puts blocked on a full queue %7 times, gets on an "
                             "empty one %8 times.")
                              .arg(tr("%n producer(s)", nullptr, producers))
                              .arg(stats.puts - consumers)
                              .arg(tr("%n consumer(s)", nullptr, consumers))
                              .arg(stats.gets - consumers)
                              .arg(stats.maxDepth)
                              .arg(queue.maxSize())
                              .arg(producerBlockedPuts)
                              .arg(stats.blockedGets);
        for (const auto *list : {&producing, &consuming}) {
            for (const auto &process : *list) {
                if (!process->exitedNormally()) {
                    outcome.status = Outcome::Status::Failed;
                    outcome.summary += QLatin1Char(' ') + process->errorMessage();
                }
            }
        }
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessQueueScenario()
{
    return std::make_unique<ProcessQueueScenario>();
}

QList<WorkerRole> processQueueWorkerRoles()
{
    const QList<ParameterSpec> specs = ProcessQueueScenario().parameters();
    QList<ParameterSpec> producerSpecs {workerIdSpec(specsNamed(specs, {"producers"}).first())};
    producerSpecs << specsNamed(specs, {"messages", "size", "produce_ms"});
    return {{kProducerRole, producerSpecs, producer},
            {kConsumerRole, specsNamed(specs, {"consume_ms"}), consumer}};
}

} // namespace weft
