// SPDX-License-Identifier: MIT
// locks.counter — many threads add one to a shared counter, with or without a lock.
//
// The Python this mirrors:
//     counter = 0
//     lock = threading.Lock()
//     def add(n):
//         global counter
//         for _ in range(n):
//             with lock:                  # mode "nolock" leaves the lock out
//                 counter += 1            # really: read counter, add one, write it back
//
//     # mode "serial": start each thread and join it before starting the next
//     for _ in range(200):
//         t = threading.Thread(target=add, args=(n,))
//         t.start()
//         t.join()
//
//     # modes "lock" and "nolock": start them all, then join them all
//     threads = [threading.Thread(target=add, args=(n,)) for _ in range(200)]
//     for t in threads: t.start()
//     for t in threads: t.join()
//     print(counter, "expected", 200 * n)

#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "lockscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace weft {
namespace {

// Beyond this many lost updates only the count grows: thousands of red marks
// would hide the picture and bloat the trace.
constexpr qint64 kMaxMarkedLostUpdates = 500;

// Measures how many threads run the increment loop at the same time, so the
// outcome can state (not assume) that serial mode never overlaps.
class OverlapMeter
{
public:
    void enter()
    {
        const int now = m_inside.fetch_add(1) + 1;
        int most = m_most.load();
        while (now > most && !m_most.compare_exchange_weak(most, now)) {
            // most was reloaded by the failed exchange; try again while we are the larger
        }
    }
    void leave() { m_inside.fetch_sub(1); }
    int most() const { return m_most.load(); }

private:
    std::atomic<int> m_inside {0};
    std::atomic<int> m_most {0};
};

class LocksCounterScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(LocksCounterScenario)
public:
    QString id() const override { return QStringLiteral("locks.counter"); }
    Topic topic() const override { return Topic::Locks; }
    QString title() const override { return tr("Many threads, one counter"); }
    QString explanation() const override
    {
        return tr("Many threads each add one to a shared counter, many times. counter += 1 is "
                  "three steps: read, add, write back. Without a lock two threads can read the "
                  "same value and both write value + 1, so one update is lost; every lost update "
                  "is marked in red on the lane that overwrote it. With a lock the final count "
                  "is exact. Starting each thread and joining it before the next (serial) is "
                  "also exact, but only because the threads never run at the same time.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("threads"), tr("Threads"), 200, 1, 2000),
                ParameterSpec::integer(QStringLiteral("increments"), tr("Increments per thread"),
                                       100, 1, 500,
                                       tr("How many times each thread adds one. Every locked "
                                          "increment is about three events on the timeline, "
                                          "hence the limit")),
                ParameterSpec::choice(
                    QStringLiteral("mode"), tr("Mode"),
                    {QStringLiteral("serial"), QStringLiteral("lock"), QStringLiteral("nolock")},
                    QStringLiteral("lock"),
                    tr("serial: start then join each thread; lock: all at once, under a lock; "
                       "nolock: all at once, without a lock")),
                ParameterSpec::boolean(
                    QStringLiteral("yield"), tr("Yield between read and write"), true,
                    tr("Gives other threads a chance to run between reading and writing the "
                       "counter, like time.sleep(0); it widens the race window"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/locks/lockscounter.cpp");
    }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &p) const override
    {
        // A contended increment costs up to ~30 us here (a futex hand-off and three
        // events), 3x that on a loaded 2-core machine: 2000 x 500 took 27-87 s.
        const qint64 increments
            = p.integer(QStringLiteral("threads")) * p.integer(QStringLiteral("increments"));
        return std::chrono::minutes(2) + std::chrono::milliseconds(increments * 150 / 1000);
    }

    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        const int threadCount = int(p.integer(QStringLiteral("threads")));
        const int increments = int(p.integer(QStringLiteral("increments")));
        const QString mode = p.text(QStringLiteral("mode"));
        const bool yieldInside = p.boolean(QStringLiteral("yield"));

        // A real data race, yet no undefined behaviour: the counter is atomic, but
        // read and write are two separate relaxed operations, exactly like the
        // read-add-write of counter += 1 in Python.
        std::atomic<qint64> counter {0};
        std::optional<Mutex> lock;
        if (mode != QLatin1String("nolock"))
            lock.emplace(QStringLiteral("lock"));

        std::atomic<qint64> overwrites {0}; // writes that erased someone else's increment
        OverlapMeter overlap; // how many threads were inside add() at once

        auto addOne = [&] {
            const qint64 seen = counter.load(std::memory_order_relaxed); // read
            if (yieldInside)
                std::this_thread::yield();
            // Write back seen + 1. exchange() writes exactly like a plain store; it
            // also returns what was there, so we can see whose increments we erased.
            const qint64 erased = counter.exchange(seen + 1, std::memory_order_relaxed) - seen;
            if (erased > 0 && overwrites.fetch_add(1) < kMaxMarkedLostUpdates)
                mark(tr("lost update: overwrote %n increment(s)", nullptr, int(erased)), true);
        };

        auto add = [&](int n) {
            overlap.enter();
            for (int i = 0; i < n; ++i) {
                if (lock) {
                    LockGuard guard(*lock); // with lock:
                    addOne();
                } else {
                    addOne();
                    checkCancelled(); // a lock-free loop has no other point to stop at
                }
            }
            overlap.leave();
        };

        if (mode == QLatin1String("serial")) {
            for (int i = 0; i < threadCount; ++i) {
                Thread t(QString(), add, increments);
                t.start();
                t.join(); // before the next thread even exists
            }
        } else {
            std::vector<std::unique_ptr<Thread>> threads;
            for (int i = 0; i < threadCount; ++i)
                threads.push_back(std::make_unique<Thread>(QString(), add, increments));
            for (auto &t : threads)
                t->start();
            for (auto &t : threads)
                t->join();
        }

        const qint64 expected = qint64(threadCount) * increments;
        const qint64 finalCount = counter.load();
        const qint64 lost = expected - finalCount;
        const qint64 marked = std::min(overwrites.load(), kMaxMarkedLostUpdates);
        const int lostUpdates = int(lost); // a plain variable: lupdate reads the count

        Outcome outcome;
        outcome.summary = lost == 0
            ? tr("counter = %1 as expected: no update lost.").arg(finalCount)
            : tr("counter = %1, expected %2: %n update(s) lost.", nullptr, lostUpdates)
                  .arg(finalCount)
                  .arg(expected);
        outcome.summary += QLatin1Char(' ')
            + tr("Most threads adding at the same time: %1.").arg(overlap.most());
        if (overwrites.load() > marked) {
            outcome.summary += QLatin1Char(' ')
                + tr("Only the first %1 of %2 overwriting writes are marked on the timeline.")
                      .arg(marked)
                      .arg(overwrites.load());
            mark(tr("%1 more lost updates not marked").arg(overwrites.load() - marked));
        }
        outcome.setValue(QStringLiteral("expected"), expected);
        outcome.setValue(QStringLiteral("final"), finalCount);
        outcome.setValue(QStringLiteral("lost"), lost);
        outcome.setValue(QStringLiteral("overwrites"), overwrites.load());
        outcome.setValue(QStringLiteral("marked"), marked);
        outcome.setValue(QStringLiteral("max_overlap"), overlap.most());
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeLocksCounterScenario()
{
    return std::make_unique<LocksCounterScenario>();
}

} // namespace weft
