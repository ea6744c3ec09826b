// SPDX-License-Identifier: MIT
#include "connection.h"

#include "core/runcontext.h"

#include <QCoreApplication>
#include <algorithm>
#include <poll.h>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Connection)
};
} // namespace

Connection::Connection(FramedSocket socket, QString sendChannel, quint32 sendObject,
                       QString recvChannel, quint32 recvObject)
    : m_socket(std::move(socket))
    , m_sendChannel(std::move(sendChannel))
    , m_sendObject(sendObject)
    , m_recvChannel(std::move(recvChannel))
    , m_recvObject(recvObject)
{
}

std::pair<Connection, Connection> Connection::pipe(const QString &name, const QString &firstEnd,
                                                   const QString &secondEnd)
{
    RunContext &context = RunContext::require("weft::Connection");
    const QString forward = QStringLiteral("%1: %2 → %3").arg(name, firstEnd, secondEnd);
    const QString backward = QStringLiteral("%1: %2 → %3").arg(name, secondEnd, firstEnd);
    const quint32 forwardObject = context.recorder().addObject(forward, ObjectKind::Channel);
    const quint32 backwardObject = context.recorder().addObject(backward, ObjectKind::Channel);
    auto [a, b] = FramedSocket::pair();
    return {Connection(std::move(a), forward, forwardObject, backward, backwardObject),
            Connection(std::move(b), backward, backwardObject, forward, forwardObject)};
}

Connection Connection::adopt(int fd, const QString &sendChannel, const QString &recvChannel)
{
    RunContext &context = RunContext::require("weft::Connection");
    const quint32 sendObject = context.recorder().addObject(sendChannel, ObjectKind::Channel);
    const quint32 recvObject = context.recorder().addObject(recvChannel, ObjectKind::Channel);
    return Connection(FramedSocket(fd), sendChannel, sendObject, recvChannel, recvObject);
}

void Connection::send(const QByteArray &message, std::source_location location)
{
    RunContext &context = RunContext::require("weft::Connection");
    context.passGate(
        EventKind::MessageSend, m_sendObject,
        Tr::tr("send %n byte(s) on %1", nullptr, int(message.size())).arg(m_sendChannel), location);
    // Recorded before the write, so the send is never later than its receive.
    context.record(EventKind::MessageSend, location, m_sendObject, message.size(),
                   context.recorder().intern(messagePreview(message)));
    m_socket.send(message);
}

QByteArray Connection::recv(std::source_location location)
{
    RunContext &context = RunContext::require("weft::Connection");
    context.passGate(EventKind::MessageRecv, m_recvObject,
                     Tr::tr("receive on %1").arg(m_recvChannel), location);
    const bool mustWait = !m_socket.waitReadable(std::chrono::milliseconds(0));
    if (mustWait)
        context.record(EventKind::IoWaitBegin, location, m_recvObject, 0,
                       context.recorder().intern(Tr::tr("waiting for a message")));
    QByteArray message;
    try {
        message = m_socket.receive();
    } catch (...) {
        if (mustWait)
            context.record(EventKind::IoWaitEnd, location, m_recvObject, 0, 0, Abnormal);
        throw;
    }
    if (mustWait)
        context.record(EventKind::IoWaitEnd, location, m_recvObject);
    context.record(EventKind::MessageRecv, location, m_recvObject, message.size(),
                   context.recorder().intern(messagePreview(message)));
    return message;
}

bool Connection::poll(std::chrono::milliseconds timeout) const
{
    return m_socket.waitReadable(timeout);
}

std::vector<Connection *> Connection::wait(std::vector<Connection> &connections,
                                           std::source_location location)
{
    RunContext &context = RunContext::require("weft::Connection");
    const QString waiting = Tr::tr("waiting for a message");
    context.passGate(EventKind::IoWaitBegin, 0, waiting, location);
    std::vector<pollfd> fds;
    fds.reserve(connections.size());
    for (const Connection &c : connections)
        fds.push_back({c.isOpen() ? c.fd() : -1, POLLIN, 0});
    bool waited = false;
    for (;;) {
        if (std::none_of(fds.begin(), fds.end(), [](const pollfd &p) { return p.fd >= 0; }))
            break;
        // Slices keep the wait cancellable.
        const int ready = ::poll(fds.data(), nfds_t(fds.size()), waited ? 10 : 0);
        if (ready > 0)
            break;
        if (context.isCancelled()) {
            if (waited)
                context.record(EventKind::IoWaitEnd, location, 0, 0, 0, Abnormal);
            context.throwIfCancelled();
        }
        if (!waited) {
            context.record(EventKind::IoWaitBegin, location, 0, 0,
                           context.recorder().intern(waiting));
            waited = true;
        }
    }
    if (waited)
        context.record(EventKind::IoWaitEnd, location);
    std::vector<Connection *> readable;
    for (std::size_t i = 0; i < fds.size(); ++i) {
        if (fds[i].fd >= 0 && fds[i].revents != 0)
            readable.push_back(&connections[i]);
    }
    return readable;
}

QString messagePreview(const QByteArray &message)
{
    constexpr qsizetype kPreviewBytes = 40;
    QString text = QString::fromUtf8(message.left(kPreviewBytes));
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('.');
    }
    if (message.size() > kPreviewBytes)
        text += QStringLiteral("…");
    return text;
}

} // namespace weft
