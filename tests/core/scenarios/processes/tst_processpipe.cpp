// SPDX-License-Identifier: MIT
#include "core/process/process.h"
#include "core/runner.h"
#include "core/scenarios/processes/processscenarios.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestProcessPipe : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyMessageArrivesInOrderBothWays();
};

// No zombie and no orphan after any run.
void TestProcessPipe::cleanup()
{
    QCOMPARE(testsupport::childProcessCount(), 0);
}

void TestProcessPipe::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("WEFT_EXECUTABLE").isEmpty(), "WEFT_EXECUTABLE not set");
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
}

void TestProcessPipe::everyMessageArrivesInOrderBothWays()
{
    const auto scenario = makeProcessPipeScenario();
    const Trace trace = runWith(*scenario, {"messages=4", "size=100"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);

    const quint32 forward = trace.findObject(QStringLiteral("pipe: parent → child"));
    const quint32 backward = trace.findObject(QStringLiteral("pipe: child → parent"));
    QVERIFY(forward && backward);
    for (const quint32 channel : {forward, backward}) {
        QCOMPARE(trace.object(channel).kind, ObjectKind::Channel);
        QStringList sent, received;
        qint64 bytesSent = 0, bytesReceived = 0;
        quint32 sender = 0, receiver = 0;
        for (const Event &e : trace.events()) {
            if (e.object != channel)
                continue;
            if (e.kind == EventKind::MessageSend) {
                sent << trace.text(e.text);
                bytesSent += e.value;
                sender = trace.actor(e.actor).process;
            } else if (e.kind == EventKind::MessageRecv) {
                received << trace.text(e.text);
                bytesReceived += e.value;
                receiver = trace.actor(e.actor).process;
            }
        }
        // Four messages each way, received in the order sent, between two processes.
        QCOMPARE(sent.size(), 4);
        QCOMPARE(received, sent);
        QCOMPARE(bytesReceived, bytesSent);
        QVERIFY(sender != 0 && receiver != 0 && sender != receiver);
    }
    // Each echo is the message it answers, prefixed.
    QCOMPARE(trace.outcome().value(QStringLiteral("replies")), 4);
    QCOMPARE(trace.outcome().value(QStringLiteral("bytes_sent")), 400);
    QCOMPARE(trace.outcome().value(QStringLiteral("bytes_received")), 420);
    // Every send happens before its receive (one clock for both processes).
    const auto sends = trace.eventsOfKind(EventKind::MessageSend);
    const auto recvs = trace.eventsOfKind(EventKind::MessageRecv);
    QCOMPARE(sends.size(), recvs.size());
    for (std::size_t i = 0; i < sends.size(); ++i)
        QVERIFY(sends[i].timeNs <= recvs[i].timeNs);
}

QTEST_GUILESS_MAIN(TestProcessPipe)
#include "tst_processpipe.moc"
