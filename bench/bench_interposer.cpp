// SPDX-License-Identifier: MIT
// Cost of recording with libweftrecord.so (`weft record`), side by side in one
// process: each pair of benchmarks calls the same libc function once through
// the interposer (the symbol the program links against, which LD_PRELOAD
// points at the wrapper) and once directly (libc's own definition, looked up
// in libc.so.6). Run without arguments, the program starts itself again with
// LD_PRELOAD and WEFT_RECORD_DIR set (a temporary directory on /dev/shm, removed
// after) while this process runs weft's RingDrainer on it, as `weft record`
// does: every wrapped call writes its records for real into its thread's ring
// and the drainer copies them into chunk files. The clock is the TSC where it
// is invariant (WEFT_RECORD_CLOCK=monotonic to compare with clock_gettime).
// Iterations are fixed (1 Mi per benchmark) so the recording stays ~80 MB.
//
//   bench_interposer --program COMMAND...   runs COMMAND plain, then recorded
//   through ProgramRecorder (as `weft record` does), and prints both wall times.

#include "core/record/programrecorder.h"
#include "core/record/ringdrainer.h"

#include <QStringList>
#include <benchmark/benchmark.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <semaphore.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef WEFT_RECORD_LIBRARY
#error "WEFT_RECORD_LIBRARY must name libweftrecord.so"
#endif

namespace {

constexpr benchmark::IterationCount kIterations = 1 << 20;

template<typename F> F libcSymbol(const char *name)
{
    static void *libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
    return reinterpret_cast<F>(dlsym(libc, name));
}

struct Real
{
    decltype(&::pthread_mutex_lock) mutexLock
        = libcSymbol<decltype(&::pthread_mutex_lock)>("pthread_mutex_lock");
    decltype(&::pthread_mutex_unlock) mutexUnlock
        = libcSymbol<decltype(&::pthread_mutex_unlock)>("pthread_mutex_unlock");
    decltype(&::sem_trywait) semTrywait = libcSymbol<decltype(&::sem_trywait)>("sem_trywait");
    decltype(&::sem_post) semPost = libcSymbol<decltype(&::sem_post)>("sem_post");
    decltype(&::write) write = libcSymbol<decltype(&::write)>("write");
    decltype(&::read) read = libcSymbol<decltype(&::read)>("read");
};
const Real &real()
{
    static const Real r;
    return r;
}

void mutexPair(benchmark::State &state, bool wrapped)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    auto lock = wrapped ? &::pthread_mutex_lock : real().mutexLock;
    auto unlock = wrapped ? &::pthread_mutex_unlock : real().mutexUnlock;
    for (auto _ : state) {
        lock(&m);
        unlock(&m);
    }
    state.SetLabel("lock + unlock, uncontended");
}

void semPair(benchmark::State &state, bool wrapped)
{
    sem_t s;
    sem_init(&s, 0, 1);
    auto tryWait = wrapped ? &::sem_trywait : real().semTrywait;
    auto post = wrapped ? &::sem_post : real().semPost;
    for (auto _ : state) {
        tryWait(&s);
        post(&s);
    }
    sem_destroy(&s);
    state.SetLabel("sem_trywait + sem_post (a Python `with lock:`)");
}

void pipeWrite(benchmark::State &state, bool wrapped)
{
    int fds[2];
    if (pipe2(fds, O_NONBLOCK) != 0) {
        state.SkipWithError("pipe2");
        return;
    }
    auto writeFn = wrapped ? &::write : real().write;
    char byte = 'x';
    char drain[4096];
    long n = 0;
    for (auto _ : state) {
        writeFn(fds[1], &byte, 1);
        if (++n % 4096 == 0) // keep the pipe from filling (same cost in both variants)
            while (real().read(fds[0], drain, sizeof drain) > 0) { }
    }
    close(fds[0]);
    close(fds[1]);
    state.SetLabel("1-byte write to a pipe");
}

// The hot path alone: bursts of 4096 lock/unlock pairs (8192 records, a
// quarter of a ring), with a pause between bursts in which the drainer catches
// up, so the thread never waits for room. What a program that records less than
// the drainer copies (~5-10 M records/s here) pays per call.
void mutexBurst(benchmark::State &state, bool wrapped)
{
    constexpr int kPairs = 4096;
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    auto lock = wrapped ? &::pthread_mutex_lock : real().mutexLock;
    auto unlock = wrapped ? &::pthread_mutex_unlock : real().mutexUnlock;
    for (auto _ : state) {
        for (int i = 0; i < kPairs; ++i) {
            lock(&m);
            unlock(&m);
        }
        state.PauseTiming();
        timespec pause {0, 3 * 1000 * 1000};
        while (nanosleep(&pause, &pause) != 0 && errno == EINTR) { }
        state.ResumeTiming();
    }
    state.counters["ns_per_pair"]
        = benchmark::Counter(double(state.iterations()) * kPairs,
                             benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.SetLabel("bursts of 4096 lock + unlock, the drainer keeping up");
}

void mutexPlain(benchmark::State &s)
{
    mutexPair(s, false);
}
void mutexBurstPlain(benchmark::State &s)
{
    mutexBurst(s, false);
}
void mutexBurstWrapped(benchmark::State &s)
{
    mutexBurst(s, true);
}
void mutexWrapped(benchmark::State &s)
{
    mutexPair(s, true);
}
void semPlain(benchmark::State &s)
{
    semPair(s, false);
}
void semWrapped(benchmark::State &s)
{
    semPair(s, true);
}
void pipePlain(benchmark::State &s)
{
    pipeWrite(s, false);
}
void pipeWrapped(benchmark::State &s)
{
    pipeWrite(s, true);
}

BENCHMARK(mutexPlain)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(mutexWrapped)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(mutexBurstPlain)
    ->Iterations(300)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();
BENCHMARK(mutexBurstWrapped)
    ->Iterations(300)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();
BENCHMARK(semPlain)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(semWrapped)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(pipePlain)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(pipeWrapped)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);

int removeEntry(const char *path, const struct stat *, int, FTW *)
{
    return ::remove(path);
}

// Runs this program again under the interposer and removes the recording after.
int runRecorded(char **argv)
{
    char dir[] = "/dev/shm/weft-bench-interposer-XXXXXX";
    char fallback[] = "/tmp/weft-bench-interposer-XXXXXX";
    char *path = mkdtemp(dir);
    if (!path)
        path = mkdtemp(fallback);
    if (!path) {
        std::perror("mkdtemp");
        return 1;
    }
    if (!std::getenv(weft::record::kRecordClockEnv)
        && weft::record::RingDrainer::hostHasInvariantTsc())
        setenv(weft::record::kRecordClockEnv, "tsc", 1);
    weft::record::RingDrainer drainer(QString::fromLocal8Bit(path));
    drainer.start();
    pid_t child = fork();
    if (child == 0) {
        setenv("WEFT_RECORD_DIR", path, 1);
        setenv("LD_PRELOAD", WEFT_RECORD_LIBRARY, 1);
        execv("/proc/self/exe", argv);
        std::perror("execv");
        _exit(127);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    drainer.stop();
    std::printf("clock %s; drainer: %llu records copied, %llu dropped\n",
                std::getenv(weft::record::kRecordClockEnv)
                    ? std::getenv(weft::record::kRecordClockEnv)
                    : "monotonic",
                static_cast<unsigned long long>(drainer.drainedRecords()),
                static_cast<unsigned long long>(drainer.droppedEvents()));
    nftw(path, removeEntry, 16, FTW_DEPTH | FTW_PHYS);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// bench_interposer --program COMMAND...: plain, then recorded.
int runProgram(int argc, char **argv)
{
    QStringList command;
    for (int i = 2; i < argc; ++i)
        command << QString::fromLocal8Bit(argv[i]);
    if (command.isEmpty())
        return 2;
    auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[2], nullptr, nullptr, argv + 2, environ) != 0)
        return 1;
    int status = 0;
    waitpid(pid, &status, 0);
    const double plain = secondsSince(start);

    weft::record::ProgramRecorder recorder;
    weft::record::ProgramRecorder::Options options;
    options.command = command;
    options.preloadLibrary = QStringLiteral(WEFT_RECORD_LIBRARY);
    QString error;
    start = std::chrono::steady_clock::now();
    if (!recorder.start(options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    recorder.waitForFinished();
    const double recorded = secondsSince(start);
    start = std::chrono::steady_clock::now();
    const weft::Trace trace = recorder.trace();
    const double decoded = secondsSince(start);
    std::printf("plain %.3f s, recorded %.3f s (x%.1f); final drain + read + decode %.3f s; "
                "%zu events, %llu dropped\n",
                plain, recorded, recorded / plain, decoded, trace.events().size(),
                static_cast<unsigned long long>(trace.metadata().droppedEvents));
    for (const QString &w : recorder.warnings())
        std::printf("warning: %s\n", qPrintable(w));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--program") == 0)
        return runProgram(argc, argv);
    if (!std::getenv("WEFT_RECORD_DIR") || !std::getenv("LD_PRELOAD"))
        return runRecorded(argv);
    if (reinterpret_cast<void *>(&::pthread_mutex_lock)
        == reinterpret_cast<void *>(real().mutexLock)) {
        std::fprintf(stderr, "bench_interposer: pthread_mutex_lock is not interposed\n");
        return 1;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
