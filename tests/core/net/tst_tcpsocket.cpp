// SPDX-License-Identifier: MIT
#include "core/net/socketerror.h"
#include "core/net/tcplistener.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "tests/common/functionscenario.h"
#include "tests/common/traceassertions.h"

#include <QTcpServer>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <functional>

using namespace weft;
using namespace weft::testsupport;
using namespace std::chrono_literals;

namespace {

enum class Sending { OneSend, SendAll };

// Connects to a listener on 127.0.0.1 whose one connection gets `total` bytes
// of 'x' from a thread named "sender" (one send(), or sendAll()) and is then
// closed; `read` reads them through the client socket; then the sender is joined.
void readFromSender(qint64 total, Sending how, const std::function<void(TcpSocket &)> &read,
                    quint32 *senderLane = nullptr)
{
    TcpListener server;
    server.bind();
    server.listen(1);
    Thread sender(QStringLiteral("sender"), [&] {
        auto conn = server.accept();
        const QByteArray bytes(total, 'x');
        if (how == Sending::SendAll)
            conn->sendAll(bytes);
        else
            conn->send(bytes);
        conn->close();
    });
    sender.start();
    if (senderLane)
        *senderLane = sender.actor();
    TcpSocket client;
    client.connect(server.address(), server.port());
    read(client);
    sender.join();
}

} // namespace

class TestTcpSocket : public QObject
{
    Q_OBJECT
private slots:
    void exchangePairsOnSharedChannels();
    void recvReturnsEmptyWhenPeerCloses();
    void recvIsBounded();
    void refusedPortIsAnError();
    void recvTimesOut();
    void misuseIsAnErrorNotACrash();
    void cancelWhileBlockedReleasesThePort();
    void sendAllSendsEveryByteInPieces();
    void sendAllToAClosedPeerIsAnError();
    void aCloseLeftOutIsDrawnWhereTheSocketWasMade();
};

void TestTcpSocket::exchangePairsOnSharedChannels()
{
    quint16 clientPort = 0;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(1);
        const quint16 port = server.port();
        Thread client(QStringLiteral("client"), [&] {
            TcpSocket s(QStringLiteral("client socket"));
            s.connect(QStringLiteral("127.0.0.1"), port);
            clientPort = s.localPort();
            s.send("hello\r\n");
            QByteArray reply;
            for (QByteArray chunk = s.recv(4); !chunk.isEmpty(); chunk = s.recv(4))
                reply += chunk;
            QCOMPARE(reply, QByteArray("HELLO\r\n"));
            s.close();
        });
        client.start();
        auto conn = server.accept();
        QVERIFY(conn);
        const QByteArray request = conn->recv(1024);
        conn->send(request.toUpper());
        conn->close();
        client.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(clientPort != 0);

    const auto sent = bytesPerChannel(trace, EventKind::PacketSend);
    const auto received = bytesPerChannel(trace, EventKind::PacketRecv);
    QCOMPARE(sent.size(), 2); // one channel per direction, shared by both endpoints
    QCOMPARE(sent, received);
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        const ObjectInfo channel = trace.object(it.key());
        QCOMPARE(channel.kind, ObjectKind::Channel);
        QVERIFY2(channel.name.contains(QString(QChar(0x2192))), qPrintable(channel.name));
        QCOMPARE(it.value(), qint64(7));
    }
    // The upper-cased reply is split into 4-byte receives: 2 arrows for one send.
    QCOMPARE(trace.eventsOfKind(EventKind::PacketRecv).size(), std::size_t(1 + 2));

    const auto connects = socketOps(trace, QStringLiteral("connect"));
    const auto accepts = socketOps(trace, QStringLiteral("accept"));
    QCOMPARE(connects.size(), std::size_t(1));
    QCOMPARE(accepts.size(), std::size_t(1));
    QCOMPARE(connects.front().value, qint64(clientPort));
    QCOMPARE(accepts.front().value, qint64(clientPort));
    // create/close balance: every socket made in the run was closed.
    QCOMPARE(socketOps(trace, QStringLiteral("close")).size(), std::size_t(3));
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());
}

void TestTcpSocket::recvReturnsEmptyWhenPeerCloses()
{
    const Trace trace = runFunction([](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(1);
        TcpSocket client;
        client.connect(server.address(), server.port());
        auto conn = server.accept();
        conn->send("bye");
        conn->close();
        QCOMPARE(client.recv(100), QByteArray("bye"));
        QCOMPARE(client.recv(100), QByteArray());
        QCOMPARE(client.recv(100), QByteArray());
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(!trace.eventsOfKind(EventKind::Mark).empty());
}

void TestTcpSocket::recvIsBounded()
{
    const qint64 total = 1024 * 1024;
    qint64 largest = 0;
    qint64 received = 0;
    const Trace trace = runFunction([&](RunContext &) {
        readFromSender(total, Sending::OneSend, [&](TcpSocket &client) {
            for (QByteArray chunk = client.recv(total); !chunk.isEmpty();
                 chunk = client.recv(total)) {
                largest = std::max(largest, qint64(chunk.size()));
                received += chunk.size();
            }
        });
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(received, total);
    QVERIFY(largest <= TcpSocket::kReadBufferSize);
}

void TestTcpSocket::refusedPortIsAnError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    SocketError::Kind kind = SocketError::Kind::Other;
    const Trace trace = runFunction([&](RunContext &) {
        TcpSocket s;
        try {
            s.connect(QHostAddress(QHostAddress::LocalHost), port);
        } catch (const SocketError &e) {
            kind = e.kind();
        }
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(kind, SocketError::Kind::ConnectionRefused);
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(errors.front().isAbnormal());
    QVERIFY(trace.text(errors.front().text).contains(QString::number(port)));
}

void TestTcpSocket::recvTimesOut()
{
    SocketError::Kind kind = SocketError::Kind::Other;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(1);
        TcpSocket client;
        client.setTimeout(100ms);
        client.connect(server.address(), server.port());
        auto conn = server.accept(); // accepted but silent
        try {
            client.recv(10);
        } catch (const SocketError &e) {
            kind = e.kind();
        }
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(kind, SocketError::Kind::TimedOut);
    QCOMPARE(trace.eventsOfKind(EventKind::Error).size(), std::size_t(1));
}

void TestTcpSocket::misuseIsAnErrorNotACrash()
{
    int failures = 0;
    const Trace trace = runFunction([&](RunContext &) {
        TcpSocket s;
        try {
            s.send("x");
        } catch (const SocketError &) {
            ++failures;
        }
        try {
            s.recv(1);
        } catch (const SocketError &) {
            ++failures;
        }
        s.close();
        s.close(); // closing twice is allowed, as in Python
        try {
            s.connect(QHostAddress(QHostAddress::LocalHost), 1);
        } catch (const SocketError &) {
            ++failures;
        }
        TcpListener l;
        try {
            l.accept();
        } catch (const SocketError &) {
            ++failures;
        }
        try {
            l.listen(5);
        } catch (const SocketError &) {
            ++failures;
        }
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(failures, 5);
}

void TestTcpSocket::cancelWhileBlockedReleasesThePort()
{
    FunctionScenario scenario([](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(1);
        TcpSocket client;
        client.setTimeout(0ms);
        client.connect(server.address(), server.port());
        auto conn = server.accept();
        client.recv(10); // nothing ever arrives: only a cancel ends this
    });
    Runner runner;
    QVERIFY(runner.start(scenario, ParameterValues()));
    quint16 port = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const Trace live = runner.liveSnapshot();
            const auto listens = socketOps(live, QStringLiteral("listen"));
            if (!listens.empty())
                port = quint16(listens.front().value);
            return !eventsWithText(live, EventKind::IoWaitBegin, QStringLiteral("recv")).empty();
        }(),
        20000);
    runner.cancel();
    QVERIFY(runner.waitForFinished(10s));
    QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
    QVERIFY(port != 0);
    QTcpServer again;
    QVERIFY2(again.listen(QHostAddress::LocalHost, port), qPrintable(again.errorString()));
}

void TestTcpSocket::sendAllSendsEveryByteInPieces()
{
    // More than loopback buffers hold, and nobody reads until the sender waits
    // for room: one send() cannot take it all, so sendAll() must go on.
    const qint64 total = 32 * 1024 * 1024;
    qint64 received = 0;
    quint32 senderLane = 0;
    const Trace trace = runFunction([&](RunContext &context) {
        readFromSender(
            total, Sending::SendAll,
            [&](TcpSocket &client) {
                QTRY_VERIFY_WITH_TIMEOUT(!eventsWithText(context.recorder().snapshot(),
                                                         EventKind::IoWaitBegin,
                                                         QStringLiteral("send (buffer full)"))
                                              .empty(),
                                         20000);
                for (QByteArray chunk = client.recv(1 << 16); !chunk.isEmpty();
                     chunk = client.recv(1 << 16))
                    received += chunk.size();
            },
            &senderLane);
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(received, total);
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());

    // Each piece the kernel took is a packet of its own, and they add up.
    const auto sends = trace.eventsOfKind(EventKind::PacketSend);
    QVERIFY2(sends.size() >= 2, qPrintable(QString::number(sends.size())));
    qint64 sent = 0;
    for (const Event &e : sends) {
        QVERIFY(e.value > 0);
        QCOMPARE(e.actor, senderLane);
        sent += e.value;
    }
    QCOMPARE(sent, total);
    // The waits for room are drawn on the sending socket, and each ends.
    const auto waits
        = eventsWithText(trace, EventKind::IoWaitBegin, QStringLiteral("send (buffer full)"));
    QVERIFY(!waits.empty());
    const quint32 conn = waits.front().object;
    const auto onConn = [&](EventKind kind) {
        return std::count_if(trace.events().begin(), trace.events().end(),
                             [&](const Event &e) { return e.kind == kind && e.object == conn; });
    };
    QCOMPARE(onConn(EventKind::IoWaitBegin), qsizetype(waits.size()));
    QCOMPARE(onConn(EventKind::IoWaitEnd), qsizetype(waits.size()));

    // No byte is drawn arriving before the piece that carried it was sent.
    const auto recvs = trace.eventsOfKind(EventKind::PacketRecv);
    std::size_t piece = 0;
    qint64 pieceEnd = sends.front().value;
    qint64 offset = 0;
    for (const Event &r : recvs) {
        while (offset >= pieceEnd) {
            ++piece;
            QVERIFY(piece < sends.size());
            pieceEnd += sends[piece].value;
        }
        QVERIFY2(sends[piece].timeNs <= r.timeNs,
                 qPrintable(QStringLiteral("byte %1 received before it was sent").arg(offset)));
        offset += r.value;
    }
}

void TestTcpSocket::sendAllToAClosedPeerIsAnError()
{
    SocketError::Kind kind = SocketError::Kind::Other;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(1);
        TcpSocket client;
        client.connect(server.address(), server.port());
        server.accept()->close(); // gone before a byte arrives: the kernel answers with a reset
        try {
            client.sendAll(QByteArray(32 * 1024 * 1024, 'x'));
        } catch (const SocketError &e) {
            kind = e.kind();
        }
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed); // no SIGPIPE, no crash
    QCOMPARE(kind, SocketError::Kind::PeerClosed);
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(errors.front().isAbnormal());
}

void TestTcpSocket::aCloseLeftOutIsDrawnWhereTheSocketWasMade()
{
    // As Python's `with socket.socket() as s:` closes at the end of the block
    // that made it, a socket destroyed unclosed points at the line that made it.
    int socketLine = 0;
    int listenerLine = 0;
    const Trace trace = runFunction([&](RunContext &) {
        listenerLine = __LINE__ + 1;
        TcpListener listener;
        socketLine = __LINE__ + 1;
        TcpSocket socket;
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const auto closes = socketOps(trace, QStringLiteral("close"));
    QCOMPARE(closes.size(), std::size_t(2));
    QList<int> lines;
    for (const Event &e : closes) {
        QCOMPARE(trace.site(e.site).file, QStringLiteral("tst_tcpsocket.cpp"));
        lines << trace.site(e.site).line;
    }
    std::sort(lines.begin(), lines.end());
    QCOMPARE(lines, QList<int>({listenerLine, socketLine}));
}

QTEST_GUILESS_MAIN(TestTcpSocket)
#include "tst_tcpsocket.moc"
