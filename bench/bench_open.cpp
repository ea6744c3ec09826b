// SPDX-License-Identifier: MIT
// From File ▸ Open to the first frame: the real main window, offscreen at
// 1920x1080, opens a .weft of 1 M or 10 M events (synthetic, as bench_timeline
// paints) the way the user's open does (in the background above 8 MiB), shows
// it in every panel, and paints its timeline once. Wall time: the load runs on
// a worker thread.
//
//   QT_QPA_PLATFORM=offscreen bench/bench_open
#include "bench/runbenchmarks.h"
#include "bench/synthetictrace.h"
#include "core/interchange/traceloader.h"
#include "core/mallochugepages.h"
#include "core/scenarioregistry.h"
#include "core/tracefile.h"
#include "ui/mainwindow.h"
#include "ui/timeline/timelineview.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <benchmark/benchmark.h>
#include <map>
#include <memory>

using namespace weft;
using namespace weft::ui;

namespace {

// One file per size, written once per process.
QString traceFileOf(int eventCount)
{
    static QTemporaryDir dir;
    static std::map<int, QString> files;
    QString &path = files[eventCount];
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("synthetic-%1.weft").arg(eventCount));
        QString error;
        if (!TraceFile::save(bench::syntheticTrace(eventCount), path, &error))
            qFatal("%s", qPrintable(error));
    }
    return path;
}

void BM_OpenToFirstFrame(benchmark::State &state)
{
    const QString path = traceFileOf(int(state.range(0)));
    const ScenarioRegistry registry;
    for (auto _ : state) {
        state.PauseTiming();
        auto window = std::make_unique<MainWindow>(registry);
        window->setInteractiveErrors(false);
        window->resize(1920, 1080);
        window->show();
        QCoreApplication::processEvents();
        bool shown = false;
        QObject::connect(window.get(), &MainWindow::traceShown, [&shown] { shown = true; });
        state.ResumeTiming();

        const bool started = window->openTraceFile(path);
        // An event loop that sleeps while nothing happens: processEvents with a
        // time limit would spin, and its polling was most of the window's CPU.
        QEventLoop loop;
        QObject::connect(window.get(), &MainWindow::traceShown, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        if (started && !shown)
            loop.exec();
        window->timelineView()->repaint(); // the first frame, painted now

        state.PauseTiming();
        if (!shown) {
            state.SkipWithError(started ? "the trace was not shown within 120 s"
                                        : "the file did not open");
            break;
        }
        state.counters["events"] = double(window->trace().events().size());
        window.reset(); // closing the window is not part of opening
        state.ResumeTiming();
    }
}

// The part of it spent reading the file into a Trace, on the loading thread.
void BM_LoadFile(benchmark::State &state)
{
    const QString path = traceFileOf(int(state.range(0)));
    for (auto _ : state) {
        QString error;
        const std::optional<Trace> trace = loadTraceFile(path, &error);
        if (!trace) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        benchmark::DoNotOptimize(trace->events().data());
    }
}

// The same, timing the CPU of every thread of the process: the load decodes
// on several (WEFT_LOAD_THREADS=1: on the loading thread alone).
void BM_LoadFileAllThreads(benchmark::State &state)
{
    BM_LoadFile(state);
}

} // namespace

BENCHMARK(BM_LoadFileAllThreads)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Iterations(3)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadFile)->Arg(1000000)->Arg(10000000)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenToFirstFrame)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    weft::MallocHugePages::enable(argv); // as the window and --export run
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    QCoreApplication::setOrganizationName(QStringLiteral("WeftBench"));
    return weft::bench::runBenchmarks(argc, argv);
}
