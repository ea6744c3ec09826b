// SPDX-License-Identifier: MIT
// Threads, locks, condition variables, barriers and sleeps.

#include "preload.h"

#include <cerrno>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <semaphore.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

using namespace weft::record::preload;
using weft::record::LockType;
using weft::record::RawKind;

// The list laid out by hand: clang-format 14 reflows it differently each run.
// clang-format off
#define SYNC_FUNCS(X) \
    X(pthread_create) X(pthread_join) X(pthread_tryjoin_np) X(pthread_timedjoin_np) \
    X(pthread_clockjoin_np) X(pthread_detach) X(pthread_exit) X(pthread_setname_np) X(prctl) \
    X(pthread_mutex_lock) X(pthread_mutex_trylock) X(pthread_mutex_timedlock) \
    X(pthread_mutex_clocklock) X(pthread_mutex_unlock) \
    X(pthread_rwlock_rdlock) X(pthread_rwlock_wrlock) X(pthread_rwlock_tryrdlock) \
    X(pthread_rwlock_trywrlock) X(pthread_rwlock_timedrdlock) X(pthread_rwlock_timedwrlock) \
    X(pthread_rwlock_clockrdlock) X(pthread_rwlock_clockwrlock) X(pthread_rwlock_unlock) \
    X(sem_wait) X(sem_trywait) X(sem_timedwait) X(sem_clockwait) X(sem_post) X(sem_destroy) \
    X(pthread_barrier_wait) \
    X(nanosleep) X(clock_nanosleep) X(usleep) X(sleep)
// clang-format on

// The condition variable functions exist in two ABIs; the current one is GLIBC_2.3.2.
// The list laid out by hand: clang-format 14 reflows it differently each run.
// clang-format off
#define COND_FUNCS(X) \
    X(pthread_cond_wait) X(pthread_cond_timedwait) X(pthread_cond_clockwait) \
    X(pthread_cond_signal) X(pthread_cond_broadcast)
// clang-format on

SYNC_FUNCS(WEFT_DECLARE_REAL)
COND_FUNCS(WEFT_DECLARE_REAL)

#define COND_REAL(name) condResolved(real_##name, #name)

namespace {

void *resolveCond(const char *name)
{
    void *p = resolveNext(name, "GLIBC_2.3.2");
    return p ? p : resolveNext(name, nullptr);
}

inline std::uint64_t addr(const void *p)
{
    return reinterpret_cast<std::uint64_t>(p);
}
constexpr std::int64_t kMutex = static_cast<std::int64_t>(LockType::Mutex);
constexpr std::int64_t kRw = static_cast<std::int64_t>(LockType::RwLock);
constexpr std::int64_t kSem = static_cast<std::int64_t>(LockType::Semaphore);

struct StartArgs
{
    void *(*fn)(void *);
    void *arg;
    std::int32_t creator;
};

void *threadTrampoline(void *p)
{
    StartArgs start = *static_cast<StartArgs *>(p);
    free(p);
    ThreadState &t = t_state;
    t.begun = 1;
    emit(RawKind::ThreadBegin, static_cast<std::uint64_t>(pthread_self()), start.creator, 0);
    void *result = start.fn(start.arg);
    recordThreadEnd();
    return result;
}

std::int64_t durationNs(const timespec *ts)
{
    return ts ? static_cast<std::int64_t>(ts->tv_sec) * 1000000000 + ts->tv_nsec : -1;
}

// An absolute deadline on clock `clock` as a duration from now.
std::int64_t untilNs(clockid_t clock, const timespec *deadline)
{
    if (!deadline)
        return -1;
    timespec now;
    if (clock_gettime(clock, &now) != 0)
        return -1;
    std::int64_t d = durationNs(deadline) - durationNs(&now);
    return d < 0 ? 0 : d;
}

template<typename F> inline F condResolved(F &slot, const char *name)
{
    if (WEFT_LIKELY(slot != nullptr))
        return slot;
    slot = reinterpret_cast<F>(resolveCond(name));
    return slot;
}

} // namespace

namespace weft::record::preload {
void resolveSync()
{
    SYNC_FUNCS(WEFT_RESOLVE_REAL)
#define X(name) (void)COND_REAL(name);
    COND_FUNCS(X)
#undef X
}
} // namespace weft::record::preload

// ---- threads ---------------------------------------------------------------

WEFT_EXPORT int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*fn)(void *),
                               void *arg)
{
    if (!active())
        return REAL(pthread_create)(thread, attr, fn, arg);
    // One small allocation per thread, in the creator (which is allocating a stack anyway).
    auto *start = static_cast<StartArgs *>(malloc(sizeof(StartArgs)));
    if (!start)
        return REAL(pthread_create)(thread, attr, fn, arg);
    start->fn = fn;
    start->arg = arg;
    start->creator = currentTid();
    int r = REAL(pthread_create)(thread, attr, threadTrampoline, start);
    if (r != 0) {
        free(start);
        return r;
    }
    emit(RawKind::ThreadCreate, static_cast<std::uint64_t>(*thread), 0, 0);
    return r;
}

WEFT_EXPORT int pthread_join(pthread_t thread, void **result)
{
    if (!active())
        return REAL(pthread_join)(thread, result);
    emit(RawKind::JoinBegin, static_cast<std::uint64_t>(thread), 0, 0);
    int r = REAL(pthread_join)(thread, result);
    emit(RawKind::JoinEnd, static_cast<std::uint64_t>(thread), r, 0);
    return r;
}

WEFT_EXPORT int pthread_tryjoin_np(pthread_t thread, void **result)
{
    if (!active())
        return REAL(pthread_tryjoin_np)(thread, result);
    emit(RawKind::JoinBegin, static_cast<std::uint64_t>(thread), 0, 0);
    int r = REAL(pthread_tryjoin_np)(thread, result);
    emit(RawKind::JoinEnd, static_cast<std::uint64_t>(thread), r, 0);
    return r;
}

WEFT_EXPORT int pthread_timedjoin_np(pthread_t thread, void **result, const timespec *abstime)
{
    if (!active())
        return REAL(pthread_timedjoin_np)(thread, result, abstime);
    emit(RawKind::JoinBegin, static_cast<std::uint64_t>(thread), 0, 0);
    int r = REAL(pthread_timedjoin_np)(thread, result, abstime);
    emit(RawKind::JoinEnd, static_cast<std::uint64_t>(thread), r, 0);
    return r;
}

WEFT_EXPORT int pthread_clockjoin_np(pthread_t thread, void **result, clockid_t clock,
                                     const timespec *abstime)
{
    if (!REAL(pthread_clockjoin_np))
        return ENOSYS;
    if (!active())
        return real_pthread_clockjoin_np(thread, result, clock, abstime);
    emit(RawKind::JoinBegin, static_cast<std::uint64_t>(thread), 0, 0);
    int r = real_pthread_clockjoin_np(thread, result, clock, abstime);
    emit(RawKind::JoinEnd, static_cast<std::uint64_t>(thread), r, 0);
    return r;
}

WEFT_EXPORT int pthread_detach(pthread_t thread)
{
    int r = REAL(pthread_detach)(thread);
    if (r == 0 && active())
        emit(RawKind::Detach, static_cast<std::uint64_t>(thread), 0, 0);
    return r;
}

WEFT_EXPORT void pthread_exit(void *result)
{
    if (active())
        recordThreadEnd();
    REAL(pthread_exit)(result);
    __builtin_unreachable();
}

WEFT_EXPORT int pthread_setname_np(pthread_t thread, const char *name)
{
    int r = REAL(pthread_setname_np)(thread, name);
    if (r == 0 && active())
        emit(RawKind::ThreadName, static_cast<std::uint64_t>(thread), 0, 0, name,
             strnlen(name, 16));
    return r;
}

WEFT_EXPORT int prctl(int option, ...)
{
    va_list ap;
    va_start(ap, option);
    unsigned long a2 = va_arg(ap, unsigned long);
    unsigned long a3 = va_arg(ap, unsigned long);
    unsigned long a4 = va_arg(ap, unsigned long);
    unsigned long a5 = va_arg(ap, unsigned long);
    va_end(ap);
    int r = REAL(prctl)(option, a2, a3, a4, a5);
    if (r == 0 && option == PR_SET_NAME && a2 && active()) {
        // prctl's ABI passes the name's address as an integer.
        // NOLINTNEXTLINE(performance-no-int-to-ptr)
        const char *name = reinterpret_cast<const char *>(a2);
        emit(RawKind::ThreadName, static_cast<std::uint64_t>(pthread_self()), 0, 0, name,
             strnlen(name, 16));
    }
    return r;
}

// ---- mutexes ---------------------------------------------------------------
// A LockWait only when the lock is taken: try first, wait for real if busy.
// LockReleased is written before the real unlock, so it always precedes the
// next owner's LockAcquired.

WEFT_EXPORT int pthread_mutex_lock(pthread_mutex_t *m)
{
    if (!active())
        return REAL(pthread_mutex_lock)(m);
    int r = REAL(pthread_mutex_trylock)(m);
    if (r == EBUSY) {
        emit(RawKind::LockWait, addr(m), 0, kMutex);
        r = REAL(pthread_mutex_lock)(m);
        if (r != 0 && r != EOWNERDEAD) {
            emit(RawKind::LockFailed, addr(m), r, kMutex);
            return r;
        }
    } else if (r != 0 && r != EOWNERDEAD) {
        r = REAL(pthread_mutex_lock)(m); // EINVAL, EAGAIN...: let the real call answer
        if (r != 0 && r != EOWNERDEAD)
            return r;
    }
    emit(RawKind::LockAcquired, addr(m), 0, kMutex);
    return r;
}

WEFT_EXPORT int pthread_mutex_trylock(pthread_mutex_t *m)
{
    int r = REAL(pthread_mutex_trylock)(m);
    if ((r == 0 || r == EOWNERDEAD) && active())
        emit(RawKind::LockAcquired, addr(m), 0, kMutex);
    return r;
}

template<typename Timed> static int timedMutex(pthread_mutex_t *m, Timed timed)
{
    int r = REAL(pthread_mutex_trylock)(m);
    if (r == EBUSY) {
        emit(RawKind::LockWait, addr(m), 0, kMutex);
        r = timed();
        if (r != 0 && r != EOWNERDEAD) {
            emit(RawKind::LockFailed, addr(m), r, kMutex);
            return r;
        }
    } else if (r != 0 && r != EOWNERDEAD) {
        r = timed();
        if (r != 0 && r != EOWNERDEAD)
            return r;
    }
    emit(RawKind::LockAcquired, addr(m), 0, kMutex);
    return r;
}

WEFT_EXPORT int pthread_mutex_timedlock(pthread_mutex_t *m, const timespec *abstime)
{
    if (!active())
        return REAL(pthread_mutex_timedlock)(m, abstime);
    return timedMutex(m, [&] { return REAL(pthread_mutex_timedlock)(m, abstime); });
}

WEFT_EXPORT int pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clock,
                                        const timespec *abstime)
{
    if (!REAL(pthread_mutex_clocklock))
        return ENOSYS;
    if (!active())
        return real_pthread_mutex_clocklock(m, clock, abstime);
    return timedMutex(m, [&] { return real_pthread_mutex_clocklock(m, clock, abstime); });
}

WEFT_EXPORT int pthread_mutex_unlock(pthread_mutex_t *m)
{
    if (active()) {
        emit(RawKind::LockReleased, addr(m), 0, kMutex);
        if (g_python)
            gilMutexUnlock(m);
    }
    return REAL(pthread_mutex_unlock)(m);
}

// ---- read-write locks ------------------------------------------------------

template<typename Try, typename Blocking>
static int rwAcquire(pthread_rwlock_t *l, int shared, Try tryLock, Blocking blocking)
{
    int r = tryLock();
    if (r == EBUSY) {
        emit(RawKind::LockWait, addr(l), shared, kRw);
        r = blocking();
        if (r != 0) {
            emit(RawKind::LockFailed, addr(l), r, kRw);
            return r;
        }
    } else if (r != 0) {
        r = blocking();
        if (r != 0)
            return r;
    }
    emit(RawKind::LockAcquired, addr(l), shared, kRw);
    return 0;
}

#define RW_BLOCKING(name, shared, tryname, ...)                                                    \
    if (!active())                                                                                 \
        return REAL(name)(__VA_ARGS__);                                                            \
    return rwAcquire(                                                                              \
        l, shared, [&] { return REAL(tryname)(l); }, [&] { return REAL(name)(__VA_ARGS__); });

WEFT_EXPORT int pthread_rwlock_rdlock(pthread_rwlock_t *l) {
    RW_BLOCKING(pthread_rwlock_rdlock, 1, pthread_rwlock_tryrdlock, l)} WEFT_EXPORT
    int pthread_rwlock_wrlock(pthread_rwlock_t *l) {
        RW_BLOCKING(pthread_rwlock_wrlock, 0, pthread_rwlock_trywrlock, l)} WEFT_EXPORT
    int pthread_rwlock_timedrdlock(pthread_rwlock_t *l, const timespec *t) {
        RW_BLOCKING(pthread_rwlock_timedrdlock, 1, pthread_rwlock_tryrdlock, l, t)} WEFT_EXPORT
    int pthread_rwlock_timedwrlock(pthread_rwlock_t *l, const timespec *t) {
        RW_BLOCKING(pthread_rwlock_timedwrlock, 0, pthread_rwlock_trywrlock, l, t)} WEFT_EXPORT
    int pthread_rwlock_clockrdlock(pthread_rwlock_t *l, clockid_t c, const timespec *t)
{
    if (!REAL(pthread_rwlock_clockrdlock))
        return ENOSYS;
    RW_BLOCKING(pthread_rwlock_clockrdlock, 1, pthread_rwlock_tryrdlock, l, c, t)
}
WEFT_EXPORT int pthread_rwlock_clockwrlock(pthread_rwlock_t *l, clockid_t c, const timespec *t)
{
    if (!REAL(pthread_rwlock_clockwrlock))
        return ENOSYS;
    RW_BLOCKING(pthread_rwlock_clockwrlock, 0, pthread_rwlock_trywrlock, l, c, t)
}

WEFT_EXPORT int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
    int r = REAL(pthread_rwlock_tryrdlock)(l);
    if (r == 0 && active())
        emit(RawKind::LockAcquired, addr(l), 1, kRw);
    return r;
}

WEFT_EXPORT int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
    int r = REAL(pthread_rwlock_trywrlock)(l);
    if (r == 0 && active())
        emit(RawKind::LockAcquired, addr(l), 0, kRw);
    return r;
}

WEFT_EXPORT int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
    if (active()) {
        // glibc records the writer's tid in the lock: value = 1 for a read unlock.
        const int shared = l->__data.__cur_writer == currentTid() ? 0 : 1;
        emit(RawKind::LockReleased, addr(l), shared, kRw);
    }
    return REAL(pthread_rwlock_unlock)(l);
}

// ---- semaphores ------------------------------------------------------------

template<typename Blocking> static int semAcquire(sem_t *s, Blocking blocking)
{
    if (REAL(sem_trywait)(s) == 0) {
        emit(RawKind::LockAcquired, addr(s), 0, kSem);
        return 0;
    }
    if (errno != EAGAIN)
        return blocking();
    emit(RawKind::LockWait, addr(s), 0, kSem);
    int r = blocking();
    if (r == 0)
        emit(RawKind::LockAcquired, addr(s), 0, kSem);
    else
        emit(RawKind::LockFailed, addr(s), errno, kSem);
    return r;
}

WEFT_EXPORT int sem_wait(sem_t *s)
{
    if (!active())
        return REAL(sem_wait)(s);
    return semAcquire(s, [&] { return REAL(sem_wait)(s); });
}

WEFT_EXPORT int sem_timedwait(sem_t *s, const timespec *abstime)
{
    if (!active())
        return REAL(sem_timedwait)(s, abstime);
    return semAcquire(s, [&] { return REAL(sem_timedwait)(s, abstime); });
}

WEFT_EXPORT int sem_clockwait(sem_t *s, clockid_t clock, const timespec *abstime)
{
    if (!REAL(sem_clockwait)) {
        errno = ENOSYS;
        return -1;
    }
    if (!active())
        return real_sem_clockwait(s, clock, abstime);
    return semAcquire(s, [&] { return real_sem_clockwait(s, clock, abstime); });
}

WEFT_EXPORT int sem_trywait(sem_t *s)
{
    int r = REAL(sem_trywait)(s);
    if (r == 0 && active())
        emit(RawKind::LockAcquired, addr(s), 0, kSem);
    else if (r != 0 && g_python && active())
        noteSite(); // CPython's blocking acquire: the line, before the GIL is released
    return r;
}

WEFT_EXPORT int sem_post(sem_t *s)
{
    if (active())
        emit(RawKind::LockReleased, addr(s), 0, kSem);
    return REAL(sem_post)(s);
}

// CPython frees a lock (and with it the sem_t) when its Lock object goes: the
// address may then be another lock's.
WEFT_EXPORT int sem_destroy(sem_t *s)
{
    if (active())
        emit(RawKind::LockDestroyed, addr(s), 0, kSem);
    return REAL(sem_destroy)(s);
}

// ---- condition variables -----------------------------------------------------

template<typename Wait> static int condWait(pthread_cond_t *c, pthread_mutex_t *m, Wait wait)
{
    emit(RawKind::LockReleased, addr(m), 0, kMutex);
    emit(RawKind::CondWait, addr(c), static_cast<std::int64_t>(addr(m)), 0);
    int r = wait();
    emit(RawKind::CondWake, addr(c), static_cast<std::int64_t>(addr(m)), r);
    emit(RawKind::LockAcquired, addr(m), 0, kMutex);
    return r;
}

WEFT_EXPORT int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    if (!active())
        return COND_REAL(pthread_cond_wait)(c, m);
    return condWait(c, m, [&] { return COND_REAL(pthread_cond_wait)(c, m); });
}

WEFT_EXPORT int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                       const timespec *abstime)
{
    if (!active())
        return COND_REAL(pthread_cond_timedwait)(c, m, abstime);
    if (g_python)
        gilTimedWait(c, m, untilNs(CLOCK_MONOTONIC, abstime));
    return condWait(c, m, [&] { return COND_REAL(pthread_cond_timedwait)(c, m, abstime); });
}

WEFT_EXPORT int pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m, clockid_t clock,
                                       const timespec *abstime)
{
    if (!COND_REAL(pthread_cond_clockwait))
        return ENOSYS;
    if (!active())
        return real_pthread_cond_clockwait(c, m, clock, abstime);
    return condWait(c, m, [&] { return real_pthread_cond_clockwait(c, m, clock, abstime); });
}

WEFT_EXPORT int pthread_cond_signal(pthread_cond_t *c)
{
    if (active()) {
        emit(RawKind::CondSignal, addr(c), 0, 1);
        if (g_python)
            gilSignal(c);
    }
    return COND_REAL(pthread_cond_signal)(c);
}

WEFT_EXPORT int pthread_cond_broadcast(pthread_cond_t *c)
{
    if (active())
        emit(RawKind::CondBroadcast, addr(c), 0, 0);
    return COND_REAL(pthread_cond_broadcast)(c);
}

WEFT_EXPORT int pthread_barrier_wait(pthread_barrier_t *b)
{
    if (!active())
        return REAL(pthread_barrier_wait)(b);
    emit(RawKind::BarrierWaitBegin, addr(b), 0, 0);
    int r = REAL(pthread_barrier_wait)(b);
    emit(RawKind::BarrierWaitEnd, addr(b), r, 0);
    return r;
}

// ---- sleeps ----------------------------------------------------------------
// SleepBegin/SleepEnd: value = requested ns (-1 unknown); SleepEnd value2 = 0 or the error.

WEFT_EXPORT int nanosleep(const timespec *req, timespec *rem)
{
    if (!active())
        return REAL(nanosleep)(req, rem);
    const std::int64_t ns = durationNs(req);
    emit(RawKind::SleepBegin, 0, ns, 0);
    int r = REAL(nanosleep)(req, rem);
    emit(RawKind::SleepEnd, 0, ns, r == 0 ? 0 : errno);
    return r;
}

WEFT_EXPORT int clock_nanosleep(clockid_t clock, int flags, const timespec *req, timespec *rem)
{
    if (!active())
        return REAL(clock_nanosleep)(clock, flags, req, rem);
    const std::int64_t ns = (flags & TIMER_ABSTIME) ? untilNs(clock, req) : durationNs(req);
    emit(RawKind::SleepBegin, 0, ns, 0);
    int r = REAL(clock_nanosleep)(clock, flags, req, rem);
    emit(RawKind::SleepEnd, 0, ns, r);
    return r;
}

WEFT_EXPORT int usleep(useconds_t us)
{
    if (!active())
        return REAL(usleep)(us);
    const std::int64_t ns = static_cast<std::int64_t>(us) * 1000;
    emit(RawKind::SleepBegin, 0, ns, 0);
    int r = REAL(usleep)(us);
    emit(RawKind::SleepEnd, 0, ns, r == 0 ? 0 : errno);
    return r;
}

WEFT_EXPORT unsigned int sleep(unsigned int seconds)
{
    if (!active())
        return REAL(sleep)(seconds);
    const std::int64_t ns = static_cast<std::int64_t>(seconds) * 1000000000;
    emit(RawKind::SleepBegin, 0, ns, 0);
    unsigned int r = REAL(sleep)(seconds);
    emit(RawKind::SleepEnd, 0, ns, r == 0 ? 0 : EINTR);
    return r;
}
