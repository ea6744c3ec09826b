// SPDX-License-Identifier: MIT
// process.isolation — processes share no memory; threads do.
//
// The Python this mirrors:
//     value = 0
//     def child():
//         global value
//         value = 100                  # changes the child's own copy
//     p = multiprocessing.Process(target=child); p.start(); p.join()
//     print(value)                     # still 0 in the parent
//     t = threading.Thread(target=child); t.start(); t.join()
//     print(value)                     # 100: a thread shares the parent's memory
//
// It then times starting (and joining) a process against a thread, several
// times each, and states the ratio of the medians.

#include "core/process/connection.h"
#include "core/process/process.h"
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <vector>

namespace weft {
namespace {

// The global both processes have a copy of (atomic only so that the thread
// demonstration below is free of data races).
std::atomic<int> g_value {0};

const QString kChildRole = QStringLiteral("isolation-child");
const QString kEmptyRole = QStringLiteral("empty");

// The child process's main function: change the global, report what it saw.
int isolationChild(WorkerContext &worker)
{
    const int newValue = int(worker.parameters().integer(QStringLiteral("value")));
    print(QCoreApplication::translate("ProcessIsolationScenario",
                                      "child: value = %1, setting it to %2")
              .arg(g_value.load())
              .arg(newValue));
    g_value.store(newValue);
    Connection toParent = worker.connection(0);
    toParent.send(QByteArray::number(g_value.load()));
    return 0;
}

qint64 medianNs(std::vector<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0 : samples[samples.size() / 2];
}

class ProcessIsolationScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ProcessIsolationScenario)
public:
    QString id() const override { return QStringLiteral("process.isolation"); }
    Topic topic() const override { return Topic::Processes; }
    QString title() const override { return tr("Processes do not share memory"); }
    QString explanation() const override
    {
        return tr("A child process sets a global variable; the parent's copy of the same variable "
                  "is unchanged, because each process has its own memory. A thread setting it "
                  "changes the parent's copy at once. Then starting a process is timed against "
                  "starting a thread, several times each: a process costs far more.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("value"), tr("Value the child sets"), 100,
                                       -1000000, 1000000),
                ParameterSpec::integer(
                    QStringLiteral("repeats"), tr("Timing repeats"), 5, 1, 20,
                    tr("How many processes and threads are started for the timing"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/processes/processisolation.cpp");
    }

    void run(RunContext &context) const override
    {
        const int newValue = int(context.parameters().integer(QStringLiteral("value")));
        const int repeats = int(context.parameters().integer(QStringLiteral("repeats")));
        g_value.store(0); // every run starts from the program's initial value
        print(tr("parent: value = %1").arg(g_value.load()));

        auto [parentEnd, childEnd] = Connection::pipe(tr("result"), tr("parent"), tr("child"));
        Process child(tr("child"), kChildRole, {QStringLiteral("value=%1").arg(newValue)});
        child.pass(std::move(childEnd));
        child.start();
        const int childValue = parentEnd.recv().toInt();
        child.join();
        const int parentValue = g_value.load();
        print(tr("parent: the child set value = %1; the parent's value is still %2")
                  .arg(childValue)
                  .arg(parentValue));

        Thread thread(tr("thread"), [newValue] { g_value.store(newValue); });
        thread.start();
        thread.join();
        const int afterThread = g_value.load();
        print(tr("parent: after a thread set it, the parent's value is %1").arg(afterThread));

        // Start-and-join cost, measured the same way for both.
        std::vector<qint64> processNs, threadNs;
        for (int i = 0; i < repeats; ++i) {
            const qint64 t0 = Recorder::nowNs();
            Process p(tr("empty process %1").arg(i + 1), kEmptyRole);
            p.start();
            p.join();
            processNs.push_back(Recorder::nowNs() - t0);
        }
        for (int i = 0; i < repeats; ++i) {
            const qint64 t0 = Recorder::nowNs();
            Thread t(tr("empty thread %1").arg(i + 1), [] {});
            t.start();
            t.join();
            threadNs.push_back(Recorder::nowNs() - t0);
        }
        const qint64 processMedian = medianNs(processNs);
        const qint64 threadMedian = std::max<qint64>(1, medianNs(threadNs));
        const double ratio = double(processMedian) / double(threadMedian);

        Outcome outcome;
        outcome.setValue(QStringLiteral("child_value"), childValue);
        outcome.setValue(QStringLiteral("parent_value"), parentValue);
        outcome.setValue(QStringLiteral("value_after_thread"), afterThread);
        outcome.setValue(QStringLiteral("process_start_us"), processMedian / 1000);
        outcome.setValue(QStringLiteral("thread_start_us"), threadMedian / 1000);
        outcome.setValue(QStringLiteral("process_thread_ratio"), qRound64(ratio));
        outcome.summary = tr("The child set value = %1, the parent's copy stayed %2; a thread set "
                             "it to %3 in the parent. Starting and joining a process took %4 ms "
                             "(median of %5), a thread %6 ms: about %7× more for a process.")
                              .arg(childValue)
                              .arg(parentValue)
                              .arg(afterThread)
                              .arg(double(processMedian) / 1e6, 0, 'f', 2)
                              .arg(repeats)
                              .arg(double(threadMedian) / 1e6, 0, 'f', 3)
                              .arg(qRound64(ratio));
        if (!child.exitedNormally()) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = child.errorMessage();
        }
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessIsolationScenario()
{
    return std::make_unique<ProcessIsolationScenario>();
}

QList<WorkerRole> processIsolationWorkerRoles()
{
    return {{kChildRole, specsNamed(ProcessIsolationScenario().parameters(), {"value"}),
             isolationChild},
            {kEmptyRole, {}, [](WorkerContext &) {
                 return 0;
             }}};
}

} // namespace weft
