// SPDX-License-Identifier: MIT
// Recording cost per event, beside the two baselines it has to beat:
// a bare steady_clock read (the floor) and a mutex-protected vector (the naive design).
#include "bench/runbenchmarks.h"
#include "core/mallochugepages.h"
#include "core/recorder.h"
#include "core/runcontext.h"
#include "core/stepgate.h"
#include "core/tracing.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace weft;

namespace {

void BM_SteadyClockNow(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(std::chrono::steady_clock::now());
}
BENCHMARK(BM_SteadyClockNow)->Threads(1)->Threads(2)->Threads(8)->UseRealTime();

Recorder *g_recorder = nullptr;

void BM_RecorderRecord(benchmark::State &state)
{
    if (state.thread_index() == 0)
        g_recorder = new Recorder(std::size_t(1) << 28);
    // google-benchmark starts all threads' loops together after setup.
    qint64 i = 0;
    for (auto _ : state)
        g_recorder->record(EventKind::Mark, quint32(state.thread_index() + 1), 0, i++);
    state.SetItemsProcessed(state.iterations());
    if (state.thread_index() == 0) {
        state.counters["dropped"] = double(g_recorder->droppedCount());
        delete g_recorder;
        g_recorder = nullptr;
    }
}
BENCHMARK(BM_RecorderRecord)->Threads(1)->Threads(2)->Threads(8)->UseRealTime();

struct MutexVectorRecorder
{
    std::mutex mutex;
    std::vector<Event> events;
    void record(EventKind kind, quint32 actor, qint64 value)
    {
        Event e;
        e.timeNs = Recorder::nowNs();
        e.kind = kind;
        e.actor = actor;
        e.value = value;
        std::lock_guard lock(mutex);
        events.push_back(e);
    }
};
MutexVectorRecorder *g_baseline = nullptr;

void BM_MutexVectorBaseline(benchmark::State &state)
{
    if (state.thread_index() == 0)
        g_baseline = new MutexVectorRecorder;
    qint64 i = 0;
    for (auto _ : state)
        g_baseline->record(EventKind::Mark, quint32(state.thread_index() + 1), i++);
    state.SetItemsProcessed(state.iterations());
    if (state.thread_index() == 0) {
        delete g_baseline;
        g_baseline = nullptr;
    }
}
BENCHMARK(BM_MutexVectorBaseline)->Threads(1)->Threads(2)->Threads(8)->UseRealTime();

// What every traced primitive pays for live stepping while it is off.
void BM_StepGatePassSteppingOff(benchmark::State &state)
{
    StepGate gate;
    PendingAction action;
    action.actor = 1;
    for (auto _ : state)
        benchmark::DoNotOptimize(gate.pass(action));
}
BENCHMARK(BM_StepGatePassSteppingOff);

// One event through the path a traced primitive takes (gate, then record with
// its source site, and the replay-tracking check), against a raw record: the
// difference is what live stepping costs while it is off.
void BM_RawRecordWithSite(benchmark::State &state)
{
    Recorder recorder(std::size_t(1) << 28);
    const quint16 site = recorder.site(std::source_location::current());
    qint64 i = 0;
    for (auto _ : state)
        recorder.record(EventKind::Mark, 1, 0, i++, 0, site);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawRecordWithSite);

void BM_GatedRecordSteppingOff(benchmark::State &state)
{
    Recorder recorder(std::size_t(1) << 28);
    StepGate gate;
    RunContext context(recorder, gate, ParameterValues());
    RunContext::bindCurrentThread(&context, context.addThreadActor(QStringLiteral("bench")));
    const QString description; // built once: the benchmark isolates the gate
    for (auto _ : state) {
        const auto location = std::source_location::current();
        context.passGate(EventKind::Mark, 0, description, location);
        context.record(EventKind::Mark, location);
    }
    state.SetItemsProcessed(state.iterations());
    RunContext::bindCurrentThread(nullptr, 0);
}
BENCHMARK(BM_GatedRecordSteppingOff);

// The same record without the gate: the difference to the one above is the
// gate's cost with stepping off.
void BM_ContextRecordNoGate(benchmark::State &state)
{
    Recorder recorder(std::size_t(1) << 28);
    StepGate gate;
    RunContext context(recorder, gate, ParameterValues());
    RunContext::bindCurrentThread(&context, context.addThreadActor(QStringLiteral("bench")));
    for (auto _ : state)
        context.record(EventKind::Mark, std::source_location::current());
    state.SetItemsProcessed(state.iterations());
    RunContext::bindCurrentThread(nullptr, 0);
}
BENCHMARK(BM_ContextRecordNoGate);

// The whole print(): gate, its description text, interning the printed text.
void BM_PrintSteppingOff(benchmark::State &state)
{
    Recorder recorder(std::size_t(1) << 28);
    StepGate gate;
    RunContext context(recorder, gate, ParameterValues());
    RunContext::bindCurrentThread(&context, context.addThreadActor(QStringLiteral("bench")));
    const QString text = QStringLiteral("hello");
    for (auto _ : state)
        print(text);
    state.SetItemsProcessed(state.iterations());
    RunContext::bindCurrentThread(nullptr, 0);
}
BENCHMARK(BM_PrintSteppingOff);

// What a live poll asks of the recorder: a snapshot of everything so far
// (events from 4 threads, interleaved as a contended run's are).
void BM_RecorderSnapshot(benchmark::State &state)
{
    Recorder recorder(std::size_t(1) << 28);
    const auto events = std::size_t(state.range(0));
    std::vector<std::thread> threads;
    for (quint32 t = 1; t <= 4; ++t)
        threads.emplace_back([&recorder, t, events] {
            for (std::size_t i = 0; i < events / 4; ++i)
                recorder.record(EventKind::Mark, t, 0, qint64(i));
        });
    for (std::thread &t : threads)
        t.join();
    for (auto _ : state)
        benchmark::DoNotOptimize(recorder.snapshot().events().data());
    state.counters["events"] = double(events);
}
BENCHMARK(BM_RecorderSnapshot)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// A live poll's snapshot: 1 M events taken before, 1 % new since (4 threads).
void BM_RecorderLiveSnapshot(benchmark::State &state)
{
    Recorder recorder(std::size_t(1) << 28);
    const auto events = std::size_t(state.range(0));
    auto recordBatch = [&recorder](std::size_t count) {
        std::vector<std::thread> threads;
        for (quint32 t = 1; t <= 4; ++t)
            threads.emplace_back([&recorder, t, count] {
                for (std::size_t i = 0; i < count / 4; ++i)
                    recorder.record(EventKind::Mark, t, 0, qint64(i));
            });
        for (std::thread &t : threads)
            t.join();
    };
    recordBatch(events);
    recorder.liveSnapshot();
    for (auto _ : state) {
        state.PauseTiming();
        recordBatch(events / 100);
        state.ResumeTiming();
        benchmark::DoNotOptimize(recorder.liveSnapshot().events().data());
    }
    state.counters["events"] = double(events);
}
BENCHMARK(BM_RecorderLiveSnapshot)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    weft::MallocHugePages::enable(argv); // as the window runs: snapshots are large allocations
    return weft::bench::runBenchmarks(argc, argv);
}
