// SPDX-License-Identifier: MIT
// threads.create — start threads from a target function with an argument.
//
// The Python this mirrors:
//     def worker(n):
//         print(f"worker {n} running in {threading.current_thread().name}")
//         time.sleep(delay)
//     threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
//     for t in threads: t.start()
//     for t in threads: t.join()

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <memory>
#include <vector>

namespace weft {
namespace {

class ThreadsCreateScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsCreateScenario)
public:
    QString id() const override { return QStringLiteral("threads.create"); }
    Topic topic() const override { return Topic::Threads; }
    QString title() const override { return tr("Start threads from a function"); }
    QString explanation() const override
    {
        return tr("Three threads run the same target function, each with its own argument. "
                  "Each prints its number and thread id; the order of the prints changes from "
                  "run to run because the OS scheduler decides who runs first.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("threads"), tr("Threads"), 3, 1, 64,
                                       tr("How many threads to start")),
                ParameterSpec::integer(QStringLiteral("delay_ms"), tr("Work time (ms)"), 100, 0,
                                       10000, tr("How long each thread sleeps after printing"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/threads/threadscreate.cpp");
    }

    void run(RunContext &context) const override
    {
        const int count = int(context.parameters().integer(QStringLiteral("threads")));
        const auto delay
            = std::chrono::milliseconds(context.parameters().integer(QStringLiteral("delay_ms")));

        auto worker = [delay](int n) {
            print(tr("worker %1 running in %2 (id %3)")
                      .arg(n)
                      .arg(currentThreadName())
                      .arg(currentNativeThreadId()));
            sleepFor(delay);
        };

        std::vector<std::unique_ptr<Thread>> threads;
        for (int i = 0; i < count; ++i)
            threads.push_back(std::make_unique<Thread>(QString(), worker, i));
        for (auto &t : threads)
            t->start();
        for (auto &t : threads)
            t->join();

        Outcome outcome;
        outcome.summary = tr("%n thread(s) started, ran and were joined.", nullptr, count);
        outcome.setValue(QStringLiteral("threads"), count);
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsCreateScenario()
{
    return std::make_unique<ThreadsCreateScenario>();
}

} // namespace weft
