// SPDX-License-Identifier: MIT
#include "core/net/acceptqueuemonitor.h"
#include "core/net/socketerror.h"
#include "core/net/tcplistener.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"
#include "tests/common/traceassertions.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <atomic>

using namespace weft;
using namespace weft::testsupport;
using namespace std::chrono_literals;

class TestTcpListener : public QObject
{
    Q_OBJECT
private slots:
    void bindReportsTheKernelsPort();
    void queueLengthIsTheKernels();
    void stopFlagEndsAcceptWithoutError();
    void acceptTimesOut();
    void portInUseIsAnError();
};

void TestTcpListener::bindReportsTheKernelsPort()
{
    quint16 port = 0;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(5);
        port = server.port();
        QCOMPARE(server.address(), QHostAddress(QHostAddress::LocalHost));
        QVERIFY(server.isListening());
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(port != 0);
    const auto binds = socketOps(trace, QStringLiteral("bind"));
    const auto listens = socketOps(trace, QStringLiteral("listen"));
    QCOMPARE(binds.size(), std::size_t(1));
    QCOMPARE(listens.size(), std::size_t(1));
    QCOMPARE(binds.front().value, qint64(port));
    QCOMPARE(listens.front().value, qint64(port));
    QCOMPARE(trace.object(listens.front().object).kind, ObjectKind::Socket);
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, port));
}

void TestTcpListener::queueLengthIsTheKernels()
{
    int seen = -1;
    int monitored = -1;
    const Trace trace = runFunction([&](RunContext &context) {
        TcpListener server;
        server.bind();
        server.listen(8);
        AcceptQueueMonitor queue(server);
        QCOMPARE(server.pendingConnections(), 0);
        // Three plain clients complete their handshakes; nobody accepts yet.
        QTcpSocket clients[3];
        for (QTcpSocket &c : clients) {
            c.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(c.waitForConnected(5000));
        }
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (server.pendingConnections() < 3 && std::chrono::steady_clock::now() < deadline)
            context.sleepUntil(std::chrono::steady_clock::now() + 5ms);
        seen = server.pendingConnections();
        while (queue.maxPending() < 3 && std::chrono::steady_clock::now() < deadline)
            context.sleepUntil(std::chrono::steady_clock::now() + 5ms);
        for (int i = 0; i < 3; ++i)
            server.accept()->close();
        QCOMPARE(server.pendingConnections(), 0);
        queue.stop();
        monitored = queue.maxPending();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(seen, 3);
    QCOMPARE(monitored, 3);
    const auto samples = trace.eventsOfKind(EventKind::CounterValue);
    QVERIFY(!samples.empty());
    QCOMPARE(trace.object(samples.front().object).kind, ObjectKind::Counter);
    QCOMPARE(trace.actor(samples.front().actor).name, QStringLiteral("MainThread"));
}

void TestTcpListener::stopFlagEndsAcceptWithoutError()
{
    bool gotNull = false;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        server.bind();
        server.listen(1);
        std::atomic<bool> stop {true};
        gotNull = server.accept(&stop) == nullptr;
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(gotNull);
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());
}

void TestTcpListener::acceptTimesOut()
{
    SocketError::Kind kind = SocketError::Kind::Other;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        server.setTimeout(50ms);
        server.bind();
        server.listen(1);
        try {
            server.accept();
        } catch (const SocketError &e) {
            kind = e.kind();
        }
    });
    QCOMPARE(kind, SocketError::Kind::TimedOut);
    QCOMPARE(trace.eventsOfKind(EventKind::Error).size(), std::size_t(1));
    // The wait span is closed (abnormally) before the error.
    const auto ends = trace.eventsOfKind(EventKind::IoWaitEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(ends.front().isAbnormal());
}

void TestTcpListener::portInUseIsAnError()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    SocketError::Kind kind = SocketError::Kind::Other;
    const Trace trace = runFunction([&](RunContext &) {
        TcpListener server;
        try {
            server.bind(QHostAddress(QHostAddress::LocalHost), holder.serverPort());
        } catch (const SocketError &e) {
            kind = e.kind();
        }
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(kind, SocketError::Kind::AddressInUse);
    QCOMPARE(trace.eventsOfKind(EventKind::Error).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestTcpListener)
#include "tst_tcplistener.moc"
