// SPDX-License-Identifier: MIT
#include "queue.h"

#include "core/runcontext.h"

#include <QCoreApplication>

namespace weft {

Queue::Queue(const QString &name, int maxSize)
    : m_name(name)
    , m_maxSize(std::max(1, maxSize))
{
    RunContext &context = RunContext::require("weft::Queue");
    m_object = context.recorder().addObject(name, ObjectKind::Queue);
    const quint32 depth = context.recorder().addObject(
        QCoreApplication::translate("weft::Queue", "%1 depth").arg(name), ObjectKind::Counter);
    m_server = std::make_unique<QueueServer>(
        QCoreApplication::translate("weft::Queue", "%1 server").arg(name), depth, m_maxSize);
    m_server->start();
}

Queue::~Queue()
{
    // The server's destructor waits (silently) for its lane to end; it ends
    // within one poll slice of the stop request, or at once on cancel.
    m_server->requestStop();
    m_server.reset();
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
