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
//                 value = counter         # counter += 1, in the steps it really takes:
//                 time.sleep(0)           # ("yield") let another thread run here
//                 counter = value + 1     # write back what was read, plus one
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
//
// A real data race, yet no undefined behaviour: the counter is a SharedCounter
// (core/sync), a std::atomic read and written with two separate relaxed
// operations, exactly like the read and the write of counter += 1 in Python.
// With up to a million increments it draws only the lost updates (the first
// 500), not every read and write. std::this_thread::yield() is time.sleep(0),
// and the lock is optional because mode "nolock" leaves it out.

#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/sync/sharedcounter.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "lockscenarios.h"
#include "overlapmeter.h"

#include <QCoreApplication>
#include <deque>
#include <optional>
#include <thread>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocksCounterScenario)
};

// What the lesson leaves for its outcome.
struct CounterTally
{
    qint64 expected = 0;
    qint64 finalCount = 0;
    qint64 overwrites = 0; // writes that erased another thread's increments
    qint64 marked = 0; // how many of them are marked on the timeline
    int mostAdding = 0; // most threads inside add() at the same time
};

CounterTally addFromManyThreads(int threadCount, int increments, const QString &mode,
                                bool yieldInside)
{
    // counter = 0, drawing only its lost updates (see the note above)
    SharedCounter counter(Tr::tr("counter"), SharedCounter::Recording::LostUpdatesOnly);
    std::optional<Mutex> lock;
    if (mode != QLatin1String("nolock"))
        lock.emplace(QStringLiteral("lock")); // lock = threading.Lock()
    OverlapMeter overlap; // not in the Python: measures who adds at the same time

    auto increment = [&] {
        const qint64 value = counter.read(); // value = counter
        if (yieldInside)
            std::this_thread::yield(); // time.sleep(0)
        counter.write(value + 1); // counter = value + 1
    };
    auto add = [&](int n) {
        const OverlapMeter::Inside adding(overlap); // (measured, not in the Python)
        for (int i = 0; i < n; ++i) {
            if (lock) {
                LockGuard guard(*lock); // with lock:
                increment();
            } else {
                increment();
            }
        }
    };

    if (mode == QLatin1String("serial")) {
        for (int i = 0; i < threadCount; ++i) {
            Thread t(QString(), add, increments);
            t.start();
            t.join(); // before the next thread even exists
        }
    } else {
        std::deque<Thread> threads; // a deque: it never moves a Thread once made
        for (int i = 0; i < threadCount; ++i)
            threads.emplace_back(QString(), add, increments);
        for (Thread &t : threads)
            t.start();
        for (Thread &t : threads)
            t.join();
    }

    return {qint64(threadCount) * increments, counter.value(), counter.overwrites(),
            counter.markedOverwrites(), overlap.most()};
}

Outcome counterOutcome(const CounterTally &tally)
{
    const qint64 lost = tally.expected - tally.finalCount;
    const int lostUpdates = int(lost); // a plain variable: lupdate reads the count
    Outcome outcome;
    outcome.summary = lost == 0
        ? Tr::tr("counter = %1 as expected: no update lost.").arg(tally.finalCount)
        : Tr::tr("counter = %1, expected %2: %n update(s) lost.", nullptr, lostUpdates)
              .arg(tally.finalCount)
              .arg(tally.expected);
    outcome.summary += QLatin1Char(' ')
        + Tr::tr("Most threads adding at the same time: %1.").arg(tally.mostAdding);
    if (tally.overwrites > tally.marked) {
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("Only the first %1 of %2 overwriting writes are marked on the timeline.")
                  .arg(tally.marked)
                  .arg(tally.overwrites);
        // The timeline says so too, where the run ends.
        mark(Tr::tr("%1 more lost updates not marked").arg(tally.overwrites - tally.marked));
    }
    outcome.setValue(QStringLiteral("expected"), tally.expected);
    outcome.setValue(QStringLiteral("final"), tally.finalCount);
    outcome.setValue(QStringLiteral("lost"), lost);
    outcome.setValue(QStringLiteral("overwrites"), tally.overwrites);
    outcome.setValue(QStringLiteral("marked"), tally.marked);
    outcome.setValue(QStringLiteral("max_overlap"), tally.mostAdding);
    return outcome;
}

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
                    tr("One after another: start then join each thread. With a lock: all at "
                       "once, under a lock. Without a lock: all at once, racing (on the command "
                       "line: mode=serial, lock or nolock)"),
                    {tr("one after another"), tr("with a lock"), tr("without a lock")}),
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
        context.setOutcome(counterOutcome(addFromManyThreads(
            int(p.integer(QStringLiteral("threads"))), int(p.integer(QStringLiteral("increments"))),
            p.text(QStringLiteral("mode")), p.boolean(QStringLiteral("yield")))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeLocksCounterScenario()
{
    return std::make_unique<LocksCounterScenario>();
}

} // namespace weft
