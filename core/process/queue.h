// SPDX-License-Identifier: MIT
#pragma once

#include "queueclient.h"
#include "queueserver.h"

#include <QString>
#include <memory>
#include <mutex>
#include <source_location>
#include <vector>

namespace weft {

// A bounded queue shared by processes (Python's multiprocessing.Queue(maxsize)).
//
// Processes share no memory, so the items live in one place: a server lane
// ("<name> server") in the process that created the queue. Every process that
// uses it — this one through connect(), a worker through Process::pass() —
// holds a QueueClient talking to that lane. The queue's depth is a counter
// track ("<name> depth").
class Queue
{
public:
    // Starts the server lane in the calling run; its start is drawn at the caller's line.
    Queue(const QString &name, int maxSize,
          std::source_location location = std::source_location::current());
    ~Queue();
    Queue(const Queue &) = delete;
    Queue &operator=(const Queue &) = delete;

    // put() and get() from the process that created the queue, as Python's
    // q.put() and q.get() (see QueueClient). Any thread of it may call them.
    void put(const QByteArray &item,
             std::source_location location = std::source_location::current());
    QByteArray get(std::source_location location = std::source_location::current());

    // A client for the calling process.
    QueueClient connect();
    // The socket end to hand to a worker process (see Process::pass()).
    FramedSocket connectRemote();

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    int maxSize() const { return m_maxSize; }
    QueueStats stats() const { return m_server->stats(); }

private:
    // Each blocking call holds a client of its own: one thread's put waiting on
    // a full queue must not stop another thread's get.
    QueueClient takeClient();
    void returnClient(QueueClient client);

    QString m_name;
    int m_maxSize;
    quint32 m_object = 0;
    std::unique_ptr<QueueServer> m_server;
    std::mutex m_idleMutex;
    std::vector<QueueClient> m_idle;
};

} // namespace weft
