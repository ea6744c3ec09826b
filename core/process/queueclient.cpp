// SPDX-License-Identifier: MIT
#include "queueclient.h"

#include "connection.h"
#include "core/runcontext.h"

#include <QCoreApplication>
#include <stdexcept>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::QueueClient)
};
} // namespace

QueueClient::QueueClient(FramedSocket socket, QString name, quint32 object)
    : m_socket(std::move(socket))
    , m_name(std::move(name))
    , m_object(object)
{
}

QueueClient QueueClient::adopt(int fd, const QString &name)
{
    RunContext &context = RunContext::require("weft::QueueClient");
    return QueueClient(FramedSocket(fd), name,
                       context.recorder().addObject(name, ObjectKind::Queue));
}

void QueueClient::put(const QByteArray &item, std::source_location location)
{
    RunContext &context = RunContext::require("weft::QueueClient");
    context.passGate(EventKind::MessageSend, m_object,
                     Tr::tr("put %n byte(s) on %1", nullptr, int(item.size())).arg(m_name),
                     location);
    // Recorded before the item leaves, so a put is never drawn after its get.
    context.record(EventKind::MessageSend, location, m_object, item.size(),
                   context.recorder().intern(messagePreview(item)));
    m_socket.send(char(Put) + item);
    awaitReply(Accepted, Tr::tr("queue full"), location);
}

QByteArray QueueClient::get(std::source_location location)
{
    RunContext &context = RunContext::require("weft::QueueClient");
    context.passGate(EventKind::MessageRecv, m_object, Tr::tr("get from %1").arg(m_name), location);
    m_socket.send(QByteArray(1, Get));
    QByteArray item = awaitReply(Item, Tr::tr("queue empty"), location);
    context.record(EventKind::MessageRecv, location, m_object, item.size(),
                   context.recorder().intern(messagePreview(item)));
    return item;
}

QByteArray QueueClient::awaitReply(char expected, const QString &waitingFor,
                                   const std::source_location &location)
{
    RunContext &context = RunContext::require("weft::QueueClient");
    QByteArray reply = m_socket.receive();
    const bool waited = !reply.isEmpty() && reply.at(0) == Wait;
    if (waited) {
        context.record(EventKind::IoWaitBegin, location, m_object, 0,
                       context.recorder().intern(waitingFor));
        try {
            reply = m_socket.receive();
        } catch (...) {
            context.record(EventKind::IoWaitEnd, location, m_object, 0, 0, Abnormal);
            throw;
        }
        context.record(EventKind::IoWaitEnd, location, m_object);
    }
    if (reply.isEmpty() || reply.at(0) != expected)
        throw std::runtime_error("the queue answered with a malformed reply");
    return reply.mid(1);
}

} // namespace weft
