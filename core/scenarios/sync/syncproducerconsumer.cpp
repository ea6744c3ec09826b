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
// The main thread joins the producers, then puts one DONE per consumer.

#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/sync/conditionvariable.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "syncscenarios.h"

#include <QCoreApplication>
#include <deque>
#include <memory>
#include <vector>

namespace weft {
namespace {

struct Item
{
    int producer = 0; // 1-based; 0 = DONE, the end-of-work marker
    int sequence = 0;
};

// The queue itself: a deque guarded by one lock, with a condition for each
// direction, and its depth recorded as a counter track.
class BoundedQueue
{
    Q_DECLARE_TR_FUNCTIONS(BoundedQueue)
public:
    BoundedQueue(RunContext &context, int capacity)
        : m_context(context)
        , m_capacity(capacity)
        , m_lock(tr("queue lock"))
        , m_notFull(tr("not full"))
        , m_notEmpty(tr("not empty"))
        , m_queue(context.recorder().addObject(tr("queue"), ObjectKind::Queue))
        , m_depth(context.recorder().addObject(tr("queue depth"), ObjectKind::Counter))
    {
    }

    // Items in the order they left the queue (the FIFO order, whatever the
    // consumers do afterwards).
    std::vector<Item> taken() const { return m_taken; }

    void put(const Item &item)
    {
        LockGuard guard(m_lock);
        m_notFull.wait(m_lock, [this] { return int(m_items.size()) < m_capacity; });
        m_items.push_back(item);
        // Under the lock, so the trace's order of sends and receives is the queue's order.
        recordItem(EventKind::MessageSend, item);
        recordDepth();
        m_notEmpty.notifyOne();
    }

    Item get()
    {
        LockGuard guard(m_lock);
        m_notEmpty.wait(m_lock, [this] { return !m_items.empty(); });
        const Item item = m_items.front();
        m_items.pop_front();
        m_taken.push_back(item);
        recordItem(EventKind::MessageRecv, item);
        recordDepth();
        m_notFull.notifyOne();
        return item;
    }

private:
    void recordItem(EventKind kind, const Item &item)
    {
        // The text names the item ("P1#3", "DONE"): the same on both ends, so a
        // send and its receive pair up.
        const QString name = item.producer == 0
            ? QStringLiteral("DONE")
            : QStringLiteral("P%1#%2").arg(item.producer).arg(item.sequence);
        m_context.record(kind, std::source_location::current(), m_queue, qint64(sizeof(Item)),
                         m_context.recorder().intern(name));
    }

    void recordDepth()
    {
        m_context.record(EventKind::CounterValue, std::source_location::current(), m_depth,
                         qint64(m_items.size()));
    }

    RunContext &m_context;
    const int m_capacity;
    Mutex m_lock;
    ConditionVariable m_notFull;
    ConditionVariable m_notEmpty;
    const quint32 m_queue;
    const quint32 m_depth;
    std::deque<Item> m_items;
    std::vector<Item> m_taken;
};

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
        const ParameterValues &p = context.parameters();
        const int producerCount = int(p.integer(QStringLiteral("producers")));
        const int consumerCount = int(p.integer(QStringLiteral("consumers")));
        const int itemCount = int(p.integer(QStringLiteral("items")));
        const auto produceTime = std::chrono::milliseconds(p.integer(QStringLiteral("produce_ms")));
        const auto consumeTime = std::chrono::milliseconds(p.integer(QStringLiteral("consume_ms")));

        BoundedQueue queue(context, int(p.integer(QStringLiteral("capacity"))));

        auto producer = [&](int number) {
            for (int i = 1; i <= itemCount; ++i) {
                sleepFor(produceTime);
                queue.put({number, i});
            }
        };
        auto consumer = [&] {
            for (;;) {
                const Item item = queue.get();
                if (item.producer == 0)
                    return; // DONE
                sleepFor(consumeTime); // use the item
            }
        };

        std::vector<std::unique_ptr<Thread>> producers, consumers;
        for (int i = 0; i < producerCount; ++i)
            producers.push_back(
                std::make_unique<Thread>(tr("producer-%1").arg(i + 1), producer, i + 1));
        for (int i = 0; i < consumerCount; ++i)
            consumers.push_back(std::make_unique<Thread>(tr("consumer-%1").arg(i + 1), consumer));
        for (auto &t : consumers)
            t->start();
        for (auto &t : producers)
            t->start();
        for (auto &t : producers)
            t->join();
        for (int i = 0; i < consumerCount; ++i)
            queue.put({0, 0}); // one DONE per consumer
        for (auto &t : consumers)
            t->join();

        // Check what really came out: every item once, each producer's in order.
        const int expected = producerCount * itemCount;
        QList<QList<int>> seen(producerCount + 1);
        int delivered = 0;
        int duplicates = 0;
        int outOfOrder = 0;
        for (const Item &item : queue.taken()) {
            if (item.producer == 0)
                continue;
            ++delivered;
            QList<int> &mine = seen[item.producer];
            if (mine.contains(item.sequence))
                ++duplicates;
            else if (!mine.isEmpty() && item.sequence < mine.last())
                ++outOfOrder;
            mine.append(item.sequence);
        }
        int missing = 0;
        for (int producerNumber = 1; producerNumber <= producerCount; ++producerNumber) {
            for (int i = 1; i <= itemCount; ++i)
                missing += seen[producerNumber].contains(i) ? 0 : 1;
        }

        Outcome outcome;
        outcome.summary = tr("%1 put %2 items through a queue of %3; %4 received %5, "
                             "%6 missing, %7 duplicated, %10 out of order. Producers waited for "
                             "space %8 times, consumers for "
                             "an item %9 times.")
                              .arg(tr("%n producer(s)", nullptr, producerCount))
                              .arg(expected)
                              .arg(p.integer(QStringLiteral("capacity")))
                              .arg(tr("%n consumer(s)", nullptr, consumerCount))
                              .arg(delivered)
                              .arg(missing)
                              .arg(duplicates)
                              .arg(countWaits(context, producers))
                              .arg(countWaits(context, consumers))
                              .arg(outOfOrder);
        outcome.setValue(QStringLiteral("expected"), expected);
        outcome.setValue(QStringLiteral("delivered"), delivered);
        outcome.setValue(QStringLiteral("missing"), missing);
        outcome.setValue(QStringLiteral("duplicates"), duplicates);
        outcome.setValue(QStringLiteral("out_of_order"), outOfOrder);
        context.setOutcome(outcome);
    }

private:
    // How many times these threads blocked on a condition, read back from the events.
    static int countWaits(RunContext &context, const std::vector<std::unique_ptr<Thread>> &threads)
    {
        QSet<quint32> actors;
        for (const auto &t : threads)
            actors.insert(t->actor());
        int waits = 0;
        for (const Event &e : context.recorder().snapshot().eventsOfKind(EventKind::CondWait))
            waits += actors.contains(e.actor) ? 1 : 0;
        return waits;
    }
};

} // namespace

std::unique_ptr<Scenario> makeSyncProducerConsumerScenario()
{
    return std::make_unique<SyncProducerConsumerScenario>();
}

} // namespace weft
