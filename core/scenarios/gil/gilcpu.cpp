// SPDX-License-Identifier: MIT
// gil.cpu — CPU-bound threads with and without a global interpreter lock.
//
// The Python this mirrors (CPython 3.2+, sys.setswitchinterval(0.005)):
//     def count(n):
//         while n > 0:
//             n -= 1
//     t0 = time.perf_counter(); count(N); count(N); sequential = time.perf_counter() - t0
//     threads = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
//     t0 = time.perf_counter()
//     for t in threads: t.start()
//     for t in threads: t.join()
//     with_gil = time.perf_counter() - t0        # about the same as sequential
// and the same threads on a Python without the GIL (or as processes), which
// run in parallel. Here the GIL is an emulation of CPython's (core/sync/gil.h)
// around real OS threads doing real work.

#include "core/runcontext.h"
#include "core/sync/gil.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "cpuwork.h"
#include "gilscenarios.h"

#include <QCoreApplication>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace weft {
namespace {

class GilCpuScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(GilCpuScenario)
public:
    QString id() const override { return QStringLiteral("gil.cpu"); }
    Topic topic() const override { return Topic::Gil; }
    QString title() const override { return tr("CPU-bound threads and the GIL"); }
    QString explanation() const override
    {
        return tr("The same CPU-bound work is done three times: by one thread, one piece after "
                  "another; by several threads that share a global interpreter lock (GIL), as in "
                  "CPython; and by the same threads without it. Under the GIL only the holder "
                  "runs. A waiting thread asks the holder to drop it after one switch interval, "
                  "the holder hands it over at its next check, and the two take turns: the GIL's "
                  "band under each thread's bar shows who holds it, and a mark shows every drop "
                  "request and forced switch. So the threads take about as "
                  "long as the sequential run, while without the GIL they run on several cores "
                  "at once.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("threads"), tr("Threads"), 2, 1, 8,
                                       tr("How many CPU-bound threads")),
                ParameterSpec::integer(QStringLiteral("work"), tr("Work units per thread"), 3000,
                                       10, 100000,
                                       tr("Each unit is a few tens of microseconds of arithmetic; "
                                          "the GIL's drop request is checked between units")),
                ParameterSpec::integer(QStringLiteral("switch_interval_ms"),
                                       tr("Switch interval (ms)"), 5, 1, 100,
                                       tr("How long a thread waits for the GIL before asking the "
                                          "holder to drop it (sys.setswitchinterval)"))};
    }
    QString sourceResource() const override { return QStringLiteral(":/scenarios/gil/gilcpu.cpp"); }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &) const override
    {
        return std::chrono::minutes(3);
    }

    void run(RunContext &context) const override
    {
        const int threadCount = int(context.parameters().integer(QStringLiteral("threads")));
        const int units = int(context.parameters().integer(QStringLiteral("work")));
        const auto interval = std::chrono::milliseconds(
            context.parameters().integer(QStringLiteral("switch_interval_ms")));

        // The work of one thread; `gil` is null when the threads run without one.
        auto count = [units](Gil *gil) {
            GilHold hold(gil); // a Python thread holds the GIL while it runs bytecode
            quint64 state = 1;
            for (int i = 0; i < units; ++i) {
                state = cpuWorkUnit(state);
                checkCancelled();
                if (gil)
                    gil->yieldIfRequested(); // the eval loop's check between instructions
            }
            return state;
        };

        using Clock = std::chrono::steady_clock;
        auto phase = [&context](const QString &name, auto body) {
            context.record(EventKind::SpanBegin, std::source_location::current(), 0, 0,
                           context.recorder().intern(name));
            const auto start = Clock::now();
            body();
            const auto elapsed = Clock::now() - start;
            context.record(EventKind::SpanEnd, std::source_location::current());
            return std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
        };

        auto runThreads = [&](Gil *gil, const QString &nameFormat) {
            std::vector<std::unique_ptr<Thread>> threads;
            for (int t = 0; t < threadCount; ++t)
                threads.push_back(std::make_unique<Thread>(nameFormat.arg(t + 1), count, gil));
            for (auto &t : threads)
                t->start();
            for (auto &t : threads)
                t->join();
        };

        // 1. One thread does all the work, piece after piece.
        const qint64 sequentialUs = phase(tr("sequential"), [&] {
            for (int t = 0; t < threadCount; ++t)
                count(nullptr);
        });

        // 2. Threads sharing one GIL.
        Gil gil(QStringLiteral("GIL"), interval);
        const qint64 gilUs
            = phase(tr("threads under the GIL"), [&] { runThreads(&gil, tr("cpu-%1 (GIL)")); });

        // 3. The same threads without it.
        const qint64 freeUs = phase(tr("threads without the GIL"),
                                    [&] { runThreads(nullptr, tr("cpu-%1 (no GIL)")); });

        const double gilRatio = double(gilUs) / double(std::max<qint64>(sequentialUs, 1));
        const double freeRatio = double(freeUs) / double(std::max<qint64>(sequentialUs, 1));
        const int cores = int(std::thread::hardware_concurrency());

        Outcome outcome;
        outcome.summary
            = tr("%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms "
                 "(%5× sequential, %6 switches, %7 drop requests). Threads without the GIL: %8 ms "
                 "(%9× sequential, on a machine with %10 cores).",
                 nullptr, threadCount)
                  .arg(units)
                  .arg(sequentialUs / 1000.0, 0, 'f', 1)
                  .arg(gilUs / 1000.0, 0, 'f', 1)
                  .arg(gilRatio, 0, 'f', 2)
                  .arg(gil.switchCount())
                  .arg(gil.dropRequestCount())
                  .arg(freeUs / 1000.0, 0, 'f', 1)
                  .arg(freeRatio, 0, 'f', 2)
                  .arg(cores);
        outcome.setValue(QStringLiteral("threads"), threadCount);
        outcome.setValue(QStringLiteral("sequential_us"), sequentialUs);
        outcome.setValue(QStringLiteral("gil_us"), gilUs);
        outcome.setValue(QStringLiteral("nogil_us"), freeUs);
        outcome.setValue(QStringLiteral("gil_permille"), qint64(gilRatio * 1000));
        outcome.setValue(QStringLiteral("nogil_permille"), qint64(freeRatio * 1000));
        outcome.setValue(QStringLiteral("gil_switches"), qint64(gil.switchCount()));
        outcome.setValue(QStringLiteral("drop_requests"), qint64(gil.dropRequestCount()));
        outcome.setValue(QStringLiteral("cores"), cores);
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilCpuScenario()
{
    return std::make_unique<GilCpuScenario>();
}

} // namespace weft
