// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <chrono>
#include <memory>
#include <source_location>

class QTcpSocket;

namespace weft {

class RunContext;
namespace netsupport {
class Deadline;
}

// A traced, blocking TCP socket in the shape of Python's socket object:
// create, connect, sendall, recv, close. Built on QTcpSocket used in blocking
// style on the calling thread, in short wait slices, so a cancel is noticed
// within a slice and no event loop is needed by the scenario.
//
// Records on the calling thread's lane: SocketOp (create/connect/close,
// object = this socket), IoWaitBegin/End around a blocking connect, recv or a
// sendall waiting for room, PacketSend/PacketRecv (value = bytes, text = a
// payload preview) on the Channel object of that direction, and Error
// (Abnormal) for failures, which are also thrown as SocketError.
//
// Each call records at the caller's line (a defaulted std::source_location),
// so the code panel shows the lesson's line. A socket that is destroyed
// without close() records its close at the line that made it, as Python's
// `with socket.socket() as s:` closes at the end of that block.
//
// A socket is used by one thread at a time and closed on the thread that used
// it last (its QTcpSocket belongs to that thread). An accepted socket creates
// its QTcpSocket on its first use, so the accepting thread can hand it to a
// handler thread. Reads are bounded: recv() returns at most maxBytes, and no
// more than kReadBufferSize bytes of the peer's data are ever buffered.
class TcpSocket
{
public:
    static constexpr qint64 kReadBufferSize = 64 * 1024;
    static constexpr std::chrono::milliseconds kDefaultTimeout {10000};

    explicit TcpSocket(QString name = {},
                       std::source_location location = std::source_location::current());
    ~TcpSocket();
    TcpSocket(const TcpSocket &) = delete;
    TcpSocket &operator=(const TcpSocket &) = delete;

    // socket.settimeout(): bounds connect, send and recv; 0 = wait until cancelled.
    // The clock stands still while live stepping is on (see netsupport::Deadline).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void connect(const QHostAddress &address, quint16 port,
                 std::source_location location = std::source_location::current());
    // Resolves the host first (see resolveHost), then connects.
    void connect(const QString &host, quint16 port,
                 std::source_location location = std::source_location::current());
    // sendall(): returns when every byte has been handed to the kernel. Each
    // send() system call takes what fits in the kernel's send buffer, so a
    // large payload leaves in pieces: each piece is recorded as its own packet,
    // and a wait for room in the buffer as an I/O wait.
    void sendAll(const QByteArray &data,
                 std::source_location location = std::source_location::current());
    // The same as sendAll(), under its old name (Python's own send() may send
    // only part; this one never does). New code says sendAll().
    void send(const QByteArray &data,
              std::source_location location = std::source_location::current())
    {
        sendAll(data, location);
    }
    // Up to maxBytes; an empty result means the peer closed the connection.
    QByteArray recv(qint64 maxBytes,
                    std::source_location location = std::source_location::current());
    void close(std::source_location location = std::source_location::current());

    bool isOpen() const;
    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    QHostAddress localAddress() const { return m_localAddress; }
    quint16 localPort() const { return m_localPort; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    friend class TcpListener;
    // An accepted connection (TcpListener::accept()).
    TcpSocket(RunContext &context, qintptr descriptor, const QHostAddress &local, quint16 localPort,
              const QHostAddress &peer, quint16 peerPort, std::source_location acceptedAt);

    QTcpSocket *socketForIo(const std::source_location &location);
    void openChannels();
    void release();
    void requireConnected(const char *operation, const std::source_location &location);
    void waitForRoom(int fd, netsupport::Deadline &deadline, const std::source_location &location);

    RunContext &m_context;
    std::source_location m_createdAt; // where a close() left out is drawn
    QString m_name;
    quint32 m_object = 0;
    std::unique_ptr<QTcpSocket> m_socket;
    qintptr m_acceptedDescriptor = -1; // until the first use creates m_socket
    bool m_connected = false;
    bool m_closed = false;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    QHostAddress m_localAddress;
    quint16 m_localPort = 0;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint32 m_sendChannel = 0;
    quint32 m_recvChannel = 0;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace weft
