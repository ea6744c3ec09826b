// SPDX-License-Identifier: MIT
// Cost of recording with libweftrecord.so (`weft record`), side by side in one
// process: each pair of benchmarks calls the same libc function once through
// the interposer (the symbol the program links against, which LD_PRELOAD
// points at the wrapper) and once directly (libc's own definition, looked up
// in libc.so.6). Run without arguments, the program starts itself again with
// LD_PRELOAD and WEFT_RECORD_DIR set (a temporary directory, removed after).
// Every wrapped call writes its records for real, chunk files included.
// Iterations are fixed (1 Mi per benchmark) so the recording stays ~80 MB.

#include <benchmark/benchmark.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef WEFT_RECORD_LIBRARY
#error "WEFT_RECORD_LIBRARY must name libweftrecord.so"
#endif

namespace {

constexpr benchmark::IterationCount kIterations = 1 << 20;

template<typename F>
F libcSymbol(const char *name)
{
    static void *libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
    return reinterpret_cast<F>(dlsym(libc, name));
}

struct Real
{
    decltype(&::pthread_mutex_lock) mutexLock = libcSymbol<decltype(&::pthread_mutex_lock)>("pthread_mutex_lock");
    decltype(&::pthread_mutex_unlock) mutexUnlock = libcSymbol<decltype(&::pthread_mutex_unlock)>("pthread_mutex_unlock");
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
        if (++n % 4096 == 0)  // keep the pipe from filling (same cost in both variants)
            while (real().read(fds[0], drain, sizeof drain) > 0) {
            }
    }
    close(fds[0]);
    close(fds[1]);
    state.SetLabel("1-byte write to a pipe");
}

void mutexPlain(benchmark::State &s) { mutexPair(s, false); }
void mutexWrapped(benchmark::State &s) { mutexPair(s, true); }
void semPlain(benchmark::State &s) { semPair(s, false); }
void semWrapped(benchmark::State &s) { semPair(s, true); }
void pipePlain(benchmark::State &s) { pipeWrite(s, false); }
void pipeWrapped(benchmark::State &s) { pipeWrite(s, true); }

BENCHMARK(mutexPlain)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(mutexWrapped)->Iterations(kIterations)->Repetitions(3)->ReportAggregatesOnly(true);
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
    char dir[] = "/tmp/weft-bench-interposer-XXXXXX";
    if (!mkdtemp(dir)) {
        std::perror("mkdtemp");
        return 1;
    }
    pid_t child = fork();
    if (child == 0) {
        setenv("WEFT_RECORD_DIR", dir, 1);
        setenv("LD_PRELOAD", WEFT_RECORD_LIBRARY, 1);
        execv("/proc/self/exe", argv);
        std::perror("execv");
        _exit(127);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    nftw(dir, removeEntry, 16, FTW_DEPTH | FTW_PHYS);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (!std::getenv("WEFT_RECORD_DIR") || !std::getenv("LD_PRELOAD"))
        return runRecorded(argv);
    if (reinterpret_cast<void *>(&::pthread_mutex_lock) == reinterpret_cast<void *>(real().mutexLock)) {
        std::fprintf(stderr, "bench_interposer: pthread_mutex_lock is not interposed\n");
        return 1;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
