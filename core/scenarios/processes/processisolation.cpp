// SPDX-License-Identifier: MIT
// process.isolation — processes share no memory; threads do.
//
// The Python this mirrors:
//     value = 0
//     def child(new_value):
//         global value
//         print(f"child: value = {value}, setting it to {new_value}")
//         value = new_value              # changes this process's own copy
//     p = multiprocessing.Process(target=child, args=(100,)); p.start(); p.join()
//     print(value)                       # still 0 in the parent
//     t = threading.Thread(target=child, args=(100,)); t.start(); t.join()
//     print(value)                       # 100: a thread shares the parent's memory
//     def nothing(): pass
//     for _ in range(repeats):           # what starting one costs
//         time Process(target=nothing) started and joined
//         time Thread(target=nothing) started and joined
//
// The child process is this program again, started as a worker, with its own
// copy of `value`; it runs child() from this file, registered once under a
// name (see the factory at the end) so the child can find it. To let the
// parent show the child's value, the process's target sends it home through
// a pipe after calling child(). `value` is atomic only so that the thread's
// write and the parent's read are free of data races.

#include "core/process/connection.h"
#include "core/process/process.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <vector>

namespace weft {
namespace {

// The translation context of the lesson's strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProcessIsolationScenario)
};

std::atomic<int> value {0};

void child(int newValue)
{
    print(Tr::tr("child: value = %1, setting it to %2").arg(value.load()).arg(newValue));
    value = newValue;
}

// The child process's target: child(), then the child's value sent home.
void childProcess(Connection toParent, int newValue)
{
    child(newValue);
    toParent.send(QByteArray::number(value.load()));
}

void nothing() { }

struct Isolation
{
    int childValue = 0, parentValue = 0, valueAfterThread = 0;
    std::vector<qint64> processNs, threadNs; // start-and-join times
    QString childError; // empty if the child exited normally
};

Isolation processesAndThreads(int newValue, int repeats)
{
    Isolation seen;
    value = 0; // every run starts from the program's initial value
    print(Tr::tr("parent: value = %1").arg(value.load()));

    auto [parentEnd, childEnd]
        = Connection::pipe(Tr::tr("result"), Tr::tr("parent"), Tr::tr("child"));
    Process p(Tr::tr("child"), childProcess, std::move(childEnd), newValue);
    p.start();
    seen.childValue = parentEnd.recv().toInt();
    p.join();
    seen.parentValue = value;
    print(Tr::tr("parent: the child set value = %1; the parent's value is still %2")
              .arg(seen.childValue)
              .arg(seen.parentValue));

    Thread t(Tr::tr("thread"), child, newValue);
    t.start();
    t.join();
    seen.valueAfterThread = value;
    print(Tr::tr("parent: after a thread set it, the parent's value is %1")
              .arg(seen.valueAfterThread));

    using Clock = std::chrono::steady_clock;
    for (int i = 1; i <= repeats; ++i) {
        const auto t0 = Clock::now();
        Process empty(Tr::tr("empty process %1").arg(i), nothing);
        empty.start();
        empty.join();
        seen.processNs.push_back(std::chrono::nanoseconds(Clock::now() - t0).count());
    }
    for (int i = 1; i <= repeats; ++i) {
        const auto t0 = Clock::now();
        Thread empty(Tr::tr("empty thread %1").arg(i), nothing);
        empty.start();
        empty.join();
        seen.threadNs.push_back(std::chrono::nanoseconds(Clock::now() - t0).count());
    }
    seen.childError = p.errorMessage();
    return seen;
}

qint64 medianNs(std::vector<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0 : samples[samples.size() / 2];
}

// The check: the child changed only its own copy, a thread the parent's; and
// what a process costs next to a thread.
Outcome isolationOutcome(const Isolation &seen)
{
    const qint64 processMedian = medianNs(seen.processNs);
    const qint64 threadMedian = std::max<qint64>(1, medianNs(seen.threadNs));
    const double ratio = double(processMedian) / double(threadMedian);
    Outcome outcome;
    outcome.setValue(QStringLiteral("child_value"), seen.childValue);
    outcome.setValue(QStringLiteral("parent_value"), seen.parentValue);
    outcome.setValue(QStringLiteral("value_after_thread"), seen.valueAfterThread);
    outcome.setValue(QStringLiteral("process_start_us"), processMedian / 1000);
    outcome.setValue(QStringLiteral("thread_start_us"), threadMedian / 1000);
    outcome.setValue(QStringLiteral("process_thread_ratio"), qRound64(ratio));
    outcome.summary = Tr::tr("The child set value = %1, the parent's copy stayed %2; a thread set "
                             "it to %3 in the parent. Starting and joining a process took %4 ms "
                             "(median of %5), a thread %6 ms: about %7× more for a process.")
                          .arg(seen.childValue)
                          .arg(seen.parentValue)
                          .arg(seen.valueAfterThread)
                          .arg(double(processMedian) / 1e6, 0, 'f', 2)
                          .arg(seen.processNs.size())
                          .arg(double(threadMedian) / 1e6, 0, 'f', 3)
                          .arg(qRound64(ratio));
    if (!seen.childError.isEmpty()) {
        outcome.status = Outcome::Status::Failed;
        outcome.summary = seen.childError;
    }
    return outcome;
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
        const ParameterValues &p = context.parameters();
        context.setOutcome(isolationOutcome(processesAndThreads(
            int(p.integer(QStringLiteral("value"))), int(p.integer(QStringLiteral("repeats"))))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessIsolationScenario()
{
    // Here, so that the parent (which starts the children) and the children
    // (which build the catalogue) both know these functions by name.
    WorkerRoles::instance().add(workerTarget(QStringLiteral("isolation-child"), childProcess));
    WorkerRoles::instance().add(workerTarget(QStringLiteral("empty"), nothing));
    return std::make_unique<ProcessIsolationScenario>();
}

} // namespace weft
