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
//     threads = [threading.Thread(target=add, args=(3,)) for _ in range(2)]
//     for t in threads: t.start()
//     for t in threads: t.join()
//     print(counter)                 # 6, or less if an update was lost
//
// Two threads can read the same value and both write value + 1: one update is
// lost. The race is real: the counter is a SharedCounter (core/sync), a
// std::atomic read and written with two separate relaxed operations, so there
// is no undefined behaviour (and ThreadSanitizer stays quiet) but nothing
// stops another thread in between. read() and write() put themselves on the
// timeline, and write() marks a lost update in red. std::this_thread::yield()
// is time.sleep(0). Because a race may not happen on a given try, the threads
// repeat add(n) in rounds (rounds.h), up to a bounded number of rounds, until
// at least one update is lost.

#include "core/runcontext.h"
#include "core/sync/sharedcounter.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "lockscenarios.h"
#include "rounds.h"

#include <QCoreApplication>
#include <deque>
#include <thread>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocksRaceScenario)
};

// What the lesson leaves for its outcome.
struct RaceTally
{
    int threads = 0;
    int increments = 0;
    qint64 expected = 0;
    qint64 finalCount = 0;
    int rounds = 0;
    qint64 lostUpdateMarks = 0;
};

RaceTally race(int threadCount, int increments, int maxRounds)
{
    SharedCounter counter(Tr::tr("counter")); // counter = 0

    auto add = [&counter](int n) {
        for (int i = 0; i < n; ++i) {
            const qint64 value = counter.read(); // value = counter
            std::this_thread::yield(); // time.sleep(0)
            counter.write(value + 1); // counter = value + 1
        }
    };

    Rounds rounds(threadCount);
    std::deque<Thread> threads; // a deque: it never moves a Thread once made
    for (int t = 0; t < threadCount; ++t) // Thread(target=add, args=(n,)), run once a round
        threads.emplace_back(QString(), [&] { rounds.repeat(add, increments); });
    for (Thread &t : threads)
        t.start();

    RaceTally tally {threadCount, increments, qint64(threadCount) * increments};
    do {
        ++tally.rounds;
        Phase phase(Tr::tr("round %1").arg(tally.rounds), tally.rounds);
        counter.reset(); // counter = 0
        rounds.runOnce(); // every thread runs add(n) once, all from the same moment
        tally.finalCount = counter.value(); // print(counter)
    } while (tally.finalCount == tally.expected && tally.rounds < maxRounds);
    rounds.end();
    for (Thread &t : threads)
        t.join();

    tally.lostUpdateMarks = counter.markedOverwrites();
    return tally;
}

Outcome raceOutcome(const RaceTally &tally)
{
    const qint64 lost = tally.expected - tally.finalCount;
    const int lostUpdates = int(lost); // a plain variable: lupdate reads the count
    Outcome outcome;
    if (lost > 0) {
        outcome.summary = Tr::tr("Round %1: %2 threads × %3 increments left the counter at %4 "
                                 "instead of %5: %n update(s) lost, each marked where a write "
                                 "overwrote another thread's.",
                                 nullptr, lostUpdates)
                              .arg(tally.rounds)
                              .arg(tally.threads)
                              .arg(tally.increments)
                              .arg(tally.finalCount)
                              .arg(tally.expected);
    } else {
        outcome.summary = Tr::tr("No update was lost in %1 rounds: the threads never met inside "
                                 "the race window this time. Run again, or add threads or "
                                 "increments.")
                              .arg(tally.rounds);
    }
    outcome.setValue(QStringLiteral("expected"), tally.expected);
    outcome.setValue(QStringLiteral("final"), tally.finalCount);
    outcome.setValue(QStringLiteral("lost"), lost);
    outcome.setValue(QStringLiteral("rounds"), tally.rounds);
    outcome.setValue(QStringLiteral("lost_update_marks"), tally.lostUpdateMarks);
    return outcome;
}

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
        const ParameterValues &p = context.parameters();
        context.setOutcome(raceOutcome(race(int(p.integer(QStringLiteral("threads"))),
                                            int(p.integer(QStringLiteral("increments"))),
                                            int(p.integer(QStringLiteral("max_rounds"))))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeLocksRaceScenario()
{
    return std::make_unique<LocksRaceScenario>();
}

} // namespace weft
