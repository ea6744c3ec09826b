// SPDX-License-Identifier: MIT
// fork, exec, spawn, wait and exit.

#include "preload.h"

#include <cerrno>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace weft::record::preload;
using weft::record::RawKind;

// The list laid out by hand: clang-format 14 reflows it differently each run.
// clang-format off
#define PROCESS_FUNCS(X) \
    X(fork) X(execve) X(execvpe) X(fexecve) X(posix_spawn) X(posix_spawnp) \
    X(waitpid) X(wait3) X(wait4) X(wait) X(waitid) X(_exit) X(_Exit) X(exit)
// clang-format on

PROCESS_FUNCS(WEFT_DECLARE_REAL)

namespace weft::record::preload {
void resolveProcess()
{
    PROCESS_FUNCS(WEFT_RESOLVE_REAL)
}
} // namespace weft::record::preload

namespace {

pid_t forkCommon()
{
    if (!active())
        return REAL(fork)();
    // The guard stays up across the real fork so that pthread_atfork handlers
    // (run in both processes) record nothing: in the child they would still
    // write into the parent's chunk, which is shared with the parent's file.
    pid_t pid;
    {
        GuardScope guard;
        pid = REAL(fork)();
        if (pid == 0) {
            --t_state.guard;
            afterForkInChild();
            ++t_state.guard;
            return 0;
        }
    }
    emit(RawKind::Fork, 0, pid >= 0 ? pid : -errno, 0);
    return pid;
}

// Records Exec, calls `run` with an environment that keeps the recording on,
// and records ExecFailed if it returns.
template<typename Run> int execCommon(const char *what, char *const *envp, Run run)
{
    if (!g_enabled)
        return run(envp);
    if (active())
        emit(RawKind::Exec, 0, 0, 0, what, what ? strnlen(what, weft::record::kMaxTextBytes) : 0);
    void *mapping;
    std::size_t mapBytes;
    char *const *env = patchEnvironment(envp, &mapping, &mapBytes);
    int r = run(env);
    const int err = errno;
    if (mapping)
        munmap(mapping, mapBytes);
    if (active())
        emit(RawKind::ExecFailed, 0, err, 0);
    errno = err;
    return r;
}

// The arguments of execl & co. as an argv array on the stack (declares argc,
// argv and the still open va_list ap).
#define COLLECT_ARGS(arg0, lastFixed)                                                              \
    std::size_t argc = 1;                                                                          \
    {                                                                                              \
        va_list count;                                                                             \
        va_start(count, lastFixed);                                                                \
        while (va_arg(count, char *))                                                              \
            ++argc;                                                                                \
        va_end(count);                                                                             \
    }                                                                                              \
    char **argv = static_cast<char **>(__builtin_alloca((argc + 1) * sizeof(char *)));             \
    argv[0] = const_cast<char *>(arg0);                                                            \
    va_list ap;                                                                                    \
    va_start(ap, lastFixed);                                                                       \
    for (std::size_t i = 1; i <= argc; ++i)                                                        \
        argv[i] = va_arg(ap, char *);

std::int64_t waitidStatus(const siginfo_t *info)
{
    switch (info->si_code) {
    case CLD_EXITED:
        return (info->si_status & 0xff) << 8;
    case CLD_KILLED:
        return info->si_status & 0x7f;
    case CLD_DUMPED:
        return (info->si_status & 0x7f) | 0x80;
    case CLD_STOPPED:
    case CLD_TRAPPED:
        return ((info->si_status & 0xff) << 8) | 0x7f;
    case CLD_CONTINUED:
        return 0xffff;
    default:
        return 0;
    }
}

} // namespace

WEFT_EXPORT pid_t fork(void)
{
    return forkCommon();
}

// vfork is implemented as fork: the child of vfork may only exec or _exit,
// which behave the same after fork, and the wrapper's own stack frame could not
// survive a real vfork (the child would return through it before the parent).
WEFT_EXPORT pid_t vfork(void)
{
    return forkCommon();
}

WEFT_EXPORT int execve(const char *path, char *const argv[], char *const envp[])
{
    return execCommon(path, envp, [&](char *const *env) { return REAL(execve)(path, argv, env); });
}

WEFT_EXPORT int execv(const char *path, char *const argv[])
{
    return execCommon(path, environ,
                      [&](char *const *env) { return REAL(execve)(path, argv, env); });
}

WEFT_EXPORT int execvpe(const char *file, char *const argv[], char *const envp[])
{
    return execCommon(file, envp, [&](char *const *env) { return REAL(execvpe)(file, argv, env); });
}

WEFT_EXPORT int execvp(const char *file, char *const argv[])
{
    return execCommon(file, environ,
                      [&](char *const *env) { return REAL(execvpe)(file, argv, env); });
}

WEFT_EXPORT int execl(const char *path, const char *arg0, ...)
{
    COLLECT_ARGS(arg0, arg0)
    va_end(ap);
    return execCommon(path, environ,
                      [&](char *const *env) { return REAL(execve)(path, argv, env); });
}

WEFT_EXPORT int execlp(const char *file, const char *arg0, ...)
{
    COLLECT_ARGS(arg0, arg0)
    va_end(ap);
    return execCommon(file, environ,
                      [&](char *const *env) { return REAL(execvpe)(file, argv, env); });
}

WEFT_EXPORT int execle(const char *path, const char *arg0, ...)
{
    COLLECT_ARGS(arg0, arg0)
    char *const *envp = va_arg(ap, char *const *);
    va_end(ap);
    return execCommon(path, envp, [&](char *const *env) { return REAL(execve)(path, argv, env); });
}

WEFT_EXPORT int fexecve(int fd, char *const argv[], char *const envp[])
{
    char what[32] = "fd:";
    char *p = what + 3;
    char digits[12];
    int n = 0;
    unsigned v = fd < 0 ? 0u : unsigned(fd);
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    *p = 0;
    return execCommon(what, envp, [&](char *const *env) { return REAL(fexecve)(fd, argv, env); });
}

WEFT_EXPORT int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                            const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (!active())
        return REAL(posix_spawn)(pid, path, actions, attr, argv, envp);
    void *mapping;
    std::size_t mapBytes;
    char *const *env = patchEnvironment(envp, &mapping, &mapBytes);
    pid_t child = 0;
    int r = REAL(posix_spawn)(&child, path, actions, attr, argv, env);
    if (mapping)
        munmap(mapping, mapBytes);
    if (pid)
        *pid = child;
    if (r == 0)
        emit(RawKind::Spawn, 0, child, 0, path, strnlen(path, weft::record::kMaxTextBytes));
    return r;
}

WEFT_EXPORT int posix_spawnp(pid_t *pid, const char *file,
                             const posix_spawn_file_actions_t *actions,
                             const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (!active())
        return REAL(posix_spawnp)(pid, file, actions, attr, argv, envp);
    void *mapping;
    std::size_t mapBytes;
    char *const *env = patchEnvironment(envp, &mapping, &mapBytes);
    pid_t child = 0;
    int r = REAL(posix_spawnp)(&child, file, actions, attr, argv, env);
    if (mapping)
        munmap(mapping, mapBytes);
    if (pid)
        *pid = child;
    if (r == 0)
        emit(RawKind::Spawn, 0, child, 0, file, strnlen(file, weft::record::kMaxTextBytes));
    return r;
}

// ---- waiting for children --------------------------------------------------

WEFT_EXPORT pid_t waitpid(pid_t pid, int *status, int options)
{
    if (!active())
        return REAL(waitpid)(pid, status, options);
    int st = 0;
    emit(RawKind::WaitBegin, 0, pid, options);
    pid_t r = REAL(waitpid)(pid, &st, options);
    if (status && r > 0)
        *status = st;
    emit(RawKind::WaitEnd, 0, r, r > 0 ? st : 0);
    return r;
}

WEFT_EXPORT pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
    if (!active())
        return REAL(wait4)(pid, status, options, usage);
    int st = 0;
    emit(RawKind::WaitBegin, 0, pid, options);
    pid_t r = REAL(wait4)(pid, &st, options, usage);
    if (status && r > 0)
        *status = st;
    emit(RawKind::WaitEnd, 0, r, r > 0 ? st : 0);
    return r;
}

WEFT_EXPORT pid_t wait3(int *status, int options, struct rusage *usage)
{
    return wait4(-1, status, options, usage);
}

WEFT_EXPORT pid_t wait(int *status)
{
    if (!active())
        return REAL(wait)(status);
    int st = 0;
    emit(RawKind::WaitBegin, 0, -1, 0);
    pid_t r = REAL(wait)(&st);
    if (status && r > 0)
        *status = st;
    emit(RawKind::WaitEnd, 0, r, r > 0 ? st : 0);
    return r;
}

WEFT_EXPORT int waitid(idtype_t type, id_t id, siginfo_t *info, int options)
{
    if (!active())
        return REAL(waitid)(type, id, info, options);
    emit(RawKind::WaitBegin, 0, type == P_PID ? static_cast<std::int64_t>(id) : -1, options);
    int r = REAL(waitid)(type, id, info, options);
    const bool reaped = r == 0 && info && info->si_pid > 0;
    emit(RawKind::WaitEnd, 0, reaped ? info->si_pid : (r == 0 ? 0 : -1),
         reaped ? waitidStatus(info) : 0);
    return r;
}

// ---- exit ------------------------------------------------------------------

WEFT_EXPORT void exit(int code)
{
    recordProcessExit(code, true);
    REAL(exit)(code);
    __builtin_unreachable();
}

WEFT_EXPORT void _exit(int code)
{
    recordProcessExit(code, true);
    REAL(_exit)(code);
    __builtin_unreachable();
}

WEFT_EXPORT void _Exit(int code)
{
    recordProcessExit(code, true);
    REAL(_Exit)(code);
    __builtin_unreachable();
}
