// SPDX-License-Identifier: MIT
#pragma once

#include "framedsocket.h"

#include <QString>
#include <chrono>
#include <source_location>
#include <utility>
#include <vector>

namespace weft {

// One end of a duplex message pipe between two processes (Python's
// multiprocessing.Pipe()): a socketpair carrying whole messages.
//
// Each direction is its own Channel object ("pipe: parent → child" and back),
// so the timeline pairs every MessageSend with the MessageRecv at the other
// end in order. recv() that has to wait records an IoWait span.
class Connection
{
public:
    Connection() = default;
    Connection(FramedSocket socket, QString sendChannel, quint32 sendObject, QString recvChannel,
               quint32 recvObject);
    Connection(Connection &&) noexcept = default;
    Connection &operator=(Connection &&) noexcept = default;

    // Both ends, created in the calling run; end names label the channel objects.
    static std::pair<Connection, Connection> pipe(const QString &name, const QString &firstEnd,
                                                  const QString &secondEnd);
    // The end a worker process was given: registers the same channel names there,
    // which the parent maps back onto its own objects.
    static Connection adopt(int fd, const QString &sendChannel, const QString &recvChannel);

    void send(const QByteArray &message,
              std::source_location location = std::source_location::current());
    // Blocks until a message arrives; throws std::runtime_error if the other end closed.
    QByteArray recv(std::source_location location = std::source_location::current());
    // True if recv() would not block.
    bool poll(std::chrono::milliseconds timeout = std::chrono::milliseconds(0)) const;
    // Python's multiprocessing.connection.wait(): blocks until at least one of
    // the open connections has a message (or its other end closed) and returns
    // those, in order. A wait that blocks is drawn as a wait span. Closed
    // connections are skipped; with none open it returns at once, empty.
    static std::vector<Connection *> wait(std::vector<Connection> &connections,
                                          std::source_location location
                                          = std::source_location::current());
    void close() { m_socket.close(); }
    bool isOpen() const { return m_socket.isValid(); }
    int fd() const { return m_socket.fd(); }

    QString sendChannel() const { return m_sendChannel; }
    QString recvChannel() const { return m_recvChannel; }
    quint32 sendObject() const { return m_sendObject; }
    quint32 recvObject() const { return m_recvObject; }
    FramedSocket takeSocket() { return std::move(m_socket); }

private:
    FramedSocket m_socket;
    QString m_sendChannel;
    quint32 m_sendObject = 0;
    QString m_recvChannel;
    quint32 m_recvObject = 0;
};

// The first characters of a message, printable, for an event's text.
QString messagePreview(const QByteArray &message);

} // namespace weft
