// SPDX-License-Identifier: MIT
// Chrome Trace Event JSON import speed (CPU time: the machine is shared), against the baselines the
// issue names: simdjson's DOM parser and QJsonDocument (parse + walk, no Trace built).
//
//   bench_import                          Google Benchmark runs (MB/s as bytes_per_second)
//   bench_import --generate FILE MB       write a synthetic trace of about MB megabytes
//   bench_import --load FILE [weft|dom|qjson]
//                                         load once and print wall time and peak RSS
//                                         (one load per process, so the peak is that load's)
//                                         WEFT_IMPORT_THREADS=0 parses on one thread (see
//                                         ChromeSliceWorkers)
#include "bench/runbenchmarks.h"
#include "core/interchange/traceloader.h"
#include "core/mallochugepages.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <exception>
#include <malloc.h>
#include <simdjson.h>
#include <string>
#include <sys/resource.h>

using namespace weft;

namespace {

// A mix like a browser trace: mostly complete events with args, some B/E,
// instants, counters and flows, on 4 processes x 8 threads.
std::string makeTrace(std::size_t megabytes)
{
    const std::size_t target = megabytes * 1000 * 1000;
    std::string out;
    out.reserve(target + 4096);
    out += "{\"traceEvents\":[\n";
    quint64 seed = 42;
    auto next = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(seed >> 33);
    };
    static const char *names[]
        = {"RunTask", "ThreadControllerImpl::RunTask", "V8.Execute", "Paint",
           "Layout",  "ResourceLoader::Load",          "GPUTask",    "MessageLoop::RunTask"};
    double ts = 1000.0;
    std::size_t flow = 0;
    char line[512];
    bool first = true;
    while (out.size() < target) {
        ts += (next() % 5000) / 1000.0;
        const int pid = 1000 + int(next() % 4);
        const int tid = pid * 10 + int(next() % 8);
        const char *name = names[next() % 8];
        const quint32 kind = next() % 100;
        int n = 0;
        if (kind < 70) {
            n = std::snprintf(
                line, sizeof line,
                "{\"name\":\"%s\",\"cat\":\"toplevel\",\"ph\":\"X\",\"ts\":%.3f,\"dur\":%.3f,"
                "\"pid\":%d,\"tid\":%d,\"args\":{\"src_file\":\"../../base/task/"
                "sequence_manager.cc\","
                "\"src_func\":\"%s\"}}",
                name, ts, (next() % 900) / 1000.0, pid, tid, name);
        } else if (kind < 80) {
            n = std::snprintf(line, sizeof line,
                              "{\"name\":\"%s\",\"cat\":\"blink\",\"ph\":\"B\",\"ts\":%.3f,\"pid\":"
                              "%d,\"tid\":%d},\n"
                              "{\"ph\":\"E\",\"ts\":%.3f,\"pid\":%d,\"tid\":%d}",
                              name, ts, pid, tid, ts + 0.5, pid, tid);
        } else if (kind < 90) {
            n = std::snprintf(
                line, sizeof line,
                "{\"name\":\"%s\",\"ph\":\"i\",\"s\":\"t\",\"ts\":%.3f,\"pid\":%d,\"tid\":%d}",
                name, ts, pid, tid);
        } else if (kind < 95) {
            n = std::snprintf(line, sizeof line,
                              "{\"name\":\"JSHeap\",\"ph\":\"C\",\"ts\":%.3f,\"pid\":%d,\"tid\":%d,"
                              "\"args\":{\"used\":%u,\"total\":%u}}",
                              ts, pid, tid, next() % 100000, 100000 + next() % 1000);
        } else {
            ++flow;
            n = std::snprintf(line, sizeof line,
                              "{\"name\":\"PostTask\",\"cat\":\"flow\",\"ph\":\"s\",\"id\":%zu,"
                              "\"ts\":%.3f,\"pid\":%d,\"tid\":%d},\n"
                              "{\"name\":\"PostTask\",\"cat\":\"flow\",\"ph\":\"f\",\"bp\":\"e\","
                              "\"id\":%zu,\"ts\":%.3f,\"pid\":%d,\"tid\":%d}",
                              flow, ts, pid, tid, flow, ts + 1, pid, pid * 10 + int(next() % 8));
        }
        if (!first)
            out += ",\n";
        first = false;
        out.append(line, std::size_t(n));
    }
    out += "\n]}\n";
    return out;
}

const std::string &traceOf(std::size_t megabytes)
{
    static std::size_t size = 0;
    static std::string text;
    if (size != megabytes) {
        text = makeTrace(megabytes);
        size = megabytes;
    }
    return text;
}

void BM_WeftImport(benchmark::State &state)
{
    const std::string &json = traceOf(std::size_t(state.range(0)));
    for (auto _ : state) {
        QString error;
        auto trace = loadTraceBytes(QByteArrayView(json.data(), qsizetype(json.size())), &error);
        if (!trace)
            state.SkipWithError(qPrintable(error));
        benchmark::DoNotOptimize(trace);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(json.size()));
}
BENCHMARK(BM_WeftImport)->Arg(100)->Unit(benchmark::kMillisecond);

// The whole file as one simdjson DOM: what "use the DOM" would cost.
void BM_SimdjsonDomParse(benchmark::State &state)
{
    const std::string &json = traceOf(std::size_t(state.range(0)));
    const simdjson::padded_string padded(json);
    simdjson::dom::parser parser;
    for (auto _ : state) {
        std::size_t events = 0;
        simdjson::dom::element doc;
        if (parser.parse(padded).get(doc)) {
            state.SkipWithError("DOM parse failed");
            break;
        }
        for (simdjson::dom::element e : doc["traceEvents"].get_array()) {
            benchmark::DoNotOptimize(e["ts"].get_double());
            ++events;
        }
        benchmark::DoNotOptimize(events);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(json.size()));
}
BENCHMARK(BM_SimdjsonDomParse)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_QJsonDocument(benchmark::State &state)
{
    const std::string &json = traceOf(std::size_t(state.range(0)));
    const QByteArray bytes = QByteArray::fromRawData(json.data(), qsizetype(json.size()));
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        double sum = 0;
        for (const QJsonValue v : doc.object().value(QLatin1String("traceEvents")).toArray())
            sum += v.toObject().value(QLatin1String("ts")).toDouble();
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(json.size()));
}
BENCHMARK(BM_QJsonDocument)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(2);

long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// CPU seconds of this process: on a shared machine wall time mostly measures the neighbours.
double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage usage {};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int generate(const char *path, const char *megabytes)
{
    const std::string json = makeTrace(std::size_t(std::atol(megabytes)));
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(json.data(), qint64(json.size())) != qint64(json.size())) {
        std::fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    std::printf("wrote %zu bytes to %s\n", json.size(), path);
    return 0;
}

int loadOnce(const char *path, const char *mode)
{
    const QString file = QString::fromLocal8Bit(path);
    const double size = double(QFile(file).size());
    const long before = peakRssKb();
    const double cpuBefore = cpuSeconds();
    const double threadBefore = cpuSeconds(RUSAGE_THREAD);
    QElapsedTimer timer;
    timer.start();
    std::size_t events = 0;
    std::optional<Trace> kept; // held until the end, so its heap is counted
    const std::size_t heapBefore = mallinfo2().uordblks + mallinfo2().hblkhd;
    if (std::strcmp(mode, "weft") == 0) {
        QString error;
        kept = loadTraceFile(file, &error);
        if (!kept) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        events = kept->events().size();
    } else if (std::strcmp(mode, "dom") == 0) {
        simdjson::dom::parser parser;
        simdjson::dom::element doc;
        if (parser.load(path).get(doc))
            return 1;
        events = doc["traceEvents"].get_array().size();
    } else {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        events = std::size_t(doc.object().value(QLatin1String("traceEvents")).toArray().size());
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    // The calling thread scans, converts and builds; the parser threads
    // (ChromeSliceWorkers) have the rest. On idle cores the load takes about
    // the longer of the two (the workers' share split among them).
    const double mainThread = cpuSeconds(RUSAGE_THREAD) - threadBefore;
    const long peak = peakRssKb();
    std::printf("%s: %.1f MB in %.3f s wall (%.0f MB/s), %.3f s CPU (%.0f MB/s); %zu events; "
                "peak RSS %.1f MB (%.2fx the file; %.1f MB before loading)\n",
                mode, size / 1e6, seconds, size / 1e6 / seconds, cpu, size / 1e6 / cpu, events,
                double(peak) / 1024.0, double(peak) * 1024.0 / size, double(before) / 1024.0);
    if (kept) {
        std::printf("threads: calling thread %.3f s CPU, parser threads %.3f s CPU in all\n",
                    mainThread, cpu - mainThread);
        // What the built Trace holds on the heap, per event (strings included).
        std::size_t textBytes = 0;
        for (int id = 1; id <= kept->stringCount(); ++id)
            textBytes += std::size_t(kept->text(quint32(id)).capacity()) * 2 + 32;
        const struct mallinfo2 after = mallinfo2();
        const double held = double(after.uordblks + after.hblkhd - heapBefore);
        std::printf("trace: %.1f MB on the heap, %.1f bytes per event (%.1f without its %d "
                    "strings, ~%.1f MB)\n",
                    held / 1e6, held / double(events), (held - double(textBytes)) / double(events),
                    kept->stringCount(), double(textBytes) / 1e6);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    weft::MallocHugePages::enable(argv); // as the window and --export run
    // An exception (std::bad_alloc, a library's error) ends the run with a
    // message and status 1 rather than in std::terminate.
    try {
        if (argc == 4 && std::strcmp(argv[1], "--generate") == 0)
            return generate(argv[2], argv[3]);
        if ((argc == 3 || argc == 4) && std::strcmp(argv[1], "--load") == 0)
            return loadOnce(argv[2], argc == 4 ? argv[3] : "weft");
        return weft::bench::runBenchmarks(argc, argv);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_import: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "bench_import: unknown exception\n");
    }
    return 1;
}
