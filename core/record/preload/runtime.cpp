// SPDX-License-Identifier: MIT
// The recording channel of libweftrecord.so: initialisation, per-thread ring
// files, record emission, the descriptor table and the exec environment.

#include "preload.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/falloc.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace weft::record::preload {

__thread ThreadState t_state __attribute__((tls_model("initial-exec")));

bool g_enabled = false;
std::int32_t g_pid = 0;
char g_argvText[kMaxTextBytes + 1];
std::size_t g_argvTextBytes = 0;
std::uint8_t *g_fdState = nullptr;

namespace {

char g_dir[3072]; // $WEFT_RECORD_DIR
std::size_t g_dirBytes = 0;
char g_envDir[3100]; // "WEFT_RECORD_DIR=..."
char g_selfPath[1024]; // this library's path (for LD_PRELOAD)
int g_exitRecorded = 0; // one ProcessExit per image
bool g_tsc = false; // timestamps are raw TSC values (weft said the TSC is invariant)

// The records' clock: the TSC when weft asked for it ($WEFT_RECORD_CLOCK=tsc,
// given only where the CPU has an invariant TSC; weft maps it onto
// CLOCK_MONOTONIC), else CLOCK_MONOTONIC. The lfence orders the read after the
// instructions before it (as the vDSO's own clock read does), so a release
// recorded before an unlock and an acquire recorded after a lock keep their order.
inline std::int64_t recordTime()
{
#if defined(__x86_64__)
    if (g_tsc) {
        __builtin_ia32_lfence();
        return static_cast<std::int64_t>(__builtin_ia32_rdtsc());
    }
#endif
    return nowNs();
}

// Raw syscalls: the library's own descriptors never go through its wrappers.
int sysOpen(const char *path, int flags, int mode)
{
    return static_cast<int>(syscall(SYS_openat, AT_FDCWD, path, flags, mode));
}
void sysClose(int fd)
{
    syscall(SYS_close, fd);
}

char *appendUnsigned(char *p, std::uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

// Maps the calling thread's ring. Names are <pid>-<tid>-<seq>.wrr, created
// with O_EXCL: a name that exists (same pid and tid before an execve, a reused
// tid, or a reused pid) makes the sequence number go up instead.
bool newRing(ThreadState &t)
{
    char path[sizeof g_dir + 80];
    std::memcpy(path, g_dir, g_dirBytes);
    char *base = path + g_dirBytes;
    *base++ = '/';
    int fd = -1;
    for (int attempt = 0; attempt < 100000; ++attempt) {
        char *p = appendUnsigned(base, static_cast<std::uint32_t>(g_pid));
        *p++ = '-';
        p = appendUnsigned(p, static_cast<std::uint32_t>(t.tid));
        *p++ = '-';
        p = appendUnsigned(p, t.seq);
        std::memcpy(p, kRingSuffix, std::strlen(kRingSuffix) + 1);
        fd = sysOpen(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            break;
        ++t.seq;
    }
    if (fd < 0) {
        // Out of descriptors is temporary (drop this record); anything else is not.
        if (errno != EMFILE && errno != ENFILE && errno != EINTR)
            t.dead = 1;
        return false;
    }
    const std::uint32_t capacity = 1u << kRingSlotsLog2;
    const long bytes = static_cast<long>(ringFileBytes(capacity));
    // Reserve the blocks (a sparse file would SIGBUS the program on a full disk).
    if (syscall(SYS_fallocate, fd, 0, 0L, bytes) != 0) {
        if (errno == ENOSPC || syscall(SYS_ftruncate, fd, bytes) != 0) {
            syscall(SYS_unlinkat, AT_FDCWD, path, 0);
            sysClose(fd);
            t.dead = 1;
            return false;
        }
    }
    void *map
        = mmap(nullptr, static_cast<std::size_t>(bytes), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    sysClose(fd);
    if (map == MAP_FAILED) {
        t.dead = 1;
        return false;
    }
    auto *header = static_cast<RingHeader *>(map);
    header->version = kFormatVersion;
    header->pid = g_pid;
    header->tid = t.tid;
    header->sequence = t.seq;
    header->capacity = capacity;
    header->clock = static_cast<std::uint32_t>(g_tsc ? RecordClock::Tsc : RecordClock::Monotonic);
    header->createdNs = nowNs();
    header->createdTicks = g_tsc ? static_cast<std::uint64_t>(recordTime()) : 0;
    __atomic_store_n(&header->magic, kRingMagic, __ATOMIC_RELEASE);
    t.ring = header;
    t.slots = reinterpret_cast<RawRecord *>(reinterpret_cast<char *>(map) + kRingHeaderBytes);
    t.head = 0;
    t.tail = 0;
    t.dropped = 0;
    t.mask = capacity - 1;
    t.populated = 0;
    t.stalled = 0;
    ++t.seq;
    return true;
}

// Page faults one at a time cost far more than the records they make room for
// (~100 records per 4 KiB page; in some VMs a fault costs tens of
// microseconds), so on its first lap the ring is made writable ahead, 64 KiB
// at a time, with one madvise(MADV_POPULATE_WRITE) (Linux 5.14+; without it,
// plain faults). After the first lap every page is warm and reused.
constexpr std::uint32_t kPrefaultBytes = 64 * 1024;

void prefault(ThreadState &t, std::uint32_t need)
{
    // Offsets in the mapping (the slots start kRingHeaderBytes into it).
    const std::uint32_t capacity = t.mask + 1;
    char *base = reinterpret_cast<char *>(t.ring);
    std::uint64_t from = kRingHeaderBytes + std::uint64_t(t.populated) * sizeof(RawRecord);
    from &= ~std::uint64_t(4095);
    std::uint64_t to = from + kPrefaultBytes;
    const std::uint64_t needEnd
        = kRingHeaderBytes + std::uint64_t((t.head & t.mask) + need) * sizeof(RawRecord);
    if (to < needEnd)
        to = (needEnd + 4095) & ~std::uint64_t(4095);
    const std::uint64_t end = ringFileBytes(capacity);
    if (to > end)
        to = end;
    if (madvise(base + from, static_cast<std::size_t>(to - from), MADV_POPULATE_WRITE) != 0) {
        t.populated = capacity; // not supported: let the faults happen
        return;
    }
    t.populated = to >= end
        ? capacity
        : static_cast<std::uint32_t>((to - kRingHeaderBytes) / sizeof(RawRecord));
}

// The ring has no room for `need` slots: wait for the drainer to make some.
// It runs every millisecond or two, so a short wait is enough when it is
// merely behind; the wait is bounded (kMaxWaitNs per record) and sleeps with
// the raw syscall (never our own wrappers). A thread whose wait timed out
// (no drainer, or a stuck one) drops at once from then on, until the drainer's
// position moves again.
constexpr long kMaxWaitNs = 50L * 1000 * 1000;

bool makeRoom(ThreadState &t, std::uint32_t need)
{
    const std::uint64_t capacity = std::uint64_t(t.mask) + 1;
    auto loadTail = [&t] {
        std::uint64_t tail = __atomic_load_n(&t.ring->tail, __ATOMIC_ACQUIRE);
        return tail > t.head ? t.head : tail; // never trust a position ahead of ours
    };
    std::uint64_t tail = loadTail();
    if (t.head + need - tail <= capacity) {
        t.tail = tail;
        t.stalled = 0;
        return true;
    }
    if (t.stalled && tail == t.tail)
        return false;
    t.stalled = 0;
    // Few, longer sleeps: every wake-up of a waiting thread would preempt the drainer.
    long waited = 0;
    long step = 100 * 1000;
    while (waited < kMaxWaitNs) {
        timespec ts {0, step};
        syscall(SYS_nanosleep, &ts, nullptr);
        waited += step;
        if (step < 1000 * 1000)
            step *= 2;
        tail = loadTail();
        if (t.head + need - tail <= capacity) {
            t.tail = tail;
            return true;
        }
    }
    t.tail = tail;
    t.stalled = 1;
    return false;
}

void writeRecord(ThreadState &t, RawKind kind, std::uint64_t object, std::int64_t value,
                 std::int64_t value2, const void *text, std::size_t textBytes)
{
    if (textBytes > kMaxTextBytes)
        textBytes = kMaxTextBytes;
    const std::uint32_t need = recordSlots(static_cast<std::uint32_t>(textBytes));
    if (WEFT_UNLIKELY(!t.ring) && !newRing(t))
        return;
    const std::uint32_t capacity = t.mask + 1;
    if (WEFT_UNLIKELY(t.head + need - t.tail > capacity) && !makeRoom(t, need)) {
        ++t.dropped;
        __atomic_store_n(&t.ring->dropped, t.dropped, __ATOMIC_RELEASE);
        return;
    }
    const std::uint32_t slot = static_cast<std::uint32_t>(t.head) & t.mask;
    if (WEFT_UNLIKELY(t.populated < capacity) && slot + need > t.populated)
        prefault(t, need);
    RawRecord *r = t.slots + slot;
    r->timeNs = recordTime();
    r->object = object;
    r->value = value;
    r->value2 = value2;
    r->kind = static_cast<std::uint16_t>(kind);
    r->textBytes = static_cast<std::uint16_t>(textBytes);
    r->tid = t.tid;
    if (textBytes) {
        // The text follows modulo the capacity: the part past the ring's end goes to its start.
        const std::size_t room = std::size_t(capacity - slot - 1) * sizeof(RawRecord);
        const std::size_t first = textBytes < room ? textBytes : room;
        if (first)
            std::memcpy(r + 1, text, first);
        if (first < textBytes)
            std::memcpy(t.slots, static_cast<const char *>(text) + first, textBytes - first);
    }
    t.head += need;
    __atomic_store_n(&t.ring->head, t.head, __ATOMIC_RELEASE);
}

// A PySite record before the record about to be written, if the thread holds
// the GIL and its Python line changed (python.cpp).
void writeSite(ThreadState &t)
{
    PySiteOut site;
    if (pythonSite(site))
        writeRecord(t, RawKind::PySite, site.code, site.line, 0, site.path, site.pathBytes);
}

// Resolves every wrapped function, so that dlsym (which may allocate and lock)
// runs here and not inside the program's own calls.
void resolveAll()
{
    resolveSync();
    resolveIo();
    resolveProcess();
    resolvePython();
}

void buildArgvText(int argc, char **argv)
{
    std::size_t n = 0;
    for (int i = 0; argv && i < argc && argv[i]; ++i) {
        if (i && n < kMaxTextBytes)
            g_argvText[n++] = ' ';
        for (const char *s = argv[i]; *s && n < kMaxTextBytes; ++s)
            g_argvText[n++] = *s;
    }
    g_argvText[n] = 0;
    g_argvTextBytes = n;
}

void recordProcessBegin()
{
    ThreadState &t = t_state;
    t.begun = 1;
    emit(RawKind::ProcessBegin, 0, getppid(), 0, g_argvText, g_argvTextBytes);
}

// glibc passes (argc, argv, envp) to constructors of shared objects.
__attribute__((constructor(101))) void weftRecordInit(int argc, char **argv, char **)
{
    GuardScope guard;
    const char *dir = getenv(kRecordDirEnv);
    resolveAll();
    if (!dir || !*dir)
        return;
    std::size_t n = std::strlen(dir);
    if (n >= sizeof g_dir - 1)
        return;
    std::memcpy(g_dir, dir, n + 1);
    g_dirBytes = n;
    std::strcpy(g_envDir, "WEFT_RECORD_DIR=");
    std::memcpy(g_envDir + 16, dir, n + 1);
    Dl_info info;
    if (dladdr(reinterpret_cast<void *>(&weftRecordInit), &info) && info.dli_fname) {
        std::size_t m = std::strlen(info.dli_fname);
        if (m < sizeof g_selfPath)
            std::memcpy(g_selfPath, info.dli_fname, m + 1);
    }
    void *table
        = mmap(nullptr, kFdTableSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (table == MAP_FAILED)
        return;
    g_fdState = static_cast<std::uint8_t *>(table);
    buildArgvText(argc, argv);
    g_pid = static_cast<std::int32_t>(syscall(SYS_getpid));
#if defined(__x86_64__)
    const char *clock = getenv(kRecordClockEnv);
    g_tsc = clock && std::strcmp(clock, "tsc") == 0;
#endif
    g_enabled = true;
    --t_state.guard; // ProcessBegin is a record like any other
    recordProcessBegin();
    ++t_state.guard;
}

// A process image that ends without exit()/_exit()/return from main (the last
// thread called pthread_exit, or the program did not start through
// __libc_start_main) gets its ProcessExit here, code unknown (value2 = 1).
__attribute__((destructor)) void weftRecordFini()
{
    recordProcessExit(0, false);
}

int (*g_realMain)(int, char **, char **) = nullptr;

int mainTrampoline(int argc, char **argv, char **envp)
{
    int code = g_realMain(argc, argv, envp);
    recordProcessExit(code, true);
    return code;
}

} // namespace

std::int64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::int32_t currentTid()
{
    ThreadState &t = t_state;
    if (WEFT_UNLIKELY(t.tid == 0))
        t.tid = static_cast<std::int32_t>(syscall(SYS_gettid));
    return t.tid;
}

void emit(RawKind kind, std::uint64_t object, std::int64_t value, std::int64_t value2,
          const void *text, std::size_t textBytes)
{
    ThreadState &t = t_state;
    if (!g_enabled || t.guard || t.dead || t.ended)
        return;
    ++t.guard;
    const int savedErrno = errno;
    if (WEFT_UNLIKELY(t.tid == 0))
        t.tid = static_cast<std::int32_t>(syscall(SYS_gettid));
    if (WEFT_UNLIKELY(!t.begun)) {
        // A thread not started through our pthread_create (glibc internal
        // helpers, raw clone): its first record says it exists.
        t.begun = 1;
        if (t.tid != g_pid)
            writeRecord(t, RawKind::ThreadBegin, static_cast<std::uint64_t>(pthread_self()), 0, 0,
                        nullptr, 0);
    }
    if (WEFT_UNLIKELY(g_python))
        writeSite(t);
    writeRecord(t, kind, object, value, value2, text, textBytes);
    errno = savedErrno;
    --t.guard;
}

void noteSite()
{
    ThreadState &t = t_state;
    if (!g_python || !g_enabled || t.guard || t.dead || t.ended || !t.begun)
        return;
    ++t.guard;
    const int savedErrno = errno;
    if (WEFT_UNLIKELY(t.tid == 0))
        t.tid = static_cast<std::int32_t>(syscall(SYS_gettid));
    writeSite(t);
    errno = savedErrno;
    --t.guard;
}

void recordThreadEnd()
{
    ThreadState &t = t_state;
    if (!g_enabled || t.ended)
        return;
    emit(RawKind::ThreadEnd, static_cast<std::uint64_t>(pthread_self()), 0, 0);
    t.ended = 1;
    if (t.ring && t.guard == 0) {
        // Closed: the drainer may retire the ring once it has copied it out.
        // (Only when we let go of the mapping: a ring still mapped could be written again.)
        __atomic_or_fetch(&t.ring->flags, kRingClosed, __ATOMIC_RELEASE);
        munmap(t.ring, static_cast<std::size_t>(ringFileBytes(t.mask + 1)));
        t.ring = nullptr;
        t.slots = nullptr;
    }
}

void recordProcessExit(std::int64_t code, bool known)
{
    if (!g_enabled)
        return;
    if (__atomic_exchange_n(&g_exitRecorded, 1, __ATOMIC_ACQ_REL))
        return;
    ThreadState &t = t_state;
    const std::uint8_t ended = t.ended;
    t.ended = 0; // a thread past its ThreadEnd may still end the process
    emit(RawKind::ProcessExit, 0, code, known ? 0 : 1);
    t.ended = ended;
}

void *resolveNext(const char *name, const char *version)
{
    GuardScope guard;
    const int savedErrno = errno;
    void *p = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
    errno = savedErrno;
    return p;
}

void afterForkInChild()
{
    ThreadState &t = t_state;
    // The parent's ring is the parent's: let go of our copy of the mapping.
    if (t.ring)
        munmap(t.ring, static_cast<std::size_t>(ringFileBytes(t.mask + 1)));
    t.ring = nullptr;
    t.slots = nullptr;
    t.head = t.tail = t.dropped = 0;
    t.stalled = 0;
    t.seq = 0;
    t.tid = 0;
    t.dead = 0;
    t.ended = 0;
    g_pid = static_cast<std::int32_t>(syscall(SYS_getpid));
    g_exitRecorded = 0;
    if (g_python)
        pythonAfterFork();
    recordProcessBegin();
}

// ---- descriptor table -----------------------------------------------------

void fdForget(int fd)
{
    if (g_fdState && fd >= 0 && fd < kFdTableSize)
        __atomic_store_n(&g_fdState[fd], std::uint8_t {0}, __ATOMIC_RELAXED);
}

// ---- exec environment ------------------------------------------------------

char *const *patchEnvironment(char *const *envp, void **mapping, std::size_t *mapBytes)
{
    *mapping = nullptr;
    *mapBytes = 0;
    if (!g_enabled)
        return envp;
    static const char kPreload[] = "LD_PRELOAD=";
    const std::size_t preloadKey = sizeof kPreload - 1;
    bool haveDir = false;
    const char *preload = nullptr;
    std::size_t count = 0;
    for (char *const *e = envp; e && *e; ++e, ++count) {
        if (std::strncmp(*e, "WEFT_RECORD_DIR=", 16) == 0)
            haveDir = true;
        else if (std::strncmp(*e, kPreload, preloadKey) == 0)
            preload = *e;
    }
    const bool preloadOk = !g_selfPath[0] || (preload && std::strstr(preload, g_selfPath));
    if (haveDir && preloadOk)
        return envp;
    const std::size_t selfBytes = std::strlen(g_selfPath);
    const std::size_t newPreloadBytes
        = preloadKey + selfBytes + 1 + (preload ? std::strlen(preload) - preloadKey : 0) + 1;
    const std::size_t bytes = (count + 3) * sizeof(char *) + newPreloadBytes + sizeof g_envDir;
    void *map = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return envp;
    char **out = static_cast<char **>(map);
    char *strings = reinterpret_cast<char *>(out + count + 3);
    std::size_t n = 0;
    for (char *const *e = envp; e && *e; ++e) {
        if (!preloadOk && *e == preload)
            continue;
        out[n++] = *e;
    }
    if (!preloadOk) {
        char *p = strings;
        std::memcpy(p, kPreload, preloadKey);
        p += preloadKey;
        std::memcpy(p, g_selfPath, selfBytes);
        p += selfBytes;
        if (preload && preload[preloadKey]) {
            *p++ = ':';
            std::size_t rest = std::strlen(preload + preloadKey);
            std::memcpy(p, preload + preloadKey, rest);
            p += rest;
        }
        *p++ = 0;
        out[n++] = strings;
        strings = p;
    }
    if (!haveDir) {
        std::size_t m = std::strlen(g_envDir);
        std::memcpy(strings, g_envDir, m + 1);
        out[n++] = strings;
    }
    out[n] = nullptr;
    *mapping = map;
    *mapBytes = bytes;
    return out;
}

} // namespace weft::record::preload

using namespace weft::record::preload;

// Wrapping main gives ProcessExit the code main returns (libc's own call to
// exit() after main does not go through the PLT).
using StartMain = int (*)(int (*)(int, char **, char **), int, char **, void (*)(), void (*)(),
                          void (*)(), void *);
WEFT_EXPORT int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
                                  void (*init)(), void (*fini)(), void (*rtldFini)(),
                                  void *stackEnd)
{
    static StartMain real = nullptr;
    if (!real)
        real = reinterpret_cast<StartMain>(resolveNext("__libc_start_main", nullptr));
    g_realMain = main;
    return real(mainTrampoline, argc, argv, init, fini, rtldFini, stackEnd);
}
