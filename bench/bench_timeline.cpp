// SPDX-License-Identifier: MIT
// Paint time of the timeline at 10k to 10M events, offscreen at 1920x1080,
// zoomed out (the whole trace) and zoomed in (1% of it); model builds; live polls.
//
//   QT_QPA_PLATFORM=offscreen bench/bench_timeline
//   bench/bench_timeline --write FILE.weft EVENTS   the synthetic trace, to open in weft
#include "bench/runbenchmarks.h"
#include "bench/synthetictrace.h"
#include "core/mallochugepages.h"
#include "core/tracebuilder.h"
#include "core/tracefile.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>
#include <map>
#include <memory>
#include <tuple>

using namespace weft;
using namespace weft::ui;
using weft::bench::syntheticTrace;

namespace {

const TimelineModel &modelFor(int eventCount, bool withSlices, int threads = 64)
{
    static std::map<std::tuple<int, bool, int>, std::unique_ptr<TimelineModel>> cache;
    auto &slot = cache[{eventCount, withSlices, threads}];
    if (!slot)
        slot = std::make_unique<TimelineModel>(syntheticTrace(eventCount, withSlices, threads));
    return *slot;
}

void paintFrame(benchmark::State &state, double zoom, bool withSlices = true, bool summaries = true,
                int threads = 64)
{
    const TimelineModel &model = modelFor(int(state.range(0)), withSlices, threads);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const TimelineRenderer renderer;
    RenderOptions options;
    const qint64 span = model.endNs() - model.startNs();
    const qint64 width = qint64(double(span) / zoom);
    options.fromNs = model.startNs() + span / 2 - width / 2;
    options.toNs = options.fromNs + width;
    options.showPlayhead = true;
    options.playheadNs = model.startNs() + span / 2;
    options.dimAfterPlayhead = true;
    options.summaries = summaries;
    for (auto _ : state) {
        QPainter painter(&image);
        renderer.render(painter, QRectF(0, 0, 1920, 1080), model, options);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["events"] = double(model.trace().events().size());
}

void BM_PaintZoomedOut(benchmark::State &state)
{
    paintFrame(state, 1.0);
}
void BM_PaintZoomedIn(benchmark::State &state)
{
    paintFrame(state, 100.0);
}
// The same trace without slices: what the slices cost.
void BM_PaintZoomedOutNoSlices(benchmark::State &state)
{
    paintFrame(state, 1.0, false);
}

// 2000 threads (a live locks.counter run's size): the view shows a few dozen
// lanes, and the arrows of the others must not cost the frame.
void BM_PaintZoomedOutManyLanes(benchmark::State &state)
{
    paintFrame(state, 1.0, false, true, 2000);
}

// What a frame cost before the per-pixel summaries: every span and slice in view read.
void BM_PaintZoomedOutEachItem(benchmark::State &state)
{
    paintFrame(state, 1.0, true, false);
}

// One live poll at 1 M events. "two builds" is what a poll did before (the new
// snapshot, then "now" derived again); "one build" a poll with new events derived
// on the window's thread (snapshots under 100 k events still are); "move now" a
// poll with nothing new; "adopt derived" what the window's thread does with a
// snapshot LiveModelBuilder derived on its worker (the derivation is not timed).
void BM_LivePoll(benchmark::State &state, int mode)
{
    const Trace whole = syntheticTrace(int(state.range(0)));
    // The previous poll saw 99 % of the events; this one brings the last 1 %.
    TraceBuilder builder;
    const Trace &t = whole; // its tables, 99 % of its events
    for (int i = 1; i <= t.processCount(); ++i)
        builder.addProcess(t.process(quint32(i)));
    for (int i = 1; i <= t.actorCount(); ++i)
        builder.addActor(t.actor(quint32(i)));
    for (int i = 1; i <= t.objectCount(); ++i)
        builder.addObject(t.object(quint32(i)));
    for (int i = 1; i <= t.stringCount(); ++i)
        builder.appendString(t.text(quint32(i)));
    const std::size_t seen = t.events().size() * 99 / 100;
    for (std::size_t i = 0; i < seen; ++i)
        builder.addEvent(t.events()[i]);
    const Trace before = builder.build();
    qint64 now = whole.endNs();
    TimelineModel model;
    model.setLiveTrace(before, now);
    for (auto _ : state) {
        now += 1000;
        switch (mode) {
        case 0: // before: setTrace derived the snapshot, setLiveEnd all of it again
            model.setTrace(whole);
            model.setTrace(whole);
            model.setLiveEnd(now);
            break;
        case 1: // the previous snapshot first (untimed), so that this one is new
            state.PauseTiming();
            model.setLiveTrace(before, now - 500);
            state.ResumeTiming();
            model.setLiveTrace(whole, now);
            break;
        case 3: { // derived on LiveModelBuilder's worker: the window's thread adopts it
            state.PauseTiming();
            // As DerivedSnapshot::of derives it: reaching "now" already.
            auto derived = std::make_unique<TimelineModel>();
            derived->setLiveTrace(whole, now - 500);
            state.ResumeTiming();
            model.adopt(*derived);
            model.setLiveEnd(now);
            state.PauseTiming();
            derived.reset(); // the model shown before: freed on the worker
            state.ResumeTiming();
            break;
        }
        default:
            model.setLiveTrace(before, now);
            break;
        }
        benchmark::DoNotOptimize(model.lanes().data());
    }
    state.counters["events"] = double(whole.events().size());
}

// One live poll that extends the model (TimelineModel::setLiveTrace with a
// snapshot of the same live series): range(0) events seen, 10 k new, as the
// recorder's next snapshot brings them. Each iteration is the next poll; the
// snapshot is copied out of a longer trace untimed.
void BM_LiveExtend(benchmark::State &state, bool withSlices)
{
    constexpr std::size_t kNew = 10'000;
    const auto seen = std::size_t(state.range(0));
    const Trace whole = syntheticTrace(int(seen + kNew * 40), withSlices);
    TraceLineage lineage;
    lineage.series = 1;
    std::size_t count = seen;
    const auto snapshotOf = [&](std::size_t events) {
        TraceBuilder builder;
        builder.copyTablesOf(whole);
        builder.reserveEvents(events);
        for (std::size_t i = 0; i < events; ++i)
            builder.addEvent(whole.events()[i]);
        lineage = lineage.next(count);
        builder.setLineage(lineage);
        return builder.buildInTimeOrder();
    };
    TimelineModel model;
    Trace next = snapshotOf(count);
    model.setLiveTrace(next, next.endNs() + 1000);
    for (auto _ : state) {
        state.PauseTiming();
        next = snapshotOf(count + kNew);
        count += kNew;
        state.ResumeTiming();
        model.setLiveTrace(next, next.endNs() + 1000);
        benchmark::DoNotOptimize(model.lanes().data());
    }
    state.counters["events"] = double(count);
    state.counters["extends"] = double(model.extendCount());
}

void BM_BuildModel(benchmark::State &state, bool withSlices)
{
    const Trace trace = syntheticTrace(int(state.range(0)), withSlices);
    for (auto _ : state) {
        TimelineModel model(trace);
        benchmark::DoNotOptimize(model.lanes().data());
    }
    state.counters["events"] = double(trace.events().size());
}

} // namespace

BENCHMARK(BM_PaintZoomedOut)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaintZoomedOutEachItem)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaintZoomedOutManyLanes)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaintZoomedIn)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaintZoomedOutNoSlices)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_BuildModel, sliced, true)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_BuildModel, no_slices, false)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LivePoll, two_builds, 0)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LivePoll, one_build, 1)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LivePoll, move_now, 2)->Arg(1000000)->Unit(benchmark::kMillisecond);
// A fixed count: each iteration derives a 1 M model untimed, which the timer would repeat for long.
BENCHMARK_CAPTURE(BM_LivePoll, adopt_derived, 3)
    ->Arg(1000000)
    ->Iterations(10)
    ->Unit(benchmark::kMillisecond);
// Fixed counts: each iteration copies a snapshot untimed, and 40 of them are in the trace.
BENCHMARK_CAPTURE(BM_LiveExtend, no_slices, false)
    ->Arg(1000000)
    ->Iterations(30)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LiveExtend, with_slices, true)
    ->Arg(1000000)
    ->Iterations(30)
    ->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    weft::MallocHugePages::enable(argv); // as the window and --export run
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts and painting; never shows a window
    if (argc == 4 && qstrcmp(argv[1], "--write") == 0) {
        QString error;
        if (TraceFile::save(syntheticTrace(QByteArray(argv[3]).toInt()),
                            QString::fromLocal8Bit(argv[2]), &error))
            return 0;
        qWarning("%s", qPrintable(error));
        return 1;
    }
    return weft::bench::runBenchmarks(argc, argv);
}
