// SPDX-License-Identifier: MIT
// Connection: a duplex message pipe, one channel object per direction.
#include "core/process/connection.h"
#include "core/runcontext.h"
#include "core/runner.h"
#include "core/thread.h"
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
};

void TestConnection::messagesTravelWholeAndInOrder()
{
    QList<QByteArray> echoed;
    FunctionScenario scenario([&](RunContext &) {
        auto [a, b]
            = Connection::pipe(QStringLiteral("p"), QStringLiteral("A"), QStringLiteral("B"));
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

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
