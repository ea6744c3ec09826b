// SPDX-License-Identifier: MIT
#include "httpresponder.h"

#include "core/thread.h"
#include "netsupport.h"
#include "socketerror.h"
#include "tcplistener.h"
#include "tcpsocket.h"

#include <QCoreApplication>

namespace weft {

using namespace netsupport;

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::HttpResponder)
};

// The responder stands in for a web server; it is not the lesson's code, so
// what its thread does points at no source line (the code panel then lights
// none). Its start and stop point at the lesson's lines that call them.
constexpr std::source_location kNoLine {};

struct Reply
{
    int status = 200;
    QByteArray reason;
    QByteArray body;
};

QByteArray format(const Reply &reply)
{
    QByteArray head = "HTTP/1.0 " + QByteArray::number(reply.status) + ' ' + reply.reason
        + "\r\nServer: weft-responder\r\nContent-Type: text/plain; charset=utf-8"
          "\r\nContent-Length: "
        + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
    return head + reply.body;
}

Reply error(int status, const QByteArray &reason, const QByteArray &why)
{
    return {status, reason, QByteArray::number(status) + ' ' + reason + ": " + why + '\n'};
}

// Answers a complete request head (request line plus headers).
Reply route(const QByteArray &head)
{
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith('/'))
        return error(400, "Bad Request", "expected \"METHOD /path HTTP/1.x\"");
    if (parts[0] != "GET")
        return error(405, "Method Not Allowed", "only GET is served here");
    if (parts[1] == "/")
        return {200, "OK", "Hello from Weft's local HTTP responder.\n"};
    if (parts[1].startsWith("/bytes/")) {
        bool ok = false;
        const qint64 size = parts[1].mid(7).toLongLong(&ok);
        if (!ok || size < 0)
            return error(400, "Bad Request", "/bytes/N needs a number");
        if (size > HttpResponder::kMaxBody)
            return error(413, "Payload Too Large", "at most 64 MiB");
        return {200, "OK", HttpResponder::textPayload(size)};
    }
    return error(404, "Not Found", "try / or /bytes/N");
}
} // namespace

HttpResponder::HttpResponder(QString name)
    : m_name(name.isEmpty() ? QStringLiteral("HTTP responder") : std::move(name))
{
}

HttpResponder::~HttpResponder()
{
    m_stop.store(true);
    m_thread.reset(); // waits for the serving loop, which notices m_stop within a slice
}

quint16 HttpResponder::port() const
{
    return m_listener ? m_listener->port() : 0;
}

void HttpResponder::start(const QHostAddress &address, quint16 port, std::source_location location)
{
    if (m_thread)
        throw std::logic_error("HttpResponder started twice");
    m_listener = std::make_unique<TcpListener>(Tr::tr("%1 socket").arg(m_name), location);
    m_listener->bind(address, port, location);
    m_listener->listen(16, location);
    m_thread = std::make_unique<Thread>(m_name, [this] { serve(); });
    m_thread->start(location);
}

void HttpResponder::stop(std::source_location location)
{
    m_stop.store(true);
    if (m_thread)
        m_thread->join(location);
}

void HttpResponder::serve()
{
    while (!m_stop.load()) {
        std::unique_ptr<TcpSocket> connection = m_listener->accept(&m_stop, kNoLine);
        if (!connection)
            break;
        connection->setTimeout(m_timeout);
        try {
            answer(*connection);
        } catch (const SocketError &) {
            // Already recorded as an Error; this client is dropped, the others are served.
        }
        connection->close(kNoLine);
    }
    m_listener->close(kNoLine);
}

void HttpResponder::answer(TcpSocket &connection)
{
    QByteArray head;
    qint64 discarded = 0;
    QByteArray tail; // the last 3 bytes seen, to find the end of a discarded request
    bool complete = false;
    while (!complete) {
        const QByteArray chunk = connection.recv(4096, kNoLine);
        if (chunk.isEmpty())
            break;
        if (discarded == 0 && head.size() + chunk.size() <= kMaxRequestHead) {
            head += chunk;
            complete = head.contains("\r\n\r\n");
        } else {
            if (discarded == 0)
                tail = head.right(3);
            discarded += chunk.size();
            complete = (tail + chunk).contains("\r\n\r\n");
            tail = (tail + chunk).right(3);
            if (discarded > kMaxDiscard)
                break;
        }
    }
    if (head.isEmpty() && discarded == 0)
        return; // connected and left without a word

    Reply reply;
    if (discarded > 0)
        reply = error(413, "Payload Too Large", "the request head is limited to 8 KiB");
    else if (!complete)
        reply = error(400, "Bad Request", "the request ended before its blank line");
    else
        reply = route(head);
    if (reply.status == 200)
        ++m_answered;
    else
        ++m_rejected;

    connection.sendAll(format(reply), kNoLine);
}

QByteArray HttpResponder::textPayload(qint64 size)
{
    QByteArray data;
    data.reserve(size);
    for (qint64 line = 1; data.size() < size; ++line)
        data += "line " + QByteArray::number(line).rightJustified(7, '0')
            + ": the quick brown fox jumps over the lazy dog\n";
    data.truncate(size);
    return data;
}

} // namespace weft
