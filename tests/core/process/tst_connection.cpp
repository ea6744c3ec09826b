// SPDX-License-Identifier: MIT
// Connection: a duplex message pipe, one channel object per direction.
#include "core/process/connection.h"
#include "core/runcontext.h"
#include "core/runner.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"

#include <QTest>
#include <stdexcept>

using namespace weft;
using weft::testsupport::FunctionScenario;

class TestConnection : public QObject
{
    Q_OBJECT
private slots:
    void messagesTravelWholeAndInOrder();
    void closedPeerIsAnError();
    void waitReturnsTheConnectionsWithAMessage();
    void aWaitIsCancellable();
};

void TestConnection::messagesTravelWholeAndInOrder()
{
    QList<QByteArray> echoed;
    FunctionScenario scenario([&](RunContext &) {
        // Named ends, not a structured binding: clang 14 cannot capture one in a lambda.
        auto ends = Connection::pipe(QStringLiteral("p"), QStringLiteral("A"), QStringLiteral("B"));
        Connection &a = ends.first;
        Connection &b = ends.second;
        Thread peer(QStringLiteral("peer"), [&b] {
            for (int i = 0; i < 3; ++i)
                b.send(b.recv().toUpper());
        });
        peer.start();
        for (const QByteArray &m : {QByteArray("one"), QByteArray(100000, 'x'), QByteArray()}) {
            a.send(m);
            echoed << a.recv();
        }
        peer.join();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(echoed, (QList<QByteArray> {"ONE", QByteArray(100000, 'X'), QByteArray()}));

    const quint32 forward = trace.findObject(QStringLiteral("p: A → B"));
    const quint32 backward = trace.findObject(QStringLiteral("p: B → A"));
    QVERIFY(forward && backward && forward != backward);
    for (const quint32 channel : {forward, backward}) {
        std::vector<qint64> sent, received;
        for (const Event &e : trace.events()) {
            if (e.object == channel && e.kind == EventKind::MessageSend)
                sent.push_back(e.value);
            else if (e.object == channel && e.kind == EventKind::MessageRecv)
                received.push_back(e.value);
        }
        QCOMPARE(sent, (std::vector<qint64> {3, 100000, 0}));
        QCOMPARE(received, sent);
    }
}

void TestConnection::closedPeerIsAnError()
{
    QString error;
    FunctionScenario scenario([&](RunContext &) {
        auto [a, b]
            = Connection::pipe(QStringLiteral("p"), QStringLiteral("A"), QStringLiteral("B"));
        b.close();
        try {
            a.recv();
        } catch (const std::runtime_error &e) {
            error = QString::fromUtf8(e.what());
        }
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(error, QStringLiteral("the other end closed the connection"));
}

void TestConnection::waitReturnsTheConnectionsWithAMessage()
{
    std::vector<int> firstReady, secondReady;
    std::size_t afterAllClosed = 99;
    int waitLine = 0;
    FunctionScenario scenario([&](RunContext &context) {
        std::vector<Connection> mine, theirs;
        for (const char *name : {"p0", "p1", "p2"}) {
            auto [a, b] = Connection::pipe(QString::fromLatin1(name), QStringLiteral("A"),
                                           QStringLiteral("B"));
            mine.push_back(std::move(a));
            theirs.push_back(std::move(b));
        }
        const auto indices = [&mine](const std::vector<Connection *> &ready) {
            std::vector<int> result;
            result.reserve(ready.size());
            for (Connection *c : ready)
                result.push_back(int(c - mine.data()));
            return result;
        };
        // Sends on p1 only once the wait is drawn as blocking: the wait is certain.
        Thread peer(QStringLiteral("peer"), [&] {
            while (context.recorder().snapshot().eventsOfKind(EventKind::IoWaitBegin).empty())
                sleepFor(std::chrono::milliseconds(1));
            theirs[1].send("hello");
        });
        peer.start();
        waitLine = __LINE__ + 1;
        firstReady = indices(Connection::wait(mine));
        peer.join();
        mine[1].recv();
        theirs[2].close(); // a closed peer is ready too: its recv() raises
        secondReady = indices(Connection::wait(mine));
        for (Connection &c : mine)
            c.close();
        afterAllClosed = Connection::wait(mine).size();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(firstReady, std::vector<int> {1});
    QCOMPARE(secondReady, std::vector<int> {2});
    QCOMPARE(afterAllClosed, std::size_t(0));
    // Only the first wait blocked: one wait span, at the line that waited.
    const auto begins = trace.eventsOfKind(EventKind::IoWaitBegin);
    const auto ends = trace.eventsOfKind(EventKind::IoWaitEnd);
    QCOMPARE(begins.size(), std::size_t(1));
    QCOMPARE(ends.size(), std::size_t(1));
    QCOMPARE(trace.site(begins[0].site).line, waitLine);
    QVERIFY(!ends[0].isAbnormal());
}

void TestConnection::aWaitIsCancellable()
{
    FunctionScenario scenario([](RunContext &) {
        std::vector<Connection> mine;
        auto [a, b]
            = Connection::pipe(QStringLiteral("p"), QStringLiteral("A"), QStringLiteral("B"));
        mine.push_back(std::move(a));
        Connection::wait(mine); // nobody ever sends
    });
    Runner runner;
    QVERIFY(runner.start(scenario, {}));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.liveSnapshot().eventsOfKind(EventKind::IoWaitBegin).empty(),
                             20000);
    runner.cancel();
    QVERIFY(runner.waitForFinished(std::chrono::seconds(60)));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Cancelled);
    const auto ends = trace.eventsOfKind(EventKind::IoWaitEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(ends[0].isAbnormal());
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
