// SPDX-License-Identifier: MIT
#include "core/net/hostresolver.h"
#include "core/net/socketerror.h"
#include "core/runcontext.h"
#include "tests/common/functionscenario.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;
using namespace std::chrono_literals;

class TestHostResolver : public QObject
{
    Q_OBJECT
private slots:
    void literalNeedsNoLookup();
    void localhostIsLoopback();
    void unknownHostIsAnError_data();
    void unknownHostIsAnError();
    void cancelEndsTheWait();
};

void TestHostResolver::literalNeedsNoLookup()
{
    QHostAddress address;
    const Trace trace
        = runFunction([&](RunContext &) { address = resolveHost(QStringLiteral("127.0.0.1")); });
    QCOMPARE(address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(trace.eventsOfKind(EventKind::IoWaitBegin).empty());
}

void TestHostResolver::localhostIsLoopback()
{
    QHostAddress address;
    const Trace trace
        = runFunction([&](RunContext &) { address = resolveHost(QStringLiteral("localhost")); });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY2(address.isLoopback(), qPrintable(address.toString()));
    QCOMPARE(address.protocol(), QAbstractSocket::IPv4Protocol); // IPv4 preferred
    QCOMPARE(trace.eventsOfKind(EventKind::IoWaitBegin).size(), std::size_t(1));
    QCOMPARE(trace.eventsOfKind(EventKind::IoWaitEnd).size(), std::size_t(1));
}

void TestHostResolver::unknownHostIsAnError_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("reserved .invalid") << QStringLiteral("no-such-host.invalid");
    QTest::newRow("empty") << QString();
    QTest::newRow("too long") << QString(300, QLatin1Char('a'));
}

void TestHostResolver::unknownHostIsAnError()
{
    QFETCH(QString, host);
    SocketError::Kind kind = SocketError::Kind::Other;
    const Trace trace = runFunction([&](RunContext &) {
        try {
            resolveHost(host, 10s);
        } catch (const SocketError &e) {
            kind = e.kind();
        }
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    // "Not found", or, with a name server that never answers, the resolve timeout.
    QVERIFY(kind == SocketError::Kind::HostNotFound || kind == SocketError::Kind::TimedOut);
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(errors.front().isAbnormal());
}

void TestHostResolver::cancelEndsTheWait()
{
    // Resolving with no timeout, over and over: only the cancel ends this run.
    FunctionScenario scenario([](RunContext &) {
        for (;;) {
            try {
                resolveHost(QStringLiteral("no-such-host.invalid"), 0ms);
            } catch (const SocketError &) {
            }
        }
    });
    Runner runner;
    QVERIFY(runner.start(scenario, ParameterValues()));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.liveSnapshot().eventsOfKind(EventKind::IoWaitBegin).empty(),
                             20000);
    runner.cancel();
    QVERIFY(runner.waitForFinished(10s));
    QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
}

QTEST_GUILESS_MAIN(TestHostResolver)
#include "tst_hostresolver.moc"
