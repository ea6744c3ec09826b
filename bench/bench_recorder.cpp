// Recording cost per event, beside the two baselines it has to beat:
// a bare steady_clock read (the floor) and a mutex-protected vector (the naive design).
#include "core/recorder.h"
#include "core/stepgate.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <mutex>
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

} // namespace

BENCHMARK_MAIN();
