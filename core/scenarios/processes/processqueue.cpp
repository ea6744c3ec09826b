// SPDX-License-Identifier: MIT
// process.queue — producer and consumer processes share a bounded queue.
//
// The Python this mirrors:
//     def producer(q, me, n):
//         for i in range(n):
//             time.sleep(produce_s)
//             q.put(f"P{me}#{i}")              # blocks while the queue is full
//     def consumer(q):
//         while (item := q.get()) != "STOP":   # blocks while it is empty
//             time.sleep(consume_s)
//     q = multiprocessing.Queue(maxsize)
//     producers = [Process(target=producer, args=(q, p, n)) for p in range(P)]
//     consumers = [Process(target=consumer, args=(q,)) for _ in range(C)]
//     for p in producers + consumers: p.start()
//     for p in producers: p.join()
//     for _ in consumers: q.put("STOP")        # one sentinel per consumer
//     for c in consumers: c.join()
//
// The children are this program again, started as workers; they run
// producer() and consumer() from this file, registered once under a name
// (see the factory at the end) so a child can find them. A child's end of the
// queue is a QueueClient: processes share no memory, so the items live in a
// lane of the parent ("queue server") and every put and get is a message to
// it, drawn as an arrow from the producer to the consumer that got the item.
// Messages are padded to the chosen size. Processes are kept in a std::list
// because a running process cannot be moved.

#include "core/process/process.h"
#include "core/process/queue.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>
#include <chrono>
#include <list>

namespace weft {
namespace {

// The translation context of the lesson's strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProcessQueueScenario)
};

const QByteArray STOP = QByteArrayLiteral("STOP");

void producer(QueueClient q, int me, int n, int size, std::chrono::milliseconds produceTime)
{
    for (int i = 1; i <= n; ++i) {
        sleepFor(produceTime);
        q.put(taggedMessage(QStringLiteral("P%1#%2").arg(me).arg(i), size));
    }
}

void consumer(QueueClient q, std::chrono::milliseconds consumeTime)
{
    while (q.get() != STOP)
        sleepFor(consumeTime);
}

// What the check reads: the processes, and the queue's counts when the
// producers were done (the STOPs are puts too, and may block) and at the end.
struct QueueRun
{
    std::list<Process> producers, consumers;
    QueueStats whenProducersDone, atEnd;
    int maxsize = 0;
};

QueueRun producersAndConsumers(const ParameterValues &parameters)
{
    const int n = int(parameters.integer(QStringLiteral("messages")));
    const int size = int(parameters.integer(QStringLiteral("size")));
    const std::chrono::milliseconds produceTime(parameters.integer(QStringLiteral("produce_ms")));
    const std::chrono::milliseconds consumeTime(parameters.integer(QStringLiteral("consume_ms")));

    Queue q(Tr::tr("queue"), int(parameters.integer(QStringLiteral("maxsize"))));
    std::list<Process> producers, consumers;
    for (int p = 1; p <= parameters.integer(QStringLiteral("producers")); ++p)
        producers.emplace_back(Tr::tr("producer %1").arg(p), producer, q, p, n, size, produceTime);
    for (int c = 1; c <= parameters.integer(QStringLiteral("consumers")); ++c)
        consumers.emplace_back(Tr::tr("consumer %1").arg(c), consumer, q, consumeTime);
    for (Process &p : producers)
        p.start();
    for (Process &c : consumers)
        c.start();
    for (Process &p : producers)
        p.join();
    const QueueStats whenProducersDone = q.stats();
    for (std::size_t c = 0; c < consumers.size(); ++c)
        q.put(STOP);
    for (Process &c : consumers)
        c.join();
    return {std::move(producers), std::move(consumers), whenProducersDone, q.stats(), q.maxSize()};
}

// The check: counts from the queue itself, and every process ended well.
Outcome queueOutcome(const ParameterValues &parameters, const QueueRun &run)
{
    const qint64 producers = qint64(run.producers.size());
    const qint64 consumers = qint64(run.consumers.size());
    const qint64 sent = run.atEnd.puts - consumers; // the STOPs aside
    const qint64 received = run.atEnd.gets - consumers;
    Outcome outcome;
    outcome.setValue(QStringLiteral("expected"),
                     producers * parameters.integer(QStringLiteral("messages")));
    outcome.setValue(QStringLiteral("sent"), sent);
    outcome.setValue(QStringLiteral("received"), received);
    outcome.setValue(QStringLiteral("max_depth"), run.atEnd.maxDepth);
    outcome.setValue(QStringLiteral("blocked_puts"), run.whenProducersDone.blockedPuts);
    outcome.setValue(QStringLiteral("blocked_gets"), run.atEnd.blockedGets);
    outcome.summary = Tr::tr("%1 put %2 messages and %3 got %4; the queue held "
                             "at most %5 of %6. Puts blocked on a full queue %7 times, gets on an "
                             "empty one %8 times.")
                          .arg(Tr::tr("%n producer(s)", nullptr, int(producers)))
                          .arg(sent)
                          .arg(Tr::tr("%n consumer(s)", nullptr, int(consumers)))
                          .arg(received)
                          .arg(run.atEnd.maxDepth)
                          .arg(run.maxsize)
                          .arg(run.whenProducersDone.blockedPuts)
                          .arg(run.atEnd.blockedGets);
    for (const auto *list : {&run.producers, &run.consumers}) {
        for (const Process &process : *list) {
            if (!process.exitedNormally()) {
                outcome.status = Outcome::Status::Failed;
                outcome.summary += QLatin1Char(' ') + process.errorMessage();
            }
        }
    }
    return outcome;
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
                  "consumer while it is empty — the waits show on their lanes. Each process's "
                  "start-up, before its own code runs, is drawn hatched as “starting”.");
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
        context.setOutcome(
            queueOutcome(context.parameters(), producersAndConsumers(context.parameters())));
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessQueueScenario()
{
    // Here, so that the parent (which starts the children) and the children
    // (which build the catalogue) both know these functions by name.
    WorkerRoles::instance().add(workerTarget(QStringLiteral("queue-producer"), producer));
    WorkerRoles::instance().add(workerTarget(QStringLiteral("queue-consumer"), consumer));
    return std::make_unique<ProcessQueueScenario>();
}

} // namespace weft
