// SPDX-License-Identifier: MIT
#include "core/net/socketerror.h"
#include "core/scenarios/sockets/socketscenarios.h"
#include "tests/common/socketchecks.h"

#include <QTcpServer>
#include <QTest>

using namespace weft;
using namespace weft::testsupport;

class TestSocketClient : public QObject
{
    Q_OBJECT
private slots:
    void cancelLeavesNothingBehind();
    void talksToItsOwnResponder();
    void badRequestsGetErrorReplies_data();
    void badRequestsGetErrorReplies();
    void aReplyCutAtMaxBytesIsSaidToBe();
    void unresolvableHostIsAnError();
    void refusedPortIsAnError();
    void sourceIsEmbedded();
    void packetsPointAtTheLessonsCalls();
};

void TestSocketClient::talksToItsOwnResponder()
{
    const auto scenario = makeSocketClientScenario();
    const Trace trace = runWith(*scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.outcome().value(QStringLiteral("http_status")), qint64(200));
    QVERIFY(trace.outcome().value(QStringLiteral("bytes_received")) > 0);

    QString why;
    QVERIFY2(bytesBalance(trace, &why), qPrintable(why));
    QVERIFY2(acceptsPairWithConnects(trace, 1, &why), qPrintable(why));
    // The request the client sent is what crossed its channel.
    const auto sent = bytesPerChannel(trace, EventKind::PacketSend);
    qint64 total = 0;
    for (qint64 bytes : sent)
        total += bytes;
    QCOMPARE(total,
             trace.outcome().value(QStringLiteral("bytes_sent"))
                 + trace.outcome().value(QStringLiteral("bytes_received")));
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());
    // Lanes: the client's main thread and the responder.
    QVERIFY(trace.findActor(QStringLiteral("HTTP responder")) != 0);
    // Every socket it made was closed, and the responder's port is free again.
    QCOMPARE(socketOps(trace, QStringLiteral("close")).size(),
             socketOps(trace, QStringLiteral("create")).size() + 1 /* accepted */);
    QVERIFY(portCanBeBoundAgain(quint16(trace.outcome().value(QStringLiteral("port")))));
}

void TestSocketClient::badRequestsGetErrorReplies_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QStringLiteral("garbage") << 400;
    QTest::newRow("oversized") << QStringLiteral("oversized") << 413;
}

void TestSocketClient::badRequestsGetErrorReplies()
{
    QFETCH(QString, request);
    QFETCH(int, status);
    const auto scenario = makeSocketClientScenario();
    const Trace trace = runWith(*scenario, {QStringLiteral("request=") + request});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.outcome().value(QStringLiteral("http_status")), qint64(status));
    QCOMPARE(trace.outcome().value(QStringLiteral("responder_rejected")), qint64(1));
    QString why;
    QVERIFY2(bytesBalance(trace, &why), qPrintable(why));
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());
}

void TestSocketClient::aReplyCutAtMaxBytesIsSaidToBe()
{
    const auto scenario = makeSocketClientScenario();
    const Trace cut = runWith(*scenario, {QStringLiteral("max_bytes=20")});
    QCOMPARE(cut.outcome().status, Outcome::Status::Completed);
    QCOMPARE(cut.outcome().value(QStringLiteral("bytes_received")), 20);
    QCOMPARE(cut.outcome().value(QStringLiteral("truncated")), 1);
    QVERIFY2(cut.outcome().summary.contains(QLatin1String("stopped reading at max_bytes")),
             qPrintable(cut.outcome().summary));
    // The whole reply: nothing said of a cut.
    const Trace whole = runWith(*scenario, {});
    QCOMPARE(whole.outcome().value(QStringLiteral("truncated")), 0);
    QVERIFY(!whole.outcome().summary.contains(QLatin1String("max_bytes")));
}

void TestSocketClient::unresolvableHostIsAnError()
{
    const auto scenario = makeSocketClientScenario();
    const Trace trace = runWith(
        *scenario,
        {QStringLiteral("host=no-such-host.invalid"), QStringLiteral("timeout_ms=10000")});
    // Ended by the scenario itself, not by the run's timeout.
    QCOMPARE(trace.outcome().status, Outcome::Status::Failed);
    // Refused at once: a name under .invalid is never sent to a name server.
    QCOMPARE(trace.outcome().value(QStringLiteral("error_kind"), -1),
             qint64(SocketError::Kind::HostNotFound));
    QVERIFY(trace.outcome().summary.contains(QStringLiteral("no-such-host.invalid")));
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(errors.front().isAbnormal());
    QVERIFY(trace.text(errors.front().text).contains(QStringLiteral("no-such-host.invalid")));
    QVERIFY(portCanBeBoundAgain(quint16(trace.outcome().value(QStringLiteral("port")))));
}

void TestSocketClient::refusedPortIsAnError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    const auto scenario = makeSocketClientScenario();
    const Trace trace = runWith(
        *scenario, {QStringLiteral("host=127.0.0.1"), QStringLiteral("port=%1").arg(port)});
    QCOMPARE(trace.outcome().status, Outcome::Status::Failed);
    QCOMPARE(trace.outcome().value(QStringLiteral("error_kind"), -1),
             qint64(SocketError::Kind::ConnectionRefused));
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(trace.text(errors.front().text).contains(QStringLiteral("refused")));
    QVERIFY(socketOps(trace, QStringLiteral("connect")).empty());
    QVERIFY(trace.findActor(QStringLiteral("HTTP responder")) == 0);
}

void TestSocketClient::sourceIsEmbedded()
{
    const auto scenario = makeSocketClientScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("class SocketClientScenario")));
}

void TestSocketClient::cancelLeavesNothingBehind()
{
    // A server that completes the handshake (the kernel does) but never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    silent.pauseAccepting(); // the connection stays in the kernel's queue, not in this process
    const auto scenario = makeSocketClientScenario();
    const ParameterValues params = parametersFrom(
        *scenario,
        {QStringLiteral("host=127.0.0.1"), QStringLiteral("port=%1").arg(silent.serverPort()),
         QStringLiteral("timeout_ms=120000")});
    const ProcessResources before = ProcessResources::ofThisProcess();
    {
        Runner runner;
        QVERIFY(runner.start(*scenario, params));
        QTRY_VERIFY_WITH_TIMEOUT(
            !eventsWithText(runner.liveSnapshot(), EventKind::IoWaitBegin, QStringLiteral("recv"))
                 .empty(),
            20000);
        runner.cancel();
        QVERIFY(runner.waitForFinished(std::chrono::seconds(10)));
        QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
    }
    QTRY_VERIFY2(
        ProcessResources::ofThisProcess().holdsNoMoreThan(before),
        qPrintable(QStringLiteral("before: %1, now: %2")
                       .arg(before.describe(), ProcessResources::ofThisProcess().describe())));
}

void TestSocketClient::packetsPointAtTheLessonsCalls()
{
    // The client's request is highlighted on its sendall line and the reply on
    // its recv line; the stand-in server's packets light no line at all.
    const auto scenario = makeSocketClientScenario();
    const QStringList lines = scenario->sourceText().split(QLatin1Char('\n'));
    const Trace trace = runWith(*scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 responder = trace.findActor(QStringLiteral("HTTP responder"));
    QVERIFY(responder != 0);
    const auto lineOf = [&](const Event &e) {
        const int line = trace.site(e.site).line;
        return line >= 1 && line <= lines.size() ? lines.at(line - 1).trimmed() : QString();
    };
    for (const EventKind kind : {EventKind::PacketSend, EventKind::PacketRecv}) {
        const auto packets = trace.eventsOfKind(kind);
        QVERIFY(!packets.empty());
        for (const Event &e : packets) {
            if (e.actor == responder) {
                QCOMPARE(e.site, quint16(0));
                continue;
            }
            const QString expected = kind == EventKind::PacketSend ? QStringLiteral("s.sendAll(")
                                                                   : QStringLiteral("s.recv(");
            QVERIFY2(lineOf(e).contains(expected), qPrintable(lineOf(e)));
        }
    }
}

QTEST_GUILESS_MAIN(TestSocketClient)
#include "tst_socketclient.moc"
