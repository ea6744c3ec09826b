// SPDX-License-Identifier: MIT
// threads.create — start threads from a target function with an argument.
//
// The Python this mirrors:
//     def worker(n):
//         print(f"worker {n} running in {threading.current_thread().name} "
//               f"(id {threading.get_native_id()})")
//         time.sleep(delay)
//     threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
//     for t in threads: t.start()
//     for t in threads: t.join()
//
// Thread is Weft's threading.Thread: its constructor takes the name (empty for
// "Thread-1", "Thread-2" ...), the target and its arguments. A Thread cannot be
// copied or moved, so the threads live in a std::deque, which never moves what
// it holds.

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <deque>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsCreateScenario)
};

void startThreads(int count, std::chrono::milliseconds delay)
{
    auto worker = [delay](int n) {
        print(Tr::tr("worker %1 running in %2 (id %3)")
                  .arg(n)
                  .arg(currentThreadName())
                  .arg(currentNativeThreadId()));
        sleepFor(delay); // time.sleep(delay)
    };

    std::deque<Thread> threads;
    for (int i = 0; i < count; ++i)
        threads.emplace_back(QString(), worker, i);
    for (Thread &t : threads)
        t.start();
    for (Thread &t : threads)
        t.join();
}

Outcome createOutcome(int count)
{
    Outcome outcome;
    outcome.summary = Tr::tr("%n thread(s) started, ran and were joined.", nullptr, count);
    outcome.setValue(QStringLiteral("threads"), count);
    return outcome;
}

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
        startThreads(
            count,
            std::chrono::milliseconds(context.parameters().integer(QStringLiteral("delay_ms"))));
        context.setOutcome(createOutcome(count));
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsCreateScenario()
{
    return std::make_unique<ThreadsCreateScenario>();
}

} // namespace weft
