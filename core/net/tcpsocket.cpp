// SPDX-License-Identifier: MIT
#include "tcpsocket.h"

#include "channelregistry.h"
#include "core/cancelled.h"
#include "core/runcontext.h"
#include "hostresolver.h"
#include "netsupport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace weft {

using namespace netsupport;

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::TcpSocket)
};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

TcpSocket::TcpSocket(QString name, std::source_location location)
    : m_context(RunContext::require("weft::TcpSocket"))
    , m_createdAt(location)
    , m_name(name.isEmpty() ? QStringLiteral("socket") : std::move(name))
{
    m_context.passGate(EventKind::SocketOp, 0, Tr::tr("create %1").arg(m_name), location);
    m_object = m_context.recorder().addObject(m_name, ObjectKind::Socket);
    ChannelRegistry::attach(m_context.recorder());
    m_context.record(EventKind::SocketOp, location, m_object, 0,
                     m_context.recorder().intern(QStringLiteral("create")));
}

TcpSocket::TcpSocket(RunContext &context, qintptr descriptor, const QHostAddress &local,
                     quint16 localPort, const QHostAddress &peer, quint16 peerPort,
                     std::source_location acceptedAt)
    : m_context(context)
    , m_createdAt(acceptedAt)
    , m_name(Tr::tr("conn %1").arg(endpointText(peer, peerPort)))
    , m_acceptedDescriptor(descriptor)
    , m_connected(true)
    , m_localAddress(local)
    , m_localPort(localPort)
    , m_peerAddress(peer)
    , m_peerPort(peerPort)
{
    m_object = m_context.recorder().addObject(m_name, ObjectKind::Socket);
    ChannelRegistry::attach(m_context.recorder());
    openChannels();
}

TcpSocket::~TcpSocket()
{
    if (!m_closed) {
        release();
        m_context.record(EventKind::SocketOp, m_createdAt, m_object, 0,
                         m_context.recorder().intern(QStringLiteral("close")));
    }
    ChannelRegistry::detach(m_context.recorder());
}

bool TcpSocket::isOpen() const
{
    return m_connected && !m_closed;
}

void TcpSocket::openChannels()
{
    const QString local = endpointText(m_localAddress, m_localPort);
    const QString peer = endpointText(m_peerAddress, m_peerPort);
    const QString arrow = QString(QChar(0x2192));
    m_sendChannel = ChannelRegistry::channel(m_context.recorder(), local + arrow + peer);
    m_recvChannel = ChannelRegistry::channel(m_context.recorder(), peer + arrow + local);
}

void TcpSocket::release()
{
    if (m_socket) {
        // The socket engine belongs to the thread that used the socket.
        if (m_socket->thread() == QThread::currentThread())
            m_socket->abort();
        m_socket.reset();
    }
    if (m_acceptedDescriptor >= 0) {
        ::close(int(m_acceptedDescriptor));
        m_acceptedDescriptor = -1;
    }
    m_closed = true;
}

QTcpSocket *TcpSocket::socketForIo(const std::source_location &location)
{
    if (!m_socket && m_acceptedDescriptor >= 0) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setReadBufferSize(kReadBufferSize);
        if (!socket->setSocketDescriptor(m_acceptedDescriptor)) {
            const QString error = socket->errorString();
            release();
            fail(m_context, m_object, SocketError::Kind::Other,
                 Tr::tr("Cannot use the accepted connection: %1").arg(error), location);
        }
        m_acceptedDescriptor = -1;
        m_socket = std::move(socket);
    }
    if (m_socket && m_socket->thread() != QThread::currentThread())
        throw std::logic_error("a weft::TcpSocket is used by one thread at a time");
    return m_socket.get();
}

void TcpSocket::requireConnected(const char *operation, const std::source_location &location)
{
    if (m_closed)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("%1 on %2: the socket is closed").arg(QLatin1String(operation), m_name),
             location);
    if (!m_connected)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("%1 on %2: the socket is not connected").arg(QLatin1String(operation), m_name),
             location);
}

void TcpSocket::connect(const QString &host, quint16 port, std::source_location location)
{
    const QHostAddress address = resolveHost(host, m_timeout, location);
    connect(address, port, location);
}

void TcpSocket::connect(const QHostAddress &address, quint16 port, std::source_location location)
{
    const QString target = endpointText(address, port);
    m_context.passGate(EventKind::SocketOp, m_object, Tr::tr("connect to %1").arg(target),
                       location);
    if (m_closed || m_connected || m_socket)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("connect on %1: the socket is already used").arg(m_name), location);

    m_socket = std::make_unique<QTcpSocket>();
    m_socket->setReadBufferSize(kReadBufferSize);
    QTcpSocket *socket = m_socket.get();
    m_context.record(EventKind::IoWaitBegin, location, m_object, 0,
                     m_context.recorder().intern(Tr::tr("connect %1").arg(target)));

    // The handshake completes through this thread's event loop, woken every
    // slice to check for a cancel and the deadline (a timed-out
    // waitForConnected() would abort the attempt, so it cannot be sliced).
    QEventLoop loop;
    QTimer slice;
    slice.setSingleShot(true);
    QObject::connect(&slice, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(socket, &QAbstractSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(socket, &QAbstractSocket::errorOccurred, &loop, &QEventLoop::quit);
    socket->connectToHost(address, port);

    Deadline deadline(m_timeout, m_context.gate());
    while (socket->state() != QAbstractSocket::ConnectedState
           && socket->state() != QAbstractSocket::UnconnectedState && !m_context.isCancelled()
           && !deadline.expired()) {
        slice.start(deadline.sliceMs());
        loop.exec();
    }

    if (socket->state() != QAbstractSocket::ConnectedState) {
        const auto error = socket->error();
        const QString errorText = socket->errorString();
        const bool cancelled = m_context.isCancelled();
        const bool timedOut = socket->state() != QAbstractSocket::UnconnectedState;
        QObject::disconnect(socket, nullptr, &loop, nullptr);
        socket->abort();
        m_socket.reset();
        m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
        if (cancelled)
            throw Cancelled {};
        if (timedOut)
            fail(
                m_context, m_object, SocketError::Kind::TimedOut,
                Tr::tr("Connecting to %1 timed out after %2 ms").arg(target).arg(m_timeout.count()),
                location);
        if (error == QAbstractSocket::ConnectionRefusedError)
            fail(m_context, m_object, SocketError::Kind::ConnectionRefused,
                 Tr::tr("Connection to %1 refused: nothing is listening on that port").arg(target),
                 location);
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("Cannot connect to %1: %2").arg(target, errorText), location);
    }
    QObject::disconnect(socket, nullptr, &loop, nullptr);

    m_connected = true;
    m_localAddress = socket->localAddress();
    m_localPort = socket->localPort();
    m_peerAddress = socket->peerAddress();
    m_peerPort = socket->peerPort();
    openChannels();
    m_context.record(EventKind::IoWaitEnd, location, m_object);
    m_context.record(EventKind::SocketOp, location, m_object, m_localPort,
                     m_context.recorder().intern(QStringLiteral("connect")));
}

void TcpSocket::sendAll(const QByteArray &data, std::source_location location)
{
    m_context.passGate(EventKind::PacketSend, m_sendChannel,
                       Tr::tr("send %n byte(s)", nullptr, int(data.size())), location);
    requireConnected("sendall", location);
    // The bytes go to the kernel by send() itself rather than through Qt's write
    // buffer, so the size of each piece the kernel takes is known and drawn.
    // Reads still go through the QTcpSocket, whose write buffer stays empty.
    QTcpSocket *socket = socketForIo(location);
    if (!data.isEmpty() && socket->state() != QAbstractSocket::ConnectedState)
        fail(m_context, m_object, SocketError::Kind::PeerClosed,
             Tr::tr("send on %1 failed: %2").arg(m_name, socket->errorString()), location);
    const int fd = int(socket->socketDescriptor());
    Deadline deadline(m_timeout, m_context.gate());
    for (qint64 offset = 0; offset < data.size();) {
        // Stamped before the bytes leave, so a piece is never drawn arriving before it was sent.
        const quint64 before = Recorder::ticksNow();
        const ssize_t sent = ::send(fd, data.constData() + offset, size_t(data.size() - offset),
                                    MSG_DONTWAIT | MSG_NOSIGNAL);
        if (sent > 0) {
            const QByteArrayView piece = QByteArrayView(data).sliced(offset, sent);
            m_context.recordAt(before, EventKind::PacketSend, location, m_sendChannel, sent,
                               m_context.recorder().intern(preview(piece)));
            offset += sent;
            m_bytesSent += sent;
            continue;
        }
        const int error = sent < 0 ? errno : EAGAIN; // 0 bytes taken: no room either
        if (error == EINTR)
            continue;
        if (error != EAGAIN && error != EWOULDBLOCK)
            fail(m_context, m_object,
                 error == EPIPE || error == ECONNRESET ? SocketError::Kind::PeerClosed
                                                       : SocketError::Kind::Other,
                 Tr::tr("send on %1 failed: %2").arg(m_name, systemError(error)), location);
        waitForRoom(fd, deadline, location);
    }
}

void TcpSocket::waitForRoom(int fd, Deadline &deadline, const std::source_location &location)
{
    // The kernel's send buffer is full: the peer is not reading as fast as this side sends.
    m_context.record(EventKind::IoWaitBegin, location, m_object, 0,
                     m_context.recorder().intern(Tr::tr("send (buffer full)")));
    for (;;) {
        if (m_context.isCancelled()) {
            m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
            throw Cancelled {};
        }
        if (deadline.expired()) {
            m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
            fail(m_context, m_object, SocketError::Kind::TimedOut,
                 Tr::tr("send on %1 timed out: the peer did not read for %2 ms")
                     .arg(m_name)
                     .arg(m_timeout.count()),
                 location);
        }
        // Room, or an error the next send() reports.
        pollfd writable {fd, POLLOUT, 0};
        if (::poll(&writable, 1, deadline.sliceMs()) > 0)
            break;
    }
    m_context.record(EventKind::IoWaitEnd, location, m_object);
}

QByteArray TcpSocket::recv(qint64 maxBytes, std::source_location location)
{
    m_context.passGate(
        EventKind::PacketRecv, m_recvChannel,
        Tr::tr("recv up to %n byte(s)", nullptr, int(std::min<qint64>(maxBytes, INT_MAX))),
        location);
    requireConnected("recv", location);
    if (maxBytes <= 0)
        fail(m_context, m_object, SocketError::Kind::Other,
             Tr::tr("recv on %1: the size must be positive").arg(m_name), location);
    QTcpSocket *socket = socketForIo(location);

    if (socket->bytesAvailable() == 0 && socket->state() == QAbstractSocket::ConnectedState) {
        m_context.record(EventKind::IoWaitBegin, location, m_object, 0,
                         m_context.recorder().intern(QStringLiteral("recv")));
        Deadline deadline(m_timeout, m_context.gate());
        while (socket->bytesAvailable() == 0
               && socket->state() == QAbstractSocket::ConnectedState) {
            if (m_context.isCancelled()) {
                m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
                throw Cancelled {};
            }
            if (deadline.expired()) {
                m_context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
                fail(m_context, m_object, SocketError::Kind::TimedOut,
                     Tr::tr("recv on %1 timed out: nothing arrived within %2 ms")
                         .arg(m_name)
                         .arg(m_timeout.count()),
                     location);
            }
            socket->waitForReadyRead(deadline.sliceMs());
        }
        m_context.record(EventKind::IoWaitEnd, location, m_object);
    }

    if (socket->bytesAvailable() == 0) {
        // Python's recv() returning b"": an orderly close (or a reset) by the peer.
        m_context.record(
            EventKind::Mark, location, m_object, 0,
            m_context.recorder().intern(Tr::tr("%1: peer closed the connection").arg(m_name)));
        return {};
    }
    QByteArray data = socket->read(std::min(maxBytes, socket->bytesAvailable()));
    m_bytesReceived += data.size();
    m_context.record(EventKind::PacketRecv, location, m_recvChannel, data.size(),
                     m_context.recorder().intern(preview(data)));
    return data;
}

void TcpSocket::close(std::source_location location)
{
    if (m_closed)
        return;
    m_context.passGate(EventKind::SocketOp, m_object, Tr::tr("close %1").arg(m_name), location);
    if (m_socket && m_socket->thread() != QThread::currentThread())
        throw std::logic_error("a weft::TcpSocket is closed by the thread that used it");
    release();
    m_context.record(EventKind::SocketOp, location, m_object, 0,
                     m_context.recorder().intern(QStringLiteral("close")));
}

} // namespace weft
