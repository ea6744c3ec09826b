// SPDX-License-Identifier: MIT
#include "core/process/process.h"
#include "core/runner.h"
#include "core/scenarios/processes/processscenarios.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestProcessManager : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void managerCountsEveryUpdate();
};

// No zombie and no orphan after any run.
void TestProcessManager::cleanup()
{
    QCOMPARE(testsupport::childProcessCount(), 0);
}

void TestProcessManager::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("WEFT_EXECUTABLE").isEmpty(), "WEFT_EXECUTABLE not set");
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
}

void TestProcessManager::managerCountsEveryUpdate()
{
    const auto scenario = makeProcessManagerScenario();
    const Trace trace = runWith(*scenario, {"workers=3", "updates=5"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.outcome().value(QStringLiteral("final")), 15);
    QCOMPARE(trace.outcome().value(QStringLiteral("expected")), 15);
    // Five processes: the parent, the manager, three workers.
    QCOMPARE(trace.processCount(), 5);

    // The manager's counter track steps 1, 2, ... 15: every update applied once.
    const quint32 counter = trace.findObject(QStringLiteral("shared[counter]"));
    QVERIFY(counter);
    QCOMPARE(trace.object(counter).kind, ObjectKind::Counter);
    qint64 expected = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::CounterValue)) {
        if (e.object == counter)
            QCOMPARE(e.value, ++expected);
    }
    QCOMPARE(expected, 15);

    // Each worker's requests reach the manager in order, and every reply comes back.
    for (int w = 1; w <= 3; ++w) {
        for (const QString &name : {QStringLiteral("proxy %1: worker %1 → manager").arg(w),
                                    QStringLiteral("proxy %1: manager → worker %1").arg(w)}) {
            const quint32 channel = trace.findObject(name);
            QVERIFY2(channel, qPrintable(name));
            QStringList sent, received;
            for (const Event &e : trace.events()) {
                if (e.object == channel && e.kind == EventKind::MessageSend)
                    sent << trace.text(e.text);
                else if (e.object == channel && e.kind == EventKind::MessageRecv)
                    received << trace.text(e.text);
            }
            QCOMPARE(sent.size(), 5);
            QCOMPARE(received, sent);
        }
    }
}

QTEST_GUILESS_MAIN(TestProcessManager)
#include "tst_processmanager.moc"
