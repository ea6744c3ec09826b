// SPDX-License-Identifier: MIT
// threads.join — join() blocks the caller until the thread has finished.
//
// The Python this mirrors:
//     def worker():
//         for i in range(3):
//             print(f"worker: second {i + 1}")
//             time.sleep(1)
//     t = threading.Thread(target=worker)
//     t.start()
//     if use_join:
//         t.join()                    # main waits here until worker() returns
//     for i in range(5):
//         print(f"main loop: second {i + 1}")
//         time.sleep(1)

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>

namespace weft {
namespace {

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
        const bool useJoin = p.boolean(QStringLiteral("join"));
        const auto tick = std::chrono::milliseconds(p.integer(QStringLiteral("tick_ms")));
        const auto ticksFor = [&](const char *key) {
            return int(std::max<qint64>(1, p.integer(QLatin1String(key)) / tick.count()));
        };
        const int workerTicks = ticksFor("worker_ms");
        const int mainTicks = ticksFor("main_ms");

        auto worker = [tick, workerTicks] {
            for (int i = 0; i < workerTicks; ++i) {
                print(tr("worker: tick %1 of %2").arg(i + 1).arg(workerTicks));
                sleepFor(tick);
            }
        };

        Thread t(QStringLiteral("Worker"), worker);
        t.start();
        const auto joinStart = std::chrono::steady_clock::now();
        if (useJoin)
            t.join();
        const auto waited = std::chrono::steady_clock::now() - joinStart;

        // Counts main-loop prints made while the worker was still running: the
        // interleaving the picture shows, measured rather than assumed.
        int interleaved = 0;
        for (int i = 0; i < mainTicks; ++i) {
            if (t.isAlive())
                ++interleaved;
            print(tr("main loop: tick %1 of %2").arg(i + 1).arg(mainTicks));
            sleepFor(tick);
        }
        // Without join(), t's destructor still waits for the worker, as Python waits
        // for non-daemon threads before the process exits.

        Outcome outcome;
        const qint64 waitedMs
            = std::chrono::duration_cast<std::chrono::milliseconds>(waited).count();
        if (useJoin) {
            outcome.summary = tr("main waited %1 ms in join(); %2 of %3 main-loop prints came "
                                 "after the worker had finished.")
                                  .arg(waitedMs)
                                  .arg(mainTicks - interleaved)
                                  .arg(mainTicks);
        } else {
            outcome.summary = tr("Without join() %1 of %2 main-loop prints happened while the "
                                 "worker was still running.")
                                  .arg(interleaved)
                                  .arg(mainTicks);
        }
        outcome.setValue(QStringLiteral("joined"), useJoin ? 1 : 0);
        outcome.setValue(QStringLiteral("join_wait_ms"), useJoin ? waitedMs : 0);
        outcome.setValue(QStringLiteral("worker_prints"), workerTicks);
        outcome.setValue(QStringLiteral("main_prints"), mainTicks);
        outcome.setValue(QStringLiteral("interleaved"), interleaved);
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsJoinScenario()
{
    return std::make_unique<ThreadsJoinScenario>();
}

} // namespace weft
