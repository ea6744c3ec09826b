// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>
#include <atomic>
#include <chrono>
#include <memory>
#include <source_location>

namespace weft {

class RunContext;
class TcpSocket;

// A traced listening TCP socket: bind, listen(backlog), accept, close, in the
// shape of the BSD calls a socket tutorial teaches.
//
// It is a native socket rather than a QTcpServer on purpose: QTcpServer binds
// and listens in one call and drains the kernel's accept queue into its own
// list, which would hide the very backlog the socket scenarios show. Here
// accept() takes exactly one connection from the kernel queue, and
// pendingConnections() reads the queue's real length. Accepted connections
// are TcpSockets (QTcpSocket underneath).
//
// Records SocketOp create/bind/listen/accept/close (bind and listen carry the
// port as value, accept carries the peer's port and names the new socket as
// object), an I/O wait span around a blocking accept, and Error events, each
// at the caller's line; a listener destroyed without close() records its
// close at the line that made it.
class TcpListener
{
public:
    explicit TcpListener(QString name = {},
                         std::source_location location = std::source_location::current());
    ~TcpListener();
    TcpListener(const TcpListener &) = delete;
    TcpListener &operator=(const TcpListener &) = delete;

    // Bounds accept(); 0 (the default) waits until the run is cancelled.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Port 0 lets the kernel pick a free port; port() tells which.
    void bind(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0,
              std::source_location location = std::source_location::current());
    void listen(int backlog, std::source_location location = std::source_location::current());
    // Blocks until a client connects. Returns nullptr (without an error) if
    // `stop` becomes true while waiting, so a serving loop can be ended.
    std::unique_ptr<TcpSocket> accept(const std::atomic<bool> *stop = nullptr,
                                      std::source_location location
                                      = std::source_location::current());
    void close(std::source_location location = std::source_location::current());

    // Completed connections waiting in the kernel's accept queue (Linux
    // TCP_INFO); -1 if unknown.
    int pendingConnections() const;

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    int backlog() const { return m_backlog; }
    bool isListening() const { return m_listening; }

private:
    void release();
    void requireOpen(const char *operation, const std::source_location &location);

    RunContext &m_context;
    std::source_location m_createdAt; // where a close() left out is drawn
    QString m_name;
    quint32 m_object = 0;
    int m_fd = -1;
    bool m_closed = false;
    bool m_listening = false;
    int m_backlog = 0;
    std::chrono::milliseconds m_timeout {0};
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace weft
