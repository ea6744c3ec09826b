// SPDX-License-Identifier: MIT
// threads.subclass — a thread class that overrides run().
//
// The Python this mirrors:
//     class Worker(threading.Thread):
//         def __init__(self, name, steps):
//             super().__init__(name=name)
//             self.steps = steps
//         def run(self):                      # start() calls this in the new thread
//             for i in range(self.steps):
//                 print(f"{self.name}: step {i + 1} of {self.steps}")
//                 time.sleep(delay)
//     alpha, beta = Worker("Alpha", 3), Worker("Beta", 3)
//     alpha.start(); beta.start()
//     alpha.join(); beta.join()
//
// Worker derives from Thread, Weft's threading.Thread, and overrides its
// run(). Unlike the Python it also counts the steps it has done, so the
// outcome can report them after join().

#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <atomic>
#include <chrono>

namespace weft {
namespace {

class Worker : public Thread
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsSubclassScenario)
public:
    Worker(const QString &name, int steps, std::chrono::milliseconds delay)
        : Thread(name)
        , m_steps(steps)
        , m_delay(delay)
    {
    }

    int stepsDone() const { return m_stepsDone.load(); }

protected:
    void run() override // start() calls this in the new thread
    {
        for (int i = 0; i < m_steps; ++i) {
            print(tr("%1: step %2 of %3").arg(name()).arg(i + 1).arg(m_steps));
            m_stepsDone.fetch_add(1);
            sleepFor(m_delay);
        }
    }

private:
    const int m_steps;
    const std::chrono::milliseconds m_delay;
    std::atomic<int> m_stepsDone {0};
};

// What the lesson leaves for its outcome: the steps each worker did.
struct SubclassTally
{
    int alphaSteps = 0;
    int betaSteps = 0;
};

SubclassTally runWorkers(int steps, std::chrono::milliseconds delay)
{
    Worker alpha(QStringLiteral("Alpha"), steps, delay);
    Worker beta(QStringLiteral("Beta"), steps, delay);
    alpha.start();
    beta.start();
    alpha.join();
    beta.join();
    return {alpha.stepsDone(), beta.stepsDone()};
}

Outcome subclassOutcome(const SubclassTally &tally)
{
    Outcome outcome;
    outcome.summary = Worker::tr("Two Worker threads ran their own run(): Alpha did %1 steps, "
                                 "Beta did %2.")
                          .arg(tally.alphaSteps)
                          .arg(tally.betaSteps);
    outcome.setValue(QStringLiteral("alpha_steps"), tally.alphaSteps);
    outcome.setValue(QStringLiteral("beta_steps"), tally.betaSteps);
    return outcome;
}

class ThreadsSubclassScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsSubclassScenario)
public:
    QString id() const override { return QStringLiteral("threads.subclass"); }
    Topic topic() const override { return Topic::Threads; }
    QString title() const override { return tr("Subclass Thread and override run()"); }
    QString explanation() const override
    {
        return tr("Instead of passing a target function, a class derives from Thread and "
                  "overrides run(). start() creates the OS thread, which calls that run(). Two "
                  "named instances, Alpha and Beta, each print their own steps on their own "
                  "lane.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("steps"), tr("Steps per thread"), 3, 1, 50,
                                       tr("How many lines each thread prints")),
                ParameterSpec::integer(QStringLiteral("delay_ms"), tr("Pause per step (ms)"), 500,
                                       0, 10000, tr("How long each thread sleeps after a step"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/threads/threadssubclass.cpp");
    }

    void run(RunContext &context) const override
    {
        const int steps = int(context.parameters().integer(QStringLiteral("steps")));
        const auto delay
            = std::chrono::milliseconds(context.parameters().integer(QStringLiteral("delay_ms")));
        context.setOutcome(subclassOutcome(runWorkers(steps, delay)));
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsSubclassScenario()
{
    return std::make_unique<ThreadsSubclassScenario>();
}

} // namespace weft
