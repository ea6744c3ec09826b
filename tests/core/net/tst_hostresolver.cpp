// SPDX-License-Identifier: MIT
#include "core/net/hostresolver.h"
#include "core/net/socketerror.h"
#include "core/runcontext.h"
#include "tests/common/functionscenario.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;
using namespace std::chrono_literals;

namespace {

// A run that resolves `host` (with a 10 s timeout) and the kind of the error
// it raised (Other if none).
struct FailedLookup
{
    Trace trace;
    SocketError::Kind kind = SocketError::Kind::Other;
};

FailedLookup resolveExpectingAnError(const QString &host)
{
    FailedLookup result;
    result.trace = runFunction([&](RunContext &) {
        try {
            resolveHost(host, 10s);
        } catch (const SocketError &e) {
            result.kind = e.kind();
        }
    });
    return result;
}

} // namespace

class TestHostResolver : public QObject
{
    Q_OBJECT
private slots:
    void literalNeedsNoLookup();
    void localhostIsLoopback();
    void unknownHostIsAnError_data();
    void unknownHostIsAnError();
    void cancelEndsTheWait();
    void invalidNamesAskNoNameServer_data();
    void invalidNamesAskNoNameServer();
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
    const auto [trace, kind] = resolveExpectingAnError(host);
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(kind, SocketError::Kind::HostNotFound);
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(errors.front().isAbnormal());
}

void TestHostResolver::cancelEndsTheWait()
{
    // Resolving with no timeout, over and over: only the cancel ends this run,
    // in a lookup's wait or at the gate before the next. "localhost" is
    // answered from this machine, so the test asks no name server.
    FunctionScenario scenario([](RunContext &) {
        for (;;)
            resolveHost(QStringLiteral("localhost"), 0ms);
    });
    Runner runner;
    QVERIFY(runner.start(scenario, ParameterValues()));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.liveSnapshot().eventsOfKind(EventKind::IoWaitBegin).empty(),
                             20000);
    runner.cancel();
    QVERIFY(runner.waitForFinished(10s));
    QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
}

void TestHostResolver::invalidNamesAskNoNameServer_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("under .invalid") << QStringLiteral("no-such-host.invalid");
    QTest::newRow("any case, trailing dot") << QStringLiteral("No-Such-Host.INVALID.");
    QTest::newRow("the domain itself") << QStringLiteral("invalid");
}

void TestHostResolver::invalidNamesAskNoNameServer()
{
    // Nothing in a test may contact another address, and a query for a name
    // that cannot exist would go to the system's name server: it fails here.
    QFETCH(QString, host);
    const auto [trace, kind] = resolveExpectingAnError(host);
    QCOMPARE(kind, SocketError::Kind::HostNotFound);
    QVERIFY(trace.eventsOfKind(EventKind::IoWaitBegin).empty()); // no lookup was started
    const auto errors = trace.eventsOfKind(EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(trace.text(errors.front().text).contains(host.trimmed()));
}

QTEST_GUILESS_MAIN(TestHostResolver)
#include "tst_hostresolver.moc"
