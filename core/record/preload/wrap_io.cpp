// SPDX-License-Identifier: MIT
// Sockets, pipes, descriptor reads and writes, I/O waits, and what the
// program prints on stdout/stderr.

#include "preload.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

// glibc declares poll's array write-only (access attribute); reading the fd of
// a one-element poll before the call is fine.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

using namespace weft::record::preload;
using weft::record::FdType;
using weft::record::IoWaitKind;
using weft::record::RawKind;

// glibc's fortified entry points (-D_FORTIFY_SOURCE) and stdio.
extern "C" {
ssize_t __read_chk(int, void *, size_t, size_t);
ssize_t __recv_chk(int, void *, size_t, size_t, int);
ssize_t __recvfrom_chk(int, void *, size_t, size_t, int, sockaddr *, socklen_t *);
int __poll_chk(pollfd *, nfds_t, int, size_t);
int __printf_chk(int, const char *, ...);
int __fprintf_chk(FILE *, int, const char *, ...);
int __vprintf_chk(int, const char *, va_list);
int __vfprintf_chk(FILE *, int, const char *, va_list);
[[noreturn]] void __chk_fail(void);
}

// The list laid out by hand: clang-format 14 reflows it differently each run.
// clang-format off
#define IO_FUNCS(X) \
    X(socket) X(socketpair) X(bind) X(listen) X(accept) X(accept4) X(connect) X(shutdown) \
    X(send) X(sendto) X(sendmsg) X(recv) X(recvfrom) X(recvmsg) \
    X(read) X(write) X(readv) X(writev) X(close) X(closefrom) X(close_range) \
    X(dup) X(dup2) X(dup3) X(pipe) X(pipe2) X(open) X(open64) X(openat) X(openat64) \
    X(poll) X(ppoll) X(select) X(pselect) X(epoll_wait) X(epoll_pwait) \
    X(__read_chk) X(__recv_chk) X(__recvfrom_chk) X(__poll_chk) \
    X(fclose) X(fwrite) X(fputs) X(puts) X(fputc) X(putc) X(putchar) \
    X(vfprintf) X(__vfprintf_chk)
// clang-format on

IO_FUNCS(WEFT_DECLARE_REAL)

namespace weft::record::preload {
void resolveIo()
{
    IO_FUNCS(WEFT_RESOLVE_REAL)
}
} // namespace weft::record::preload

namespace {

constexpr std::size_t kPreviewBytes = 40; // one continuation slot

inline std::size_t preview(ssize_t n)
{
    return n > 0 ? (static_cast<std::size_t>(n) < kPreviewBytes ? n : kPreviewBytes) : 0;
}

bool isSocketType(int type)
{
    return type == int(FdType::Tcp) || type == int(FdType::Unix) || type == int(FdType::Udp);
}

std::uint8_t socketState(int domain, int type)
{
    type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    FdType t = FdType::Other;
    if (domain == AF_UNIX)
        t = FdType::Unix;
    else if (domain == AF_INET || domain == AF_INET6)
        t = type == SOCK_STREAM ? FdType::Tcp : type == SOCK_DGRAM ? FdType::Udp : FdType::Other;
    return static_cast<std::uint8_t>(kFdKnown | (t != FdType::Other ? kFdRecorded : 0)
                                     | std::uint8_t(t));
}

void fdSet(int fd, std::uint8_t state)
{
    if (g_fdState && fd >= 0 && fd < kFdTableSize)
        __atomic_store_n(&g_fdState[fd], state, __ATOMIC_RELAXED);
}

// Appends "addr:port" (or a unix path) for a socket address; returns the new end.
char *formatAddress(char *p, char *end, const sockaddr *sa, socklen_t len)
{
    if (!sa || len < sizeof(sa_family_t))
        return p;
    char host[INET6_ADDRSTRLEN + 2];
    unsigned port = 0;
    if (sa->sa_family == AF_INET && len >= sizeof(sockaddr_in)) {
        auto *in = reinterpret_cast<const sockaddr_in *>(sa);
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        port = ntohs(in->sin_port);
    } else if (sa->sa_family == AF_INET6 && len >= sizeof(sockaddr_in6)) {
        auto *in6 = reinterpret_cast<const sockaddr_in6 *>(sa);
        host[0] = '[';
        inet_ntop(AF_INET6, &in6->sin6_addr, host + 1, sizeof host - 2);
        std::size_t n = std::strlen(host);
        host[n] = ']';
        host[n + 1] = 0;
        port = ntohs(in6->sin6_port);
    } else if (sa->sa_family == AF_UNIX) {
        auto *un = reinterpret_cast<const sockaddr_un *>(sa);
        std::size_t n = len - offsetof(sockaddr_un, sun_path);
        const char *path = un->sun_path;
        if (n > 0 && path[0] == 0 && p < end) { // abstract
            *p++ = '@';
            ++path;
            --n;
        }
        for (std::size_t i = 0; i < n && path[i] && p < end; ++i)
            *p++ = path[i];
        return p;
    } else {
        return p;
    }
    for (const char *h = host; *h && p < end; ++h)
        *p++ = *h;
    char digits[8];
    int k = 0;
    do {
        digits[k++] = static_cast<char>('0' + port % 10);
        port /= 10;
    } while (port);
    if (p < end)
        *p++ = ':';
    while (k && p < end)
        *p++ = digits[--k];
    return p;
}

// Classifies fd once (the table remembers until close/dup2/dup3): returns the
// state byte.
std::uint8_t classify(int fd)
{
    struct stat st;
    if (syscall(SYS_fstat, fd, &st) != 0)
        return 0;
    std::uint8_t state = kFdKnown | std::uint8_t(FdType::Other);
    if (S_ISFIFO(st.st_mode)) {
        state = kFdKnown | kFdRecorded | std::uint8_t(FdType::Pipe);
    } else if (S_ISSOCK(st.st_mode)) {
        int domain = 0, type = 0;
        socklen_t l = sizeof domain;
        getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &l);
        l = sizeof type;
        getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l);
        state = socketState(domain, type);
    } else if (S_ISREG(st.st_mode)) {
        state = kFdKnown | std::uint8_t(FdType::File);
    } else if (S_ISCHR(st.st_mode)) {
        state = kFdKnown | std::uint8_t(isatty(fd) ? FdType::Tty : FdType::Other);
    }
    fdSet(fd, state);
    return state;
}

// FdInfo for fd, once.
void announce(int fd, std::uint8_t state)
{
    const int type = state & kFdTypeMask;
    std::uint64_t inode = 0;
    char text[300];
    char *p = text;
    if (type == int(FdType::Pipe)) {
        struct stat st;
        if (syscall(SYS_fstat, fd, &st) == 0)
            inode = st.st_ino;
    } else if (isSocketType(type)) {
        sockaddr_storage a;
        socklen_t l = sizeof a;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&a), &l) == 0)
            p = formatAddress(p, text + sizeof text, reinterpret_cast<sockaddr *>(&a), l);
        *p++ = '|';
        l = sizeof a;
        if (getpeername(fd, reinterpret_cast<sockaddr *>(&a), &l) == 0)
            p = formatAddress(p, text + sizeof text, reinterpret_cast<sockaddr *>(&a), l);
    }
    fdSet(fd, state | kFdAnnounced);
    emit(RawKind::FdInfo, static_cast<std::uint64_t>(fd), type, static_cast<std::int64_t>(inode),
         text, static_cast<std::size_t>(p - text));
}

// The state of fd if data on it is recorded (pipes and sockets), else 0.
// Writes the FdInfo the first time.
std::uint8_t recordedFd(int fd)
{
    if (!g_fdState || fd < 0 || fd >= kFdTableSize)
        return 0;
    std::uint8_t s = __atomic_load_n(&g_fdState[fd], __ATOMIC_RELAXED);
    if (WEFT_UNLIKELY(!(s & kFdKnown)))
        s = classify(fd);
    if (!(s & kFdRecorded))
        return 0;
    if (WEFT_UNLIKELY(!(s & kFdAnnounced))) {
        announce(fd, s);
        s |= kFdAnnounced;
    }
    return s;
}

bool wasRecorded(int fd)
{
    if (!g_fdState || fd < 0 || fd >= kFdTableSize)
        return false;
    std::uint8_t s = __atomic_load_n(&g_fdState[fd], __ATOMIC_RELAXED);
    return (s & kFdAnnounced)
        || ((s & kFdKnown) && (s & kFdRecorded) && isSocketType(s & kFdTypeMask));
}

bool nonBlocking(int fd)
{
    long flags = syscall(SYS_fcntl, fd, F_GETFL);
    return flags >= 0 && (flags & O_NONBLOCK);
}

// Would a read on this fd block now? (A zero-timeout poll; pipes only.)
bool wouldBlock(int fd)
{
    pollfd p {fd, POLLIN, 0};
    const int saved = errno;
    long r = syscall(SYS_poll, &p, 1, 0);
    errno = saved;
    return r == 0 && !nonBlocking(fd);
}

void recordRecv(int fd, ssize_t r, const void *buf)
{
    if (r >= 0)
        emit(RawKind::Recv, static_cast<std::uint64_t>(fd), r, 0, buf, preview(r));
}

void recordSend(int fd, ssize_t r, const void *buf)
{
    if (r > 0)
        emit(RawKind::Send, static_cast<std::uint64_t>(fd), r, 0, buf, preview(r));
}

void recordPrint(int fd, ssize_t r, const void *buf)
{
    if (r > 0)
        emit(RawKind::Print, static_cast<std::uint64_t>(fd), r, 0, buf,
             static_cast<std::size_t>(r));
}

// A receive on a recorded fd: the non-blocking attempt first (sockets: with
// MSG_DONTWAIT; pipes: a zero-timeout poll), and an IoWait around the call
// only if it is going to block.
template<typename Try, typename Blocking>
ssize_t receive(int fd, std::uint8_t state, Try tryNow, Blocking blocking)
{
    const int type = state & kFdTypeMask;
    ssize_t r;
    if (isSocketType(type)) {
        r = tryNow();
        if (!(r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) || nonBlocking(fd))
            return r;
    } else if (!wouldBlock(fd)) {
        return blocking();
    }
    emit(RawKind::IoWaitBegin, static_cast<std::uint64_t>(fd), int(IoWaitKind::Read), 0);
    r = blocking();
    emit(RawKind::IoWaitEnd, static_cast<std::uint64_t>(fd), r, 0);
    return r;
}

bool isStdStream(FILE *f)
{
    return f && (f->_fileno == 1 || f->_fileno == 2);
}

// The text of a printf-style call, cut to kMaxTextBytes.
std::size_t formatText(char *buf, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(buf, weft::record::kMaxTextBytes + 1, fmt, copy);
    va_end(copy);
    if (n < 0)
        return 0;
    return static_cast<std::size_t>(n) > weft::record::kMaxTextBytes ? weft::record::kMaxTextBytes
                                                                     : n;
}

} // namespace

// ---- sockets ---------------------------------------------------------------

WEFT_EXPORT int socket(int domain, int type, int protocol)
{
    int fd = REAL(socket)(domain, type, protocol);
    if (fd >= 0 && active()) {
        fdSet(fd, socketState(domain, type));
        emit(RawKind::SocketCreate, static_cast<std::uint64_t>(fd), domain, type);
    } else if (fd >= 0) {
        fdForget(fd);
    }
    return fd;
}

WEFT_EXPORT int socketpair(int domain, int type, int protocol, int fds[2])
{
    int r = REAL(socketpair)(domain, type, protocol, fds);
    if (r == 0) {
        fdForget(fds[0]);
        fdForget(fds[1]);
    }
    return r;
}

WEFT_EXPORT int bind(int fd, const sockaddr *a, socklen_t len)
{
    int r = REAL(bind)(fd, a, len);
    if (r == 0 && active()) {
        char text[300];
        char *end = formatAddress(text, text + sizeof text, a, len);
        emit(RawKind::Bind, static_cast<std::uint64_t>(fd), 0, 0, text,
             static_cast<std::size_t>(end - text));
    }
    return r;
}

WEFT_EXPORT int listen(int fd, int backlog)
{
    int r = REAL(listen)(fd, backlog);
    if (r == 0 && active())
        emit(RawKind::Listen, static_cast<std::uint64_t>(fd), backlog, 0);
    return r;
}

template<typename Accept> static int acceptCommon(int fd, Accept acceptNow)
{
    emit(RawKind::AcceptBegin, static_cast<std::uint64_t>(fd), 0, 0);
    int r = acceptNow();
    emit(RawKind::AcceptEnd, static_cast<std::uint64_t>(fd), r >= 0 ? r : -errno, 0);
    if (r >= 0) {
        fdForget(r);
        recordedFd(r); // FdInfo with both addresses now
    }
    return r;
}

WEFT_EXPORT int accept(int fd, sockaddr *a, socklen_t *len)
{
    if (!active()) {
        int r = REAL(accept)(fd, a, len);
        fdForget(r);
        return r;
    }
    return acceptCommon(fd, [&] { return REAL(accept)(fd, a, len); });
}

WEFT_EXPORT int accept4(int fd, sockaddr *a, socklen_t *len, int flags)
{
    if (!active()) {
        int r = REAL(accept4)(fd, a, len, flags);
        fdForget(r);
        return r;
    }
    return acceptCommon(fd, [&] { return REAL(accept4)(fd, a, len, flags); });
}

WEFT_EXPORT int connect(int fd, const sockaddr *a, socklen_t len)
{
    if (!active())
        return REAL(connect)(fd, a, len);
    char text[300];
    char *end = formatAddress(text, text + sizeof text, a, len);
    emit(RawKind::ConnectBegin, static_cast<std::uint64_t>(fd), 0, 0, text,
         static_cast<std::size_t>(end - text));
    int r = REAL(connect)(fd, a, len);
    emit(RawKind::ConnectEnd, static_cast<std::uint64_t>(fd), r == 0 ? 0 : -errno, 0);
    if (r == 0) {
        fdForget(fd); // classify again: FdInfo now has the peer
        recordedFd(fd);
    }
    return r;
}

WEFT_EXPORT int shutdown(int fd, int how)
{
    int r = REAL(shutdown)(fd, how);
    if (r == 0 && active())
        emit(RawKind::Shutdown, static_cast<std::uint64_t>(fd), how, 0);
    return r;
}

// ---- data ------------------------------------------------------------------

WEFT_EXPORT ssize_t send(int fd, const void *buf, size_t n, int flags)
{
    ssize_t r = REAL(send)(fd, buf, n, flags);
    if (active() && recordedFd(fd))
        recordSend(fd, r, buf);
    return r;
}

WEFT_EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags, const sockaddr *a,
                           socklen_t len)
{
    ssize_t r = REAL(sendto)(fd, buf, n, flags, a, len);
    if (active() && recordedFd(fd))
        recordSend(fd, r, buf);
    return r;
}

WEFT_EXPORT ssize_t sendmsg(int fd, const msghdr *msg, int flags)
{
    ssize_t r = REAL(sendmsg)(fd, msg, flags);
    if (active() && recordedFd(fd)) {
        const void *first = msg && msg->msg_iovlen ? msg->msg_iov[0].iov_base : nullptr;
        const ssize_t firstLen = first ? static_cast<ssize_t>(msg->msg_iov[0].iov_len) : 0;
        if (r > 0)
            emit(RawKind::Send, static_cast<std::uint64_t>(fd), r, 0, first,
                 preview(r < firstLen ? r : firstLen));
    }
    return r;
}

WEFT_EXPORT ssize_t recv(int fd, void *buf, size_t n, int flags)
{
    std::uint8_t s;
    if (!active() || n == 0 || !(s = recordedFd(fd)))
        return REAL(recv)(fd, buf, n, flags);
    ssize_t r = receive(
        fd, s, [&] { return REAL(recv)(fd, buf, n, flags | MSG_DONTWAIT); },
        [&] { return REAL(recv)(fd, buf, n, flags); });
    recordRecv(fd, r, buf);
    return r;
}

WEFT_EXPORT ssize_t __recv_chk(int fd, void *buf, size_t n, size_t buflen, int flags)
{
    if (n > buflen)
        __chk_fail();
    return recv(fd, buf, n, flags);
}

WEFT_EXPORT ssize_t recvfrom(int fd, void *buf, size_t n, int flags, sockaddr *a, socklen_t *len)
{
    std::uint8_t s;
    if (!active() || n == 0 || !(s = recordedFd(fd)))
        return REAL(recvfrom)(fd, buf, n, flags, a, len);
    ssize_t r = receive(
        fd, s, [&] { return REAL(recvfrom)(fd, buf, n, flags | MSG_DONTWAIT, a, len); },
        [&] { return REAL(recvfrom)(fd, buf, n, flags, a, len); });
    recordRecv(fd, r, buf);
    return r;
}

WEFT_EXPORT ssize_t __recvfrom_chk(int fd, void *buf, size_t n, size_t buflen, int flags,
                                   sockaddr *a, socklen_t *len)
{
    if (n > buflen)
        __chk_fail();
    return recvfrom(fd, buf, n, flags, a, len);
}

WEFT_EXPORT ssize_t recvmsg(int fd, msghdr *msg, int flags)
{
    std::uint8_t s;
    if (!active() || !(s = recordedFd(fd)))
        return REAL(recvmsg)(fd, msg, flags);
    ssize_t r = receive(
        fd, s, [&] { return REAL(recvmsg)(fd, msg, flags | MSG_DONTWAIT); },
        [&] { return REAL(recvmsg)(fd, msg, flags); });
    if (r >= 0) {
        const void *first = msg && msg->msg_iovlen ? msg->msg_iov[0].iov_base : nullptr;
        const ssize_t firstLen = first ? static_cast<ssize_t>(msg->msg_iov[0].iov_len) : 0;
        emit(RawKind::Recv, static_cast<std::uint64_t>(fd), r, 0, first,
             preview(r < firstLen ? r : firstLen));
    }
    return r;
}

WEFT_EXPORT ssize_t read(int fd, void *buf, size_t n)
{
    std::uint8_t s;
    if (!active() || n == 0 || !(s = recordedFd(fd)))
        return REAL(read)(fd, buf, n);
    ssize_t r = receive(
        fd, s, [&] { return REAL(recv)(fd, buf, n, MSG_DONTWAIT); },
        [&] { return REAL(read)(fd, buf, n); });
    recordRecv(fd, r, buf);
    return r;
}

WEFT_EXPORT ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen)
{
    if (n > buflen)
        __chk_fail();
    return read(fd, buf, n);
}

WEFT_EXPORT ssize_t readv(int fd, const iovec *iov, int count)
{
    std::uint8_t s;
    if (!active() || !(s = recordedFd(fd)))
        return REAL(readv)(fd, iov, count);
    ssize_t r = receive(
        fd, s,
        [&] {
            msghdr m {};
            m.msg_iov = const_cast<iovec *>(iov);
            m.msg_iovlen = static_cast<size_t>(count);
            return REAL(recvmsg)(fd, &m, MSG_DONTWAIT);
        },
        [&] { return REAL(readv)(fd, iov, count); });
    if (r >= 0) {
        const void *first = count > 0 ? iov[0].iov_base : nullptr;
        const ssize_t firstLen = count > 0 ? static_cast<ssize_t>(iov[0].iov_len) : 0;
        emit(RawKind::Recv, static_cast<std::uint64_t>(fd), r, 0, first,
             preview(r < firstLen ? r : firstLen));
    }
    return r;
}

WEFT_EXPORT ssize_t write(int fd, const void *buf, size_t n)
{
    ssize_t r = REAL(write)(fd, buf, n);
    if (active()) {
        if (fd == 1 || fd == 2) {
            recordedFd(fd); // FdInfo once: a pipe inode links the Print to a pipeline
            recordPrint(fd, r, buf);
        } else if (recordedFd(fd))
            recordSend(fd, r, buf);
    }
    return r;
}

WEFT_EXPORT ssize_t writev(int fd, const iovec *iov, int count)
{
    ssize_t r = REAL(writev)(fd, iov, count);
    if (r > 0 && active()) {
        if (fd == 1 || fd == 2) {
            recordedFd(fd);
            char text[weft::record::kMaxTextBytes];
            std::size_t n = 0;
            for (int i = 0; i < count && n < sizeof text && n < static_cast<std::size_t>(r); ++i) {
                std::size_t take = iov[i].iov_len;
                if (take > sizeof text - n)
                    take = sizeof text - n;
                std::memcpy(text + n, iov[i].iov_base, take);
                n += take;
            }
            if (n > static_cast<std::size_t>(r))
                n = static_cast<std::size_t>(r);
            emit(RawKind::Print, static_cast<std::uint64_t>(fd), r, 0, text, n);
        } else if (recordedFd(fd)) {
            const ssize_t firstLen = count > 0 ? static_cast<ssize_t>(iov[0].iov_len) : 0;
            emit(RawKind::Send, static_cast<std::uint64_t>(fd), r, 0,
                 count > 0 ? iov[0].iov_base : nullptr, preview(r < firstLen ? r : firstLen));
        }
    }
    return r;
}

// ---- descriptors -----------------------------------------------------------

WEFT_EXPORT int close(int fd)
{
    if (active() && wasRecorded(fd))
        emit(RawKind::Close, static_cast<std::uint64_t>(fd), 0, 0);
    fdForget(fd);
    return REAL(close)(fd);
}

static void forgetRange(unsigned first, unsigned last)
{
    const bool rec = active();
    for (unsigned fd = first; fd <= last && fd < unsigned(kFdTableSize); ++fd) {
        if (rec && wasRecorded(int(fd)))
            emit(RawKind::Close, fd, 0, 0);
        fdForget(int(fd));
    }
}

WEFT_EXPORT void closefrom(int lowfd)
{
    forgetRange(lowfd < 0 ? 0 : unsigned(lowfd), ~0u);
    REAL(closefrom)(lowfd);
}

WEFT_EXPORT int close_range(unsigned first, unsigned last, int flags)
{
    int r = REAL(close_range)(first, last, flags);
    if (r == 0 && !(flags & CLOSE_RANGE_CLOEXEC))
        forgetRange(first, last);
    return r;
}

WEFT_EXPORT int dup(int fd)
{
    int r = REAL(dup)(fd);
    fdForget(r);
    return r;
}

WEFT_EXPORT int dup2(int fd, int fd2)
{
    if (fd != fd2 && active() && wasRecorded(fd2))
        emit(RawKind::Close, static_cast<std::uint64_t>(fd2), 0, 0);
    int r = REAL(dup2)(fd, fd2);
    if (fd != fd2)
        fdForget(fd2);
    return r;
}

WEFT_EXPORT int dup3(int fd, int fd2, int flags)
{
    if (fd != fd2 && active() && wasRecorded(fd2))
        emit(RawKind::Close, static_cast<std::uint64_t>(fd2), 0, 0);
    int r = REAL(dup3)(fd, fd2, flags);
    fdForget(fd2);
    return r;
}

static void recordPipe(int fds[2])
{
    fdForget(fds[0]);
    fdForget(fds[1]);
    if (!active())
        return;
    struct stat st;
    std::uint64_t inode = syscall(SYS_fstat, fds[0], &st) == 0 ? st.st_ino : 0;
    emit(RawKind::PipeCreate, static_cast<std::uint64_t>(fds[0]), fds[1],
         static_cast<std::int64_t>(inode));
}

WEFT_EXPORT int pipe(int fds[2])
{
    int r = REAL(pipe)(fds);
    if (r == 0)
        recordPipe(fds);
    return r;
}

WEFT_EXPORT int pipe2(int fds[2], int flags)
{
    int r = REAL(pipe2)(fds, flags);
    if (r == 0)
        recordPipe(fds);
    return r;
}

// open & co. only refresh the table (the fd may be one closed behind our back).
#define OPEN_MODE(flags)                                                                           \
    mode_t mode = 0;                                                                               \
    if ((flags) & (O_CREAT | __O_TMPFILE)) {                                                       \
        va_list ap;                                                                                \
        va_start(ap, flags);                                                                       \
        mode = va_arg(ap, mode_t);                                                                 \
        va_end(ap);                                                                                \
    }

WEFT_EXPORT int open(const char *path, int flags, ...)
{
    OPEN_MODE(flags)
    int fd = REAL(open)(path, flags, mode);
    fdForget(fd);
    return fd;
}

WEFT_EXPORT int open64(const char *path, int flags, ...)
{
    OPEN_MODE(flags)
    int fd = REAL(open64)(path, flags, mode);
    fdForget(fd);
    return fd;
}

WEFT_EXPORT int openat(int dirfd, const char *path, int flags, ...)
{
    OPEN_MODE(flags)
    int fd = REAL(openat)(dirfd, path, flags, mode);
    fdForget(fd);
    return fd;
}

WEFT_EXPORT int openat64(int dirfd, const char *path, int flags, ...)
{
    OPEN_MODE(flags)
    int fd = REAL(openat64)(dirfd, path, flags, mode);
    fdForget(fd);
    return fd;
}

WEFT_EXPORT int fclose(FILE *f)
{
    if (f)
        fdForget(f->_fileno);
    return REAL(fclose)(f);
}

// ---- waiting for I/O -------------------------------------------------------
// Zero-timeout polls are checks, not waits: not recorded.

// glibc declares poll's array write-only; the fd of a one-element poll is read here.
static inline std::int64_t singleFd(const pollfd *fds, nfds_t n)
{
    return n == 1 ? fds[0].fd : -1;
}

template<typename Wait> static int ioWait(IoWaitKind kind, std::int64_t fd, Wait wait)
{
    emit(RawKind::IoWaitBegin, static_cast<std::uint64_t>(fd), int(kind), 0);
    int r = wait();
    emit(RawKind::IoWaitEnd, static_cast<std::uint64_t>(fd), r < 0 ? -errno : r, 0);
    return r;
}

WEFT_EXPORT int poll(pollfd *fds, nfds_t n, int timeout)
{
    if (!active() || timeout == 0)
        return REAL(poll)(fds, n, timeout);
    return ioWait(IoWaitKind::Poll, singleFd(fds, n), [&] { return REAL(poll)(fds, n, timeout); });
}

WEFT_EXPORT int __poll_chk(pollfd *fds, nfds_t n, int timeout, size_t fdslen)
{
    if (fdslen / sizeof(*fds) < n)
        __chk_fail();
    return poll(fds, n, timeout);
}

WEFT_EXPORT int ppoll(pollfd *fds, nfds_t n, const timespec *t, const sigset_t *mask)
{
    if (!active() || (t && t->tv_sec == 0 && t->tv_nsec == 0))
        return REAL(ppoll)(fds, n, t, mask);
    return ioWait(IoWaitKind::Poll, singleFd(fds, n), [&] { return REAL(ppoll)(fds, n, t, mask); });
}

WEFT_EXPORT int select(int n, fd_set *r, fd_set *w, fd_set *e, timeval *t)
{
    if (!active() || (t && t->tv_sec == 0 && t->tv_usec == 0))
        return REAL(select)(n, r, w, e, t);
    return ioWait(IoWaitKind::Select, -1, [&] { return REAL(select)(n, r, w, e, t); });
}

WEFT_EXPORT int pselect(int n, fd_set *r, fd_set *w, fd_set *e, const timespec *t,
                        const sigset_t *mask)
{
    if (!active() || (t && t->tv_sec == 0 && t->tv_nsec == 0))
        return REAL(pselect)(n, r, w, e, t, mask);
    return ioWait(IoWaitKind::Select, -1, [&] { return REAL(pselect)(n, r, w, e, t, mask); });
}

WEFT_EXPORT int epoll_wait(int epfd, epoll_event *ev, int max, int timeout)
{
    if (!active() || timeout == 0)
        return REAL(epoll_wait)(epfd, ev, max, timeout);
    return ioWait(IoWaitKind::Epoll, -1, [&] { return REAL(epoll_wait)(epfd, ev, max, timeout); });
}

WEFT_EXPORT int epoll_pwait(int epfd, epoll_event *ev, int max, int timeout, const sigset_t *mask)
{
    if (!active() || timeout == 0)
        return REAL(epoll_pwait)(epfd, ev, max, timeout, mask);
    return ioWait(IoWaitKind::Epoll, -1,
                  [&] { return REAL(epoll_pwait)(epfd, ev, max, timeout, mask); });
}

// ---- stdio on stdout/stderr ------------------------------------------------
// glibc's stdio writes through its internal write, which no PLT wrapper sees,
// so what a C program prints is recorded at the stdio call (the moment it
// printed, before any buffering). Print value = bytes handed to stdio.

WEFT_EXPORT size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    size_t r = REAL(fwrite)(p, size, n, f);
    if (r > 0 && isStdStream(f) && active())
        recordPrint(f->_fileno, static_cast<ssize_t>(r * size), p);
    return r;
}

WEFT_EXPORT int fputs(const char *s, FILE *f)
{
    int r = REAL(fputs)(s, f);
    if (r >= 0 && isStdStream(f) && active())
        recordPrint(f->_fileno, static_cast<ssize_t>(std::strlen(s)), s);
    return r;
}

WEFT_EXPORT int puts(const char *s)
{
    int r = REAL(puts)(s);
    if (r >= 0 && active()) {
        char text[weft::record::kMaxTextBytes];
        std::size_t n = strnlen(s, sizeof text - 1);
        std::memcpy(text, s, n);
        text[n] = '\n';
        emit(RawKind::Print, 1, static_cast<std::int64_t>(std::strlen(s) + 1), 0, text, n + 1);
    }
    return r;
}

static int putOne(int c, FILE *f, int r)
{
    if (r != EOF && isStdStream(f) && active()) {
        char ch = static_cast<char>(c);
        emit(RawKind::Print, static_cast<std::uint64_t>(f->_fileno), 1, 0, &ch, 1);
    }
    return r;
}

WEFT_EXPORT int fputc(int c, FILE *f)
{
    return putOne(c, f, REAL(fputc)(c, f));
}
WEFT_EXPORT int putc(int c, FILE *f)
{
    return putOne(c, f, REAL(putc)(c, f));
}
WEFT_EXPORT int putchar(int c)
{
    return putOne(c, stdout, REAL(putchar)(c));
}

WEFT_EXPORT int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    if (!isStdStream(f) || !active())
        return REAL(vfprintf)(f, fmt, ap);
    char text[weft::record::kMaxTextBytes + 1];
    std::size_t n = formatText(text, fmt, ap);
    int r = REAL(vfprintf)(f, fmt, ap);
    if (r > 0)
        emit(RawKind::Print, static_cast<std::uint64_t>(f->_fileno), r, 0, text, n);
    return r;
}

WEFT_EXPORT int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap)
{
    if (!isStdStream(f) || !active())
        return REAL(__vfprintf_chk)(f, flag, fmt, ap);
    char text[weft::record::kMaxTextBytes + 1];
    std::size_t n = formatText(text, fmt, ap);
    int r = REAL(__vfprintf_chk)(f, flag, fmt, ap);
    if (r > 0)
        emit(RawKind::Print, static_cast<std::uint64_t>(f->_fileno), r, 0, text, n);
    return r;
}

WEFT_EXPORT int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}
WEFT_EXPORT int __vprintf_chk(int flag, const char *fmt, va_list ap)
{
    return __vfprintf_chk(stdout, flag, fmt, ap);
}

WEFT_EXPORT int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

WEFT_EXPORT int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

WEFT_EXPORT int __printf_chk(int flag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __vfprintf_chk(stdout, flag, fmt, ap);
    va_end(ap);
    return r;
}

WEFT_EXPORT int __fprintf_chk(FILE *f, int flag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __vfprintf_chk(f, flag, fmt, ap);
    va_end(ap);
    return r;
}
