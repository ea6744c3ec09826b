// SPDX-License-Identifier: MIT
// threads.join — join() blocks the caller until the thread has finished.
//
// The Python this mirrors:
//     def worker():
//         for i in range(worker_ticks):
//             print(f"worker: tick {i + 1} of {worker_ticks}")
//             time.sleep(tick)
//     t = threading.Thread(target=worker, name="Worker")
//     t.start()
//     if use_join:
//         t.join()                    # main waits here until worker() returns
//     for i in range(main_ticks):
//         print(f"main loop: tick {i + 1} of {main_ticks}")
//         time.sleep(tick)
//
// Two lines are not in the Python: they measure, for the outcome, how long
// main waited in join() and how many of its prints came while the worker was
// still running, so the summary states what the picture shows.

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsJoinScenario)
};

// What the lesson leaves for its outcome.
struct JoinTally
{
    bool joined = false;
    int workerTicks = 0;
    int mainTicks = 0;
    std::chrono::steady_clock::duration joinWait {};
    int interleaved = 0; // main-loop prints made while the worker was still running
};

JoinTally joinOrNot(bool useJoin, std::chrono::milliseconds tick, int workerTicks, int mainTicks)
{
    auto worker = [tick, workerTicks] {
        for (int i = 0; i < workerTicks; ++i) {
            print(Tr::tr("worker: tick %1 of %2").arg(i + 1).arg(workerTicks));
            sleepFor(tick);
        }
    };

    JoinTally tally {useJoin, workerTicks, mainTicks};
    Thread t(QStringLiteral("Worker"), worker);
    t.start();
    const auto joinStart = std::chrono::steady_clock::now();
    if (useJoin)
        t.join(); // main waits here until worker() returns
    tally.joinWait = std::chrono::steady_clock::now() - joinStart;
    for (int i = 0; i < mainTicks; ++i) {
        tally.interleaved += t.isAlive() ? 1 : 0;
        print(Tr::tr("main loop: tick %1 of %2").arg(i + 1).arg(mainTicks));
        sleepFor(tick);
    }
    // Without join(), t's destructor still waits for the worker, as Python waits
    // for non-daemon threads before the process exits.
    return tally;
}

Outcome joinOutcome(const JoinTally &tally)
{
    Outcome outcome;
    const qint64 waitedMs
        = std::chrono::duration_cast<std::chrono::milliseconds>(tally.joinWait).count();
    if (tally.joined) {
        outcome.summary = Tr::tr("main waited %1 ms in join(); %2 of %3 main-loop prints came "
                                 "after the worker had finished.")
                              .arg(waitedMs)
                              .arg(tally.mainTicks - tally.interleaved)
                              .arg(tally.mainTicks);
    } else {
        outcome.summary = Tr::tr("Without join() %1 of %2 main-loop prints happened while the "
                                 "worker was still running.")
                              .arg(tally.interleaved)
                              .arg(tally.mainTicks);
    }
    outcome.setValue(QStringLiteral("joined"), tally.joined ? 1 : 0);
    outcome.setValue(QStringLiteral("join_wait_ms"), tally.joined ? waitedMs : 0);
    outcome.setValue(QStringLiteral("worker_prints"), tally.workerTicks);
    outcome.setValue(QStringLiteral("main_prints"), tally.mainTicks);
    outcome.setValue(QStringLiteral("interleaved"), tally.interleaved);
    return outcome;
}

class ThreadsJoinScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsJoinScenario)
public:
    QString id() const override { return QStringLiteral("threads.join"); }
    Topic topic() const override { return Topic::Threads; }
    QString title() const override { return tr("Wait for a thread with join()"); }
    QString explanation() const override
    {
        return tr("The main thread starts a worker and then runs its own loop. With join() the "
                  "main thread blocks until the worker has finished, so its loop starts only "
                  "afterwards; its wait covers the worker's whole life. Without join() the two "
                  "loops run at the same time and their prints interleave.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::boolean(QStringLiteral("join"), tr("Call join()"), true,
                                       tr("Wait for the worker before the main loop")),
                ParameterSpec::integer(QStringLiteral("worker_ms"), tr("Worker runs for (ms)"),
                                       3000, 1, 60000),
                ParameterSpec::integer(QStringLiteral("main_ms"), tr("Main loop runs for (ms)"),
                                       5000, 1, 60000),
                ParameterSpec::integer(QStringLiteral("tick_ms"), tr("Print every (ms)"), 1000, 1,
                                       10000, tr("Both loops print once per tick"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/threads/threadsjoin.cpp");
    }

    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        const auto tick = std::chrono::milliseconds(p.integer(QStringLiteral("tick_ms")));
        const auto ticksFor = [&](const char *key) {
            return int(std::max<qint64>(1, p.integer(QLatin1String(key)) / tick.count()));
        };
        context.setOutcome(joinOutcome(joinOrNot(p.boolean(QStringLiteral("join")), tick,
                                                 ticksFor("worker_ms"), ticksFor("main_ms"))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsJoinScenario()
{
    return std::make_unique<ThreadsJoinScenario>();
}

} // namespace weft
