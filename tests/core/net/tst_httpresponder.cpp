// SPDX-License-Identifier: MIT
#include "core/net/httpresponder.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "tests/common/functionscenario.h"
#include "tests/common/processresources.h"
#include "tests/common/traceassertions.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;

namespace {

struct Exchange
{
    Trace trace;
    QByteArray reply;
    int startLine = 0;
    int stopLine = 0;
    int answered = 0;
    int rejected = 0;
};

// One request to a responder started and stopped inside a run.
Exchange ask(const QByteArray &request)
{
    Exchange x;
    x.trace = runFunction([&](RunContext &) {
        HttpResponder server;
        x.startLine = __LINE__ + 1;
        server.start();
        TcpSocket s;
        s.connect(QHostAddress(QHostAddress::LocalHost), server.port());
        s.sendAll(request);
        for (QByteArray chunk = s.recv(1 << 16); !chunk.isEmpty(); chunk = s.recv(1 << 16))
            x.reply += chunk;
        s.close();
        x.stopLine = __LINE__ + 1;
        server.stop();
        x.answered = server.requestsAnswered();
        x.rejected = server.requestsRejected();
    });
    return x;
}

} // namespace

class TestHttpResponder : public QObject
{
    Q_OBJECT
private slots:
    void servesABodyInFull();
    void itsOwnWorkPointsAtNoLine();
    void badRequestsGetErrorReplies_data();
    void badRequestsGetErrorReplies();
    void leavesNothingBehind();
};

void TestHttpResponder::servesABodyInFull()
{
    const Exchange x = ask("GET /bytes/300000 HTTP/1.0\r\n\r\n");
    QCOMPARE(x.trace.outcome().status, Outcome::Status::Completed);
    QVERIFY2(x.reply.startsWith("HTTP/1.0 200 OK\r\n"), x.reply.left(80).constData());
    QVERIFY(x.reply.endsWith(HttpResponder::textPayload(300000)));
    QVERIFY(x.reply.contains("Content-Length: 300000\r\n"));
    QCOMPARE(x.answered, 1);
    QCOMPARE(x.rejected, 0);
    QVERIFY(x.trace.eventsOfKind(EventKind::Error).empty());
}

void TestHttpResponder::itsOwnWorkPointsAtNoLine()
{
    // The responder stands in for a web server; a learner clicking its events
    // must not be shown httpresponder.cpp, nor any line of the lesson.
    const Exchange x = ask("GET / HTTP/1.0\r\n\r\n");
    QCOMPARE(x.trace.outcome().status, Outcome::Status::Completed);
    const quint32 responder = x.trace.findActor(QStringLiteral("HTTP responder"));
    QVERIFY(responder != 0);
    int ownEvents = 0;
    for (const Event &e : x.trace.events()) {
        if (e.actor != responder)
            continue;
        ++ownEvents;
        QVERIFY2(e.site == 0,
                 qPrintable(QStringLiteral("%1 points at %2:%3")
                                .arg(QLatin1String(eventKindName(e.kind)))
                                .arg(x.trace.site(e.site).file)
                                .arg(x.trace.site(e.site).line)));
    }
    // accept, recv, a packet each way, close ...
    QVERIFY2(ownEvents >= 5, qPrintable(QString::number(ownEvents)));

    // Starting and stopping it are the caller's own lines.
    const auto lineOf = [&](const Event &e) {
        const SourceSite site = x.trace.site(e.site);
        return site.file == QStringLiteral("tst_httpresponder.cpp") ? site.line : -1;
    };
    for (const QString &op :
         {QStringLiteral("create"), QStringLiteral("bind"), QStringLiteral("listen")}) {
        const auto ops = socketOps(x.trace, op);
        QVERIFY(!ops.empty());
        QCOMPARE(lineOf(ops.front()), x.startLine);
    }
    const auto spawns = x.trace.eventsOfKind(EventKind::ThreadSpawn);
    QCOMPARE(spawns.size(), std::size_t(1));
    QCOMPARE(lineOf(spawns.front()), x.startLine);
    const auto joins = x.trace.eventsOfKind(EventKind::JoinWait);
    QCOMPARE(joins.size(), std::size_t(1));
    QCOMPARE(lineOf(joins.front()), x.stopLine);
}

void TestHttpResponder::badRequestsGetErrorReplies_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("unknown path") << QByteArray("GET /nope HTTP/1.0\r\n\r\n") << QByteArray("404");
    QTest::newRow("not GET") << QByteArray("POST / HTTP/1.0\r\n\r\n") << QByteArray("405");
    QTest::newRow("garbage") << QByteArray("HELLO?\r\n\r\n") << QByteArray("400");
    QTest::newRow("oversized head")
        << QByteArray("GET / HTTP/1.0\r\nX-Padding: " + QByteArray(16 * 1024, 'a') + "\r\n\r\n")
        << QByteArray("413");
}

void TestHttpResponder::badRequestsGetErrorReplies()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    const Exchange x = ask(request);
    QCOMPARE(x.trace.outcome().status, Outcome::Status::Completed);
    QVERIFY2(x.reply.startsWith("HTTP/1.0 " + status + ' '), x.reply.left(80).constData());
    QCOMPARE(x.answered, 0);
    QCOMPARE(x.rejected, 1);
}

void TestHttpResponder::leavesNothingBehind()
{
    const ProcessResources before = ProcessResources::ofThisProcess();
    const Exchange x = ask("GET / HTTP/1.0\r\n\r\n");
    QCOMPARE(x.trace.outcome().status, Outcome::Status::Completed);
    QTRY_VERIFY2(
        ProcessResources::ofThisProcess().holdsNoMoreThan(before),
        qPrintable(QStringLiteral("before: %1, now: %2")
                       .arg(before.describe(), ProcessResources::ofThisProcess().describe())));
}

QTEST_GUILESS_MAIN(TestHttpResponder)
#include "tst_httpresponder.moc"
