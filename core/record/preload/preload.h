// SPDX-License-Identifier: MIT
#pragma once

// Internal header of libweftrecord.so, the LD_PRELOAD interposer behind
// `weft record`. Plain C++ on libc only: no exceptions, no RTTI, no libstdc++
// runtime, no allocation on the recording path. See rawrecord.h for the format.

#include "core/record/rawrecord.h"

#include <cstddef>
#include <cstdint>
#include <dlfcn.h>

#define WEFT_EXPORT extern "C" __attribute__((visibility("default")))
#define WEFT_LIKELY(x) __builtin_expect(!!(x), 1)
#define WEFT_UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace weft::record::preload {

// Per-thread recording state. Initial-exec TLS: no __tls_get_addr, no
// allocation by the loader, usable from signal handlers.
struct ThreadState
{
    RingHeader *ring; // the thread's ring mapping (nullptr: none yet)
    RawRecord *slots; // the ring's first slot
    std::uint64_t head; // slots written (mirror of ring->head)
    std::uint64_t tail; // last ring->tail seen (the drainer's position)
    std::uint64_t dropped; // mirror of ring->dropped
    std::uint32_t mask; // capacity - 1
    std::uint32_t seq; // next ring sequence number to try
    std::uint32_t populated; // slots below this are known to be mapped in (prefaulted)
    std::int32_t tid; // 0: not looked up yet
    std::int32_t guard; // > 0: inside the interposer, record nothing
    std::uint8_t dead; // ring creation failed for good: record nothing
    std::uint8_t begun; // ThreadBegin (or ProcessBegin) written
    std::uint8_t ended; // ThreadEnd written: record nothing more
    std::uint8_t stalled; // a wait for the drainer timed out: drop at once until it moves
};

extern __thread ThreadState t_state __attribute__((tls_model("initial-exec")));

extern bool g_enabled; // $WEFT_RECORD_DIR set and the channel usable
extern std::int32_t g_pid; // refreshed in the child after fork

// Is this call to be recorded? (enabled, not nested in the interposer, thread alive)
inline bool active()
{
    const ThreadState &t = t_state;
    return WEFT_LIKELY(g_enabled) && t.guard == 0 && !t.dead && !t.ended;
}

// Appends one record (plus text) to the calling thread's ring. Preserves errno.
void emit(RawKind kind, std::uint64_t object, std::int64_t value, std::int64_t value2,
          const void *text = nullptr, std::size_t textBytes = 0);

std::int32_t currentTid();

// Marks the calling thread as inside the interposer while alive.
struct GuardScope
{
    GuardScope() { ++t_state.guard; }
    ~GuardScope() { --t_state.guard; }
    GuardScope(const GuardScope &) = delete;
    GuardScope &operator=(const GuardScope &) = delete;
};

// dlsym(RTLD_NEXT) (or dlvsym when version is given) under the guard.
void *resolveNext(const char *name, const char *version);

// Called from the constructor to resolve every wrapped function eagerly.
void resolveSync();
void resolveIo();
void resolveProcess();

// Called in the child right after fork: fresh ids, a fresh ring, ProcessBegin.
void afterForkInChild();
// Process exit bookkeeping (one ProcessExit per process image).
void recordProcessExit(std::int64_t code, bool known);

// The invoking thread's ThreadEnd (once).
void recordThreadEnd();

// Descriptor table (fd < kFdTableSize).
inline constexpr int kFdTableSize = 65536;
extern std::uint8_t *g_fdState; // per fd: 0 unknown, else kFdKnown|kFdAnnounced|FdType
inline constexpr std::uint8_t kFdKnown = 0x80, kFdAnnounced = 0x40, kFdRecorded = 0x20,
                              kFdTypeMask = 0x0f;
void fdForget(int fd); // fd closed or replaced
// Environment to pass to execve & co.: envp with WEFT_RECORD_DIR and our
// LD_PRELOAD added if missing. *mapping/*mapBytes: to munmap if exec returns.
char *const *patchEnvironment(char *const *envp, void **mapping, std::size_t *mapBytes);
extern char g_argvText[kMaxTextBytes + 1];
extern std::size_t g_argvTextBytes;

std::int64_t nowNs();

// ---- Python (python.cpp) ---------------------------------------------------
extern bool g_python; // CPython's C-API is in the process
extern std::uint64_t g_gilCond, g_gilMutex; // the GIL's pair, once recognised (0 before)
void resolvePython();
struct PySiteOut
{
    std::uint64_t code;
    std::int32_t line;
    const char *path; // nullptr: this thread sent the path of `code` before
    std::size_t pathBytes;
};
// The calling thread holds the GIL and its site changed since the last PySite: *out says to what.
bool pythonSite(PySiteOut &out);
void pythonAfterFork();
// Records the calling thread's Python site now if it changed (no event of its own).
void noteSite();
void gilTimedWait(const void *cond, const void *mutex, std::int64_t relativeNs);
void gilSignal(const void *cond);
void gilMutexUnlock(const void *mutex);

} // namespace weft::record::preload

// Declares real_<name> with the type of ::name (as declared by the libc
// headers), and REAL(name) resolves it lazily.
#define WEFT_DECLARE_REAL(name) static decltype(&::name) real_##name = nullptr;
#define WEFT_RESOLVE_REAL(name) (void)::weft::record::preload::resolved(real_##name, #name);
#define REAL(name) ::weft::record::preload::resolved(real_##name, #name)

namespace weft::record::preload {
template<typename F> inline F resolved(F &slot, const char *name)
{
    if (WEFT_LIKELY(slot != nullptr))
        return slot;
    slot = reinterpret_cast<F>(resolveNext(name, nullptr));
    return slot;
}
} // namespace weft::record::preload
