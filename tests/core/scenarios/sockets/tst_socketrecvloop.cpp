// SPDX-License-Identifier: MIT
#include "core/scenarios/sockets/socketscenarios.h"
#include "tests/common/socketchecks.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;

class TestSocketRecvLoop : public QObject
{
    Q_OBJECT
private slots:
    void cancelLeavesNothingBehind();
    void everyByteArrivesInChunks_data();
    void everyByteArrivesInChunks();
};

void TestSocketRecvLoop::everyByteArrivesInChunks_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("chunk");
    QTest::newRow("1 MiB in 4 KiB recvs") << 1024 * 1024 << 4096;
    QTest::newRow("one byte") << 1 << 1;
    QTest::newRow("odd sizes") << 100003 << 1000;
}

void TestSocketRecvLoop::everyByteArrivesInChunks()
{
    QFETCH(int, size);
    QFETCH(int, chunk);
    const auto scenario = makeSocketRecvLoopScenario();
    const Trace trace = runWith(
        *scenario, {QStringLiteral("size=%1").arg(size), QStringLiteral("chunk=%1").arg(chunk)});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.outcome().value(QStringLiteral("bytes_sent")), qint64(size));
    QCOMPARE(trace.outcome().value(QStringLiteral("bytes_received")), qint64(size));

    QString why;
    QVERIFY2(bytesBalance(trace, &why), qPrintable(why));
    QVERIFY2(acceptsPairWithConnects(trace, 1, &why), qPrintable(why));
    // One arrow per recv: never more than asked for, and as many as it took.
    const auto receives = trace.eventsOfKind(EventKind::PacketRecv);
    for (const Event &e : receives)
        QVERIFY(e.value > 0 && e.value <= chunk);
    QVERIFY(qint64(receives.size()) >= (size + chunk - 1) / chunk);
    QCOMPARE(trace.outcome().value(QStringLiteral("recv_calls")), qint64(receives.size() + 1));
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());
    QVERIFY(portCanBeBoundAgain(listeningPort(trace)));
}

void TestSocketRecvLoop::cancelLeavesNothingBehind()
{
    const auto scenario = makeSocketRecvLoopScenario();
    cancelWhileWaiting(*scenario, {QStringLiteral("size=16777216"), QStringLiteral("chunk=1")});
}

QTEST_GUILESS_MAIN(TestSocketRecvLoop)
#include "tst_socketrecvloop.moc"
