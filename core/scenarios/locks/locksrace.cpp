// SPDX-License-Identifier: MIT
// locks.race — the unlocked counter at a scale you can read event by event.
//
// The Python this mirrors:
//     counter = 0
//     def add(n):
//         global counter
//         for _ in range(n):
//             value = counter        # read
//             time.sleep(0)          # let another thread run right here
//             counter = value + 1    # write back: may overwrite someone's update
// Two threads can read the same value and both write value + 1: one update is
// lost. The race is real: the counter is a std::atomic, read and written with
// two separate relaxed operations, so there is no undefined behaviour (and
// ThreadSanitizer stays quiet) but nothing stops another thread in between.
// Because a race may not happen on a given try, the whole thing is repeated,
// up to a bounded number of rounds, until at least one update is lost.

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "lockscenarios.h"

#include <QCoreApplication>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace weft {
namespace {

class LocksRaceScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(LocksRaceScenario)
public:
    QString id() const override { return QStringLiteral("locks.race"); }
    Topic topic() const override { return Topic::Locks; }
    QString title() const override { return tr("A race, step by step: the lost update"); }
    QString explanation() const override
    {
        return tr("A few threads add one to a shared counter a few times, without a lock. Each "
                  "addition is a read, then a write of the value read plus one. Every read and "
                  "every write is on the timeline: look for two threads that read the same "
                  "value; the second write then overwrites the first, and that lost update is "
                  "marked in red. A race does not happen every time, so the threads repeat in "
                  "rounds until one is lost (or the round limit is reached).");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("threads"), tr("Threads"), 2, 2, 4),
                ParameterSpec::integer(QStringLiteral("increments"), tr("Increments per thread"), 3,
                                       1, 20),
                ParameterSpec::integer(QStringLiteral("max_rounds"), tr("Round limit"), 100, 1,
                                       10000,
                                       tr("Stop after this many rounds even if no update "
                                          "was lost"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/locks/locksrace.cpp");
    }

    void run(RunContext &context) const override
    {
        const int threadCount = int(context.parameters().integer(QStringLiteral("threads")));
        const int increments = int(context.parameters().integer(QStringLiteral("increments")));
        const int maxRounds = int(context.parameters().integer(QStringLiteral("max_rounds")));
        Recorder &recorder = context.recorder();
        const quint32 counterObject = recorder.addObject(tr("counter"), ObjectKind::Counter);

        std::atomic<qint64> counter {0};
        std::atomic<int> round {0}; // the round the workers may run
        std::atomic<int> finishedRuns {0}; // worker rounds completed, all rounds together
        std::atomic<bool> stop {false};
        std::atomic<qint64> lostMarks {0};

        // Cancellable spin: the rounds are milliseconds long, and a spinning
        // start makes the threads begin each round at the same moment.
        auto awaitUntil = [](auto condition) {
            while (!condition()) {
                checkCancelled();
                std::this_thread::yield();
            }
        };

        auto add = [&] {
            for (int r = 1;; ++r) {
                awaitUntil([&] { return round.load() >= r || stop.load(); });
                if (stop.load())
                    return;
                for (int i = 0; i < increments; ++i) {
                    // Gates (free unless stepping) make the read and the write two
                    // separate steps, so a lost update can be produced by hand.
                    context.passGate(EventKind::Mark, counterObject, tr("read counter"),
                                     std::source_location::current());
                    const qint64 value = counter.load(std::memory_order_relaxed); // read
                    context.record(EventKind::Mark, std::source_location::current(), counterObject,
                                   value, recorder.intern(tr("read counter = %1").arg(value)));
                    std::this_thread::yield(); // time.sleep(0): the race window
                    // Write back value + 1. exchange() stores exactly like a plain
                    // write; it also returns what it overwrote, so the loss is seen.
                    context.passGate(EventKind::CounterValue, counterObject,
                                     tr("write counter = %1").arg(value + 1),
                                     std::source_location::current());
                    const qint64 overwritten
                        = counter.exchange(value + 1, std::memory_order_relaxed);
                    context.record(EventKind::CounterValue, std::source_location::current(),
                                   counterObject, value + 1);
                    if (overwritten != value) {
                        lostMarks.fetch_add(1);
                        context.record(EventKind::Mark, std::source_location::current(),
                                       counterObject, overwritten - value,
                                       recorder.intern(tr("lost update: read %1, wrote %2 over %3")
                                                           .arg(value)
                                                           .arg(value + 1)
                                                           .arg(overwritten)),
                                       Abnormal);
                    }
                }
                finishedRuns.fetch_add(1);
            }
        };

        std::vector<std::unique_ptr<Thread>> threads;
        for (int t = 0; t < threadCount; ++t)
            threads.push_back(std::make_unique<Thread>(QString(), add));
        for (auto &t : threads)
            t->start();

        const qint64 expected = qint64(threadCount) * increments;
        qint64 finalCount = expected;
        int rounds = 0;
        while (rounds < maxRounds && finalCount == expected) {
            ++rounds;
            counter.store(0, std::memory_order_relaxed);
            context.record(EventKind::SpanBegin, std::source_location::current(), 0, rounds,
                           recorder.intern(tr("round %1").arg(rounds)));
            context.record(EventKind::CounterValue, std::source_location::current(), counterObject,
                           0);
            round.store(rounds);
            awaitUntil([&] { return finishedRuns.load() == threadCount * rounds; });
            finalCount = counter.load(std::memory_order_relaxed);
            context.record(EventKind::SpanEnd, std::source_location::current());
        }
        stop = true;
        for (auto &t : threads)
            t->join();

        const qint64 lost = expected - finalCount;
        const int lostUpdates = int(lost); // a plain variable: lupdate reads the count
        Outcome outcome;
        if (lost > 0) {
            outcome.summary = tr("Round %1: %2 threads × %3 increments left the counter at %4 "
                                 "instead of %5: %n update(s) lost, each marked where a write "
                                 "overwrote another thread's.",
                                 nullptr, lostUpdates)
                                  .arg(rounds)
                                  .arg(threadCount)
                                  .arg(increments)
                                  .arg(finalCount)
                                  .arg(expected);
        } else {
            outcome.summary = tr("No update was lost in %1 rounds: the threads never met inside "
                                 "the race window this time. Run again, or add threads or "
                                 "increments.")
                                  .arg(rounds);
        }
        outcome.setValue(QStringLiteral("expected"), expected);
        outcome.setValue(QStringLiteral("final"), finalCount);
        outcome.setValue(QStringLiteral("lost"), lost);
        outcome.setValue(QStringLiteral("rounds"), rounds);
        outcome.setValue(QStringLiteral("lost_update_marks"), lostMarks.load());
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeLocksRaceScenario()
{
    return std::make_unique<LocksRaceScenario>();
}

} // namespace weft
