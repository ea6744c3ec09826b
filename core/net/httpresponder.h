// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <atomic>
#include <chrono>
#include <memory>
#include <source_location>

namespace weft {

class Thread;
class TcpListener;
class TcpSocket;

// A tiny HTTP/1.0 server on its own traced thread, so the socket client
// scenario has something real to talk to with no network.
//
//   GET /            -> 200 and a short greeting
//   GET /bytes/N     -> 200 and N bytes of readable text (N up to kMaxBody)
//   other paths      -> 404; other methods -> 405
//   garbage          -> 400 Bad Request
//   a request head over kMaxRequestHead bytes -> 413 Payload Too Large
//
// Reads are bounded: at most kMaxRequestHead bytes of a request are kept, and
// the rest of an oversized request (up to kMaxDiscard) is read and dropped so
// the client gets its 413 instead of a connection reset. A client that sends
// nothing is dropped after the timeout. Any failure ends that one connection,
// never the responder.
//
// It is a stand-in, not lesson code: the events of its thread carry no source
// line, so the code panel never points a learner into this file. start() and
// stop() record at the caller's line.
class HttpResponder
{
public:
    static constexpr int kMaxRequestHead = 8 * 1024;
    static constexpr qint64 kMaxDiscard = 1024 * 1024;
    static constexpr qint64 kMaxBody = 64 * 1024 * 1024;

    explicit HttpResponder(QString name = {});
    ~HttpResponder();
    HttpResponder(const HttpResponder &) = delete;
    HttpResponder &operator=(const HttpResponder &) = delete;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Binds and listens on the calling thread (so port() is known at once),
    // then serves connections one by one on the responder's thread.
    void start(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
               quint16 port = 0, std::source_location location = std::source_location::current());
    // Ends the serving loop after the current connection and joins the thread.
    void stop(std::source_location location = std::source_location::current());

    quint16 port() const;
    int requestsAnswered() const { return m_answered.load(); }
    int requestsRejected() const { return m_rejected.load(); }

    // N bytes of numbered text lines, so previews of any chunk are readable.
    static QByteArray textPayload(qint64 size);

private:
    void serve();
    void answer(TcpSocket &connection);

    QString m_name;
    std::chrono::milliseconds m_timeout {5000};
    std::unique_ptr<TcpListener> m_listener;
    std::unique_ptr<Thread> m_thread;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_answered {0};
    std::atomic<int> m_rejected {0};
};

} // namespace weft
