// SPDX-License-Identifier: MIT
#include "framedsocket.h"

#include "core/cancelled.h"
#include "core/runcontext.h"

#include <QtEndian>
#include <cerrno>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <system_error>
#include <unistd.h>

namespace weft {

namespace {
// Long enough to cost nothing while idle, short enough that cancel feels immediate.
constexpr int kSliceMs = 10;

void throwIfRunCancelled()
{
    if (RunContext *context = RunContext::current())
        context->throwIfCancelled();
}

// Waits for `events` on fd in slices; returns the revents seen.
short waitFor(int fd, short events)
{
    for (;;) {
        pollfd p {fd, events, 0};
        const int n = ::poll(&p, 1, kSliceMs);
        if (n > 0)
            return p.revents;
        if (n < 0 && errno != EINTR)
            throw std::system_error(errno, std::generic_category(), "poll");
        throwIfRunCancelled();
    }
}
} // namespace

FramedSocket::FramedSocket(int fd)
    : m_fd(fd)
{
}

FramedSocket::~FramedSocket()
{
    close();
}

FramedSocket::FramedSocket(FramedSocket &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{
}

FramedSocket &FramedSocket::operator=(FramedSocket &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

std::pair<FramedSocket, FramedSocket> FramedSocket::pair()
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        throw std::system_error(errno, std::generic_category(), "socketpair");
    return {FramedSocket(fds[0]), FramedSocket(fds[1])};
}

int FramedSocket::release()
{
    return std::exchange(m_fd, -1);
}

void FramedSocket::close()
{
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
}

void FramedSocket::send(const QByteArray &frame)
{
    if (m_fd < 0)
        throw std::runtime_error("send on a closed connection");
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(quint32(frame.size()), bytes.data());
    bytes += frame;
    qsizetype done = 0;
    while (done < bytes.size()) {
        // Non-blocking writes with sliced waits: a full peer never traps a cancelled thread.
        const ssize_t n = ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done),
                                 MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            waitFor(m_fd, POLLOUT);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        throw std::runtime_error("the other end closed the connection");
    }
}

void FramedSocket::readExactly(char *data, qsizetype size)
{
    qsizetype done = 0;
    while (done < size) {
        const ssize_t n = ::recv(m_fd, data + done, size_t(size - done), MSG_DONTWAIT);
        if (n > 0) {
            done += n;
            continue;
        }
        if (n == 0)
            throw std::runtime_error("the other end closed the connection");
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            waitFor(m_fd, POLLIN);
            continue;
        }
        if (errno == EINTR)
            continue;
        throw std::runtime_error("the connection failed");
    }
}

QByteArray FramedSocket::receive()
{
    if (m_fd < 0)
        throw std::runtime_error("receive on a closed connection");
    char header[4];
    readExactly(header, 4);
    const quint32 size = qFromBigEndian<quint32>(header);
    if (size > quint32(kMaxFrameBytes))
        throw std::runtime_error("a malformed frame arrived on the connection");
    QByteArray frame(qsizetype(size), Qt::Uninitialized);
    if (size > 0)
        readExactly(frame.data(), frame.size());
    return frame;
}

bool FramedSocket::waitReadable(std::chrono::milliseconds timeout) const
{
    if (m_fd < 0)
        return true;
    pollfd p {m_fd, POLLIN, 0};
    int n;
    do {
        n = ::poll(&p, 1, int(timeout.count()));
    } while (n < 0 && errno == EINTR);
    return n > 0;
}

} // namespace weft
