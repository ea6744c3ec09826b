// SPDX-License-Identifier: MIT
// sync.producer_consumer — a bounded queue built from a lock and two conditions.
//
// The Python this mirrors:
//     items, lock = collections.deque(), threading.Lock()
//     not_full, not_empty = threading.Condition(lock), threading.Condition(lock)
//     def put(item):
//         with not_full:
//             while len(items) == capacity: not_full.wait()
//             items.append(item); not_empty.notify()
//     def get():
//         with not_empty:
//             while not items: not_empty.wait()
//             item = items.popleft(); not_full.notify(); return item
//     def producer(p):
//         for i in range(n): time.sleep(produce_time); put((p, i))
//     def consumer():
//         while (item := get()) is not DONE: time.sleep(consume_time)
//     ... start the consumers and the producers, join the producers,
//     put one DONE per consumer, join the consumers
//
// The C++ makes the same calls on traced stand-ins: weft::Deque for the
// deque, so each append and the popleft that takes the same item are drawn
// as one arrow and the deque's length as a counter; weft::Mutex and
// weft::ConditionVariable for the lock and its conditions, each notify drawn
// as an arrow to the thread it wakes. "with not_full:" takes the condition's
// lock, so it is a LockGuard on that lock. An item is the pair (p, i), and
// DONE the pair (0, 0). Threads are kept in a std::list because a thread
// cannot be moved once it runs. The lesson also keeps the items in the order
// they left the queue, for the check after it.

#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/sync/conditionvariable.h"
#include "core/sync/deque.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "syncscenarios.h"

#include <QCoreApplication>
#include <list>
#include <vector>

namespace weft {
namespace {

// The translation context of the lesson's strings (lane and object names).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SyncProducerConsumerScenario)
};

struct Item
{
    int producer = 0; // p, from 1
    int number = 0; // i, from 1
};
const Item DONE {0, 0};
bool isDone(const Item &item)
{
    return item.producer == 0;
}
// How an item is named on its arrow: "P1#3", or "DONE".
QString itemName(const Item &item)
{
    return isDone(item) ? QStringLiteral("DONE")
                        : QStringLiteral("P%1#%2").arg(item.producer).arg(item.number);
}

std::vector<Item> producersAndConsumers(const ParameterValues &parameters)
{
    const int capacity = int(parameters.integer(QStringLiteral("capacity")));
    const int n = int(parameters.integer(QStringLiteral("items")));
    const auto produceTime
        = std::chrono::milliseconds(parameters.integer(QStringLiteral("produce_ms")));
    const auto consumeTime
        = std::chrono::milliseconds(parameters.integer(QStringLiteral("consume_ms")));

    Deque<Item> items(Tr::tr("queue"), itemName);
    Mutex lock(Tr::tr("queue lock"));
    ConditionVariable notFull(Tr::tr("not full")), notEmpty(Tr::tr("not empty"));
    std::vector<Item> taken; // every item that left the queue, in order

    auto put = [&](Item item) {
        LockGuard with(lock);
        while (items.size() == capacity)
            notFull.wait(lock);
        items.append(item);
        notEmpty.notifyOne();
    };
    auto get = [&] {
        LockGuard with(lock);
        while (items.empty())
            notEmpty.wait(lock);
        const Item item = items.popleft();
        taken.push_back(item);
        notFull.notifyOne();
        return item;
    };
    auto producer = [&](int p) {
        for (int i = 1; i <= n; ++i) {
            sleepFor(produceTime);
            put({p, i});
        }
    };
    auto consumer = [&] {
        while (!isDone(get()))
            sleepFor(consumeTime);
    };

    std::list<Thread> producers, consumers;
    for (int p = 1; p <= parameters.integer(QStringLiteral("producers")); ++p)
        producers.emplace_back(Tr::tr("producer-%1").arg(p), producer, p);
    for (int c = 1; c <= parameters.integer(QStringLiteral("consumers")); ++c)
        consumers.emplace_back(Tr::tr("consumer-%1").arg(c), consumer);
    for (Thread &t : consumers)
        t.start();
    for (Thread &t : producers)
        t.start();
    for (Thread &t : producers)
        t.join();
    for (std::size_t c = 0; c < consumers.size(); ++c)
        put(DONE);
    for (Thread &t : consumers)
        t.join();
    return taken;
}

// How many times threads other than the main one waited on the condition of that name.
int waitsOn(const Trace &trace, const QString &condition)
{
    const quint32 object = trace.findObject(condition);
    int waits = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::CondWait))
        waits += e.object == object && !trace.actor(e.actor).isMainThread ? 1 : 0;
    return waits;
}

// The check: what really came out of the queue — every item once, each
// producer's in order — and how often each side waited, read from the trace.
Outcome producerConsumerOutcome(const ParameterValues &parameters, const std::vector<Item> &taken,
                                const Trace &trace)
{
    const int producerCount = int(parameters.integer(QStringLiteral("producers")));
    const int consumerCount = int(parameters.integer(QStringLiteral("consumers")));
    const int itemCount = int(parameters.integer(QStringLiteral("items")));
    const int expected = producerCount * itemCount;
    QList<QList<int>> seen(producerCount + 1);
    int delivered = 0;
    int duplicates = 0;
    int outOfOrder = 0;
    for (const Item &item : taken) {
        if (isDone(item))
            continue;
        ++delivered;
        QList<int> &mine = seen[item.producer];
        if (mine.contains(item.number))
            ++duplicates;
        else if (!mine.isEmpty() && item.number < mine.last())
            ++outOfOrder;
        mine.append(item.number);
    }
    int missing = 0;
    for (int producer = 1; producer <= producerCount; ++producer) {
        for (int i = 1; i <= itemCount; ++i)
            missing += seen[producer].contains(i) ? 0 : 1;
    }

    // Producers wait only for room, consumers only for an item.
    const int producerWaits = waitsOn(trace, Tr::tr("not full"));
    const int consumerWaits = waitsOn(trace, Tr::tr("not empty"));
    Outcome outcome;
    outcome.summary = Tr::tr("%1 put %2 items through a queue of %3; %4 received %5, "
                             "%6 missing, %7 duplicated, %8 out of order. Producers waited for "
                             "space %9 times, consumers for an item %10 times.")
                          .arg(Tr::tr("%n producer(s)", nullptr, producerCount))
                          .arg(expected)
                          .arg(parameters.integer(QStringLiteral("capacity")))
                          .arg(Tr::tr("%n consumer(s)", nullptr, consumerCount))
                          .arg(delivered)
                          .arg(missing)
                          .arg(duplicates)
                          .arg(outOfOrder)
                          .arg(producerWaits)
                          .arg(consumerWaits);
    outcome.setValue(QStringLiteral("expected"), expected);
    outcome.setValue(QStringLiteral("delivered"), delivered);
    outcome.setValue(QStringLiteral("missing"), missing);
    outcome.setValue(QStringLiteral("duplicates"), duplicates);
    outcome.setValue(QStringLiteral("out_of_order"), outOfOrder);
    return outcome;
}

class SyncProducerConsumerScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(SyncProducerConsumerScenario)
public:
    QString id() const override { return QStringLiteral("sync.producer_consumer"); }
    Topic topic() const override { return Topic::Sync; }
    QString title() const override { return tr("Producers and consumers on a bounded queue"); }
    QString explanation() const override
    {
        return tr("Producers put items into a queue that holds only a few; consumers take them "
                  "out. A lock guards the queue and two condition variables say when it is no "
                  "longer full and no longer empty. A producer that finds the queue full waits "
                  "on \"not full\" until a consumer takes an item and notifies it; a consumer "
                  "that finds it empty waits on \"not empty\". Each notify is drawn as an arrow "
                  "to the thread it wakes, and the queue's depth is drawn as a counter.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::integer(QStringLiteral("producers"), tr("Producers"), 2, 1, 8),
            ParameterSpec::integer(QStringLiteral("consumers"), tr("Consumers"), 2, 1, 8),
            ParameterSpec::integer(QStringLiteral("items"), tr("Items per producer"), 8, 1, 1000),
            ParameterSpec::integer(QStringLiteral("capacity"), tr("Queue capacity"), 3, 1, 100),
            ParameterSpec::integer(QStringLiteral("produce_ms"), tr("Time to make an item (ms)"), 5,
                                   0, 1000),
            ParameterSpec::integer(QStringLiteral("consume_ms"), tr("Time to use an item (ms)"), 15,
                                   0, 1000,
                                   tr("Slower consumers fill the queue, so producers block; "
                                      "faster ones empty it, so consumers block"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/sync/syncproducerconsumer.cpp");
    }
    void run(RunContext &context) const override
    {
        const std::vector<Item> taken = producersAndConsumers(context.parameters());
        context.setOutcome(
            producerConsumerOutcome(context.parameters(), taken, context.recorder().snapshot()));
    }
};

} // namespace

std::unique_ptr<Scenario> makeSyncProducerConsumerScenario()
{
    return std::make_unique<SyncProducerConsumerScenario>();
}

} // namespace weft
