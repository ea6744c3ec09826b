// SPDX-License-Identifier: MIT
#pragma once

#include "framedsocket.h"

#include <QString>
#include <source_location>

namespace weft {

// A process's handle on a cross-process bounded Queue (Python's
// multiprocessing.Queue put/get). The items live in the queue's server lane;
// the client talks to it over a socket with a one-byte request/reply protocol.
//
// put() records MessageSend and get() records MessageRecv on the queue object
// with the item's bytes, so the timeline draws an arrow from the producer's
// lane to the consumer's. A put on a full queue or a get on an empty one
// records an IoWait span for as long as it blocks.
class QueueClient
{
public:
    // The wire protocol, one byte at the start of each frame.
    enum Op : char {
        Put = 'P', // client → server, followed by the item
        Get = 'G', // client → server
        Accepted = 'A', // server → client: the put item is in the queue
        Wait = 'W', // server → client: full (put) or empty (get); the answer follows later
        Item = 'D', // server → client, followed by the item
    };

    QueueClient() = default;
    QueueClient(FramedSocket socket, QString name, quint32 object);
    QueueClient(QueueClient &&) noexcept = default;
    QueueClient &operator=(QueueClient &&) noexcept = default;

    // The end a worker process was given; the parent maps the name back to its queue.
    static QueueClient adopt(int fd, const QString &name);

    void put(const QByteArray &item,
             std::source_location location = std::source_location::current());
    // Throws std::runtime_error if the queue went away.
    QByteArray get(std::source_location location = std::source_location::current());

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }

private:
    QByteArray awaitReply(char expected, const QString &waitingFor,
                          const std::source_location &location);

    FramedSocket m_socket;
    QString m_name;
    quint32 m_object = 0;
};

} // namespace weft
