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
// run in parallel.
//
// C++ has no GIL, so here it is an emulation of CPython's (core/sync/gil.h)
// around real OS threads doing real work. A GilHold is what a Python thread
// does implicitly: it holds the GIL while it runs, and between two stretches
// of work (cpuWorkUnit, some tens of microseconds of arithmetic) it checks
// whether a waiting thread asked for the GIL, as CPython's eval loop checks
// between bytecodes. The same code runs without a GIL when given none. Each
// of the three runs is a Phase, a named slice on main's lane.

#include "core/runcontext.h"
#include "core/sync/gil.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "cpuwork.h"
#include "gilscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <deque>
#include <thread>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GilCpuScenario)
};

using Clock = std::chrono::steady_clock;

// def count(n): `units` stretches of real arithmetic; `gil` is null without a GIL.
// `share`, when given, measures how much CPU the work got (not part of the lesson).
void count(int units, Gil *gil, CpuShare *share)
{
    GilHold hold(gil); // a Python thread holds the GIL while it runs bytecode
    const CpuShare::Stretch measured(share);
    quint64 n = 1;
    for (int i = 0; i < units; ++i) {
        n = cpuWorkUnit(n); // n -= 1, many times over
        hold.yieldIfRequested(); // the eval loop's check between bytecodes
    }
}

// threads = [Thread(target=count, args=(N,)) ...]; start them all; join them all.
void countInThreads(int threadCount, int units, Gil *gil, const QString &nameFormat,
                    CpuShare *share)
{
    std::deque<Thread> threads; // a deque: it never moves a Thread once made
    for (int t = 0; t < threadCount; ++t)
        threads.emplace_back(nameFormat.arg(t + 1), count, units, gil, share);
    for (Thread &t : threads)
        t.start();
    for (Thread &t : threads)
        t.join();
}

// What the lesson leaves for its outcome.
struct GilTimes
{
    int threads = 0;
    int units = 0;
    Clock::duration sequential {};
    Clock::duration withGil {};
    Clock::duration withoutGil {};
    quint64 switches = 0;
    quint64 dropRequests = 0;
    qint64 cpuSharePermille = 1000; // of the runs that always have work: sequential, no GIL
};

// Below this share of the CPU the machine was too busy for the times to compare.
constexpr qint64 busyMachinePermille = 750;

GilTimes compare(int threadCount, int units, std::chrono::milliseconds switchInterval)
{
    GilTimes times {threadCount, units};
    CpuShare share; // threads under the GIL wait by design: only the other two runs count
    {
        Phase phase(Tr::tr("sequential")); // one thread does all the work, piece after piece
        const auto t0 = Clock::now(); // t0 = time.perf_counter()
        for (int t = 0; t < threadCount; ++t)
            count(units, nullptr, &share); // count(N); count(N)
        times.sequential = Clock::now() - t0;
    }

    Gil gil(QStringLiteral("GIL"), switchInterval); // sys.setswitchinterval(...)
    {
        Phase phase(Tr::tr("threads under the GIL"));
        const auto t0 = Clock::now();
        countInThreads(threadCount, units, &gil, Tr::tr("cpu-%1 (GIL)"), nullptr);
        times.withGil = Clock::now() - t0;
    }
    {
        Phase phase(Tr::tr("threads without the GIL"));
        const auto t0 = Clock::now();
        countInThreads(threadCount, units, nullptr, Tr::tr("cpu-%1 (no GIL)"), &share);
        times.withoutGil = Clock::now() - t0;
    }
    times.switches = gil.switchCount();
    times.dropRequests = gil.dropRequestCount();
    times.cpuSharePermille = share.permille();
    return times;
}

Outcome gilCpuOutcome(const GilTimes &times)
{
    const auto us = [](Clock::duration d) {
        return qint64(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
    };
    const qint64 sequentialUs = us(times.sequential);
    const qint64 gilUs = us(times.withGil);
    const qint64 freeUs = us(times.withoutGil);
    const double gilRatio = double(gilUs) / double(std::max<qint64>(sequentialUs, 1));
    const double freeRatio = double(freeUs) / double(std::max<qint64>(sequentialUs, 1));
    const int cores = int(std::thread::hardware_concurrency());

    Outcome outcome;
    outcome.summary
        = Tr::tr("%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms "
                 "(%5× the sequential time, %6 switches, %7 drop requests). Threads without the "
                 "GIL: %8 ms (%9× the sequential time, on a machine with %10 cores).",
                 nullptr, times.threads)
              .arg(times.units)
              .arg(double(sequentialUs) / 1000.0, 0, 'f', 1)
              .arg(double(gilUs) / 1000.0, 0, 'f', 1)
              .arg(gilRatio, 0, 'f', 2)
              .arg(times.switches)
              .arg(times.dropRequests)
              .arg(double(freeUs) / 1000.0, 0, 'f', 1)
              .arg(freeRatio, 0, 'f', 2)
              .arg(cores);
    if (times.cpuSharePermille < busyMachinePermille) {
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("Warning: this machine was busy. The counting threads ran only %1 % of the "
                     "time they had work (other programs had the cores), so these times say more "
                     "about the load than about the GIL: run it again when the machine is idle.")
                  .arg(times.cpuSharePermille / 10);
    }
    outcome.setValue(QStringLiteral("threads"), times.threads);
    outcome.setValue(QStringLiteral("sequential_us"), sequentialUs);
    outcome.setValue(QStringLiteral("gil_us"), gilUs);
    outcome.setValue(QStringLiteral("nogil_us"), freeUs);
    outcome.setValue(QStringLiteral("gil_permille"), qint64(gilRatio * 1000));
    outcome.setValue(QStringLiteral("nogil_permille"), qint64(freeRatio * 1000));
    outcome.setValue(QStringLiteral("gil_switches"), qint64(times.switches));
    outcome.setValue(QStringLiteral("drop_requests"), qint64(times.dropRequests));
    outcome.setValue(QStringLiteral("cores"), cores);
    outcome.setValue(QStringLiteral("cpu_share_permille"), times.cpuSharePermille);
    return outcome;
}

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
        const ParameterValues &p = context.parameters();
        context.setOutcome(gilCpuOutcome(compare(
            int(p.integer(QStringLiteral("threads"))), int(p.integer(QStringLiteral("work"))),
            std::chrono::milliseconds(p.integer(QStringLiteral("switch_interval_ms"))))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilCpuScenario()
{
    return std::make_unique<GilCpuScenario>();
}

} // namespace weft
