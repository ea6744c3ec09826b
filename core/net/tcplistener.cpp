// SPDX-License-Identifier: MIT
#include "tcplistener.h"

#include "channelregistry.h"
#include "core/cancelled.h"
#include "core/runcontext.h"
#include "netsupport.h"
#include "tcpsocket.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace weft {

using namespace netsupport;

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::TcpListener)
};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The address and port of a sockaddr filled in by getsockname/accept.
void fromSockaddr(const sockaddr_storage &storage, QHostAddress *address, quint16 *port)
{
    address->setAddress(reinterpret_cast<const sockaddr *>(&storage));
    if (storage.ss_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    else if (storage.ss_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
}

int openSocket(int family)
{
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd >= 0) {
        const int on = 1;
        // A port freed by an earlier run can be bound again at once.
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    }
    return fd;
}
} // namespace

TcpListener::TcpListener(QString name, std::source_location location)
    : m_context(RunContext::require("weft::TcpListener"))
    , m_createdAt(location)
    , m_name(name.isEmpty() ? QStringLiteral("listener") : std::move(name))
{
    m_context.passGate(EventKind::SocketOp, 0, Tr::tr("create %1").arg(m_name), location);
    m_object = m_context.recorder().addObject(m_name, ObjectKind::Socket);
    ChannelRegistry::attach(m_context.recorder());
    m_fd = openSocket(AF_INET);
    if (m_fd < 0)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("Cannot create a socket: %1").arg(systemError(errno)), location);
    m_context.record(EventKind::SocketOp, location, m_object, 0,
                     m_context.recorder().intern(QStringLiteral("create")));
}

TcpListener::~TcpListener()
{
    if (!m_closed) {
        release();
        m_context.record(EventKind::SocketOp, m_createdAt, m_object, 0,
                         m_context.recorder().intern(QStringLiteral("close")));
    }
    ChannelRegistry::detach(m_context.recorder());
}

void TcpListener::release()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_closed = true;
    m_listening = false;
}

void TcpListener::requireOpen(const char *operation, const std::source_location &location)
{
    if (m_closed)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("%1 on %2: the socket is closed").arg(QLatin1String(operation), m_name),
             location);
}

void TcpListener::bind(const QHostAddress &address, quint16 port, std::source_location location)
{
    const QString target = endpointText(address, port);
    m_context.passGate(EventKind::SocketOp, m_object, Tr::tr("bind %1").arg(target), location);
    requireOpen("bind", location);

    sockaddr_storage storage {};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // The socket was made for IPv4 at creation; an IPv6 address needs an IPv6 socket.
        ::close(m_fd);
        m_fd = openSocket(AF_INET6);
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        length = sizeof(sockaddr_in6);
    } else if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("Cannot bind to \"%1\": not an IP address").arg(address.toString()), location);
    }
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        fail(m_context, m_object,
             error == EADDRINUSE ? SocketError::Kind::AddressInUse : SocketError::Kind::Other,
             Tr::tr("Cannot bind %1: %2").arg(target, systemError(error)), location);
    }
    sockaddr_storage bound {};
    socklen_t boundLength = sizeof bound;
    ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    fromSockaddr(bound, &m_address, &m_port);
    m_context.record(EventKind::SocketOp, location, m_object, m_port,
                     m_context.recorder().intern(QStringLiteral("bind")));
}

void TcpListener::listen(int backlog, std::source_location location)
{
    m_context.passGate(EventKind::SocketOp, m_object, Tr::tr("listen (backlog %1)").arg(backlog),
                       location);
    requireOpen("listen", location);
    if (m_port == 0)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("listen on %1: bind() it to an address first").arg(m_name), location);
    if (::listen(m_fd, std::max(backlog, 0)) != 0)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("Cannot listen on %1: %2")
                 .arg(endpointText(m_address, m_port), systemError(errno)),
             location);
    m_listening = true;
    m_backlog = backlog;
    m_context.record(EventKind::SocketOp, location, m_object, m_port,
                     m_context.recorder().intern(QStringLiteral("listen")));
}

std::unique_ptr<TcpSocket> TcpListener::accept(const std::atomic<bool> *stop,
                                               std::source_location location)
{
    m_context.passGate(EventKind::SocketOp, m_object, Tr::tr("accept on %1").arg(m_name), location);
    requireOpen("accept", location);
    if (!m_listening)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("accept on %1: call listen() first").arg(m_name), location);

    bool waiting = false;
    Deadline deadline(m_timeout, m_context.gate());
    for (;;) {
        sockaddr_storage peer {};
        socklen_t peerLength = sizeof peer;
        const int fd
            = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&peer), &peerLength, SOCK_CLOEXEC);
        if (fd >= 0) {
            if (waiting)
                m_context.record(EventKind::IoWaitEnd, location, m_object);
            sockaddr_storage local {};
            socklen_t localLength = sizeof local;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLength);
            QHostAddress localAddress, peerAddress;
            quint16 localPort = 0, peerPort = 0;
            fromSockaddr(local, &localAddress, &localPort);
            fromSockaddr(peer, &peerAddress, &peerPort);
            std::unique_ptr<TcpSocket> connection(new TcpSocket(
                m_context, fd, localAddress, localPort, peerAddress, peerPort, location));
            m_context.record(EventKind::SocketOp, location, connection->object(), peerPort,
                             m_context.recorder().intern(QStringLiteral("accept")));
            return connection;
        }
        const int error = errno;
        if (error != EAGAIN && error != EWOULDBLOCK && error != EINTR && error != ECONNABORTED) {
            if (waiting)
                m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
            fail(m_context, m_object, SocketError::Kind::Other,
                 Tr::tr("accept on %1 failed: %2").arg(m_name, systemError(error)), location);
        }
        if (!waiting) {
            waiting = true;
            m_context.record(EventKind::IoWaitBegin, location, m_object, 0,
                             m_context.recorder().intern(QStringLiteral("accept")));
        }
        if (m_context.isCancelled()) {
            m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
            throw Cancelled {};
        }
        if (stop && stop->load()) {
            m_context.record(EventKind::IoWaitEnd, location, m_object);
            return nullptr;
        }
        if (deadline.expired()) {
            m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
            fail(m_context, m_object, SocketError::Kind::TimedOut,
                 Tr::tr("accept on %1 timed out: no client connected within %2 ms")
                     .arg(m_name)
                     .arg(m_timeout.count()),
                 location);
        }
        pollfd readable {m_fd, POLLIN, 0};
        ::poll(&readable, 1, deadline.sliceMs());
    }
}

void TcpListener::close(std::source_location location)
{
    if (m_closed)
        return;
    m_context.passGate(EventKind::SocketOp, m_object, Tr::tr("close %1").arg(m_name), location);
    release();
    m_context.record(EventKind::SocketOp, location, m_object, 0,
                     m_context.recorder().intern(QStringLiteral("close")));
}

int TcpListener::pendingConnections() const
{
    if (m_fd < 0 || !m_listening)
        return -1;
    // For a listening socket Linux reports the accept queue's length in
    // tcpi_unacked (and the backlog limit in tcpi_sacked).
    tcp_info info {};
    socklen_t length = sizeof info;
    if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return -1;
    return int(info.tcpi_unacked);
}

} // namespace weft
