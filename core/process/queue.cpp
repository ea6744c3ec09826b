// SPDX-License-Identifier: MIT
#include "queue.h"

#include "core/runcontext.h"

#include <QCoreApplication>

namespace weft {

Queue::Queue(const QString &name, int maxSize, std::source_location location)
    : m_name(name)
    , m_maxSize(std::max(1, maxSize))
{
    RunContext &context = RunContext::require("weft::Queue");
    m_object = context.recorder().addObject(name, ObjectKind::Queue);
    const quint32 depth = context.recorder().addObject(
        QCoreApplication::translate("weft::Queue", "%1 depth").arg(name), ObjectKind::Counter);
    m_server = std::make_unique<QueueServer>(
        QCoreApplication::translate("weft::Queue", "%1 server").arg(name), depth, m_maxSize);
    m_server->start(location);
}

Queue::~Queue()
{
    // The server's destructor waits (silently) for its lane to end; it ends
    // within one poll slice of the stop request, or at once on cancel.
    m_server->requestStop();
    m_server.reset();
}

void Queue::put(const QByteArray &item, std::source_location location)
{
    QueueClient client = takeClient();
    client.put(item, location);
    // Only after a whole exchange: a client left mid-way (an exception) is dropped.
    returnClient(std::move(client));
}

QByteArray Queue::get(std::source_location location)
{
    QueueClient client = takeClient();
    QByteArray item = client.get(location);
    returnClient(std::move(client));
    return item;
}

QueueClient Queue::takeClient()
{
    {
        std::lock_guard lock(m_idleMutex);
        if (!m_idle.empty()) {
            QueueClient client = std::move(m_idle.back());
            m_idle.pop_back();
            return client;
        }
    }
    return connect();
}

void Queue::returnClient(QueueClient client)
{
    std::lock_guard lock(m_idleMutex);
    m_idle.push_back(std::move(client));
}

QueueClient Queue::connect()
{
    auto [mine, theirs] = FramedSocket::pair();
    m_server->addClient(std::move(theirs));
    return QueueClient(std::move(mine), m_name, m_object);
}

FramedSocket Queue::connectRemote()
{
    auto [mine, theirs] = FramedSocket::pair();
    m_server->addClient(std::move(theirs));
    return std::move(mine);
}

} // namespace weft
