// SPDX-License-Identifier: MIT
#include "core/process/process.h"
#include "core/runner.h"
#include "core/scenarios/processes/processscenarios.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestProcessIsolation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void childChangesOnlyItsOwnCopy();
};

// No zombie and no orphan after any run.
void TestProcessIsolation::cleanup()
{
    QCOMPARE(testsupport::childProcessCount(), 0);
}

void TestProcessIsolation::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("WEFT_EXECUTABLE").isEmpty(), "WEFT_EXECUTABLE not set");
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
}

void TestProcessIsolation::childChangesOnlyItsOwnCopy()
{
    const auto scenario = makeProcessIsolationScenario();
    const Trace trace = runWith(*scenario, {"value=7", "repeats=2"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const Outcome &outcome = trace.outcome();
    QCOMPARE(outcome.value(QStringLiteral("child_value")), 7);
    QCOMPARE(outcome.value(QStringLiteral("parent_value")), 0);
    QCOMPARE(outcome.value(QStringLiteral("value_after_thread")), 7);
    QVERIFY(outcome.value(QStringLiteral("process_start_us")) > 0);
    QVERIFY(outcome.hasValue(QStringLiteral("thread_start_us")));
    QVERIFY(outcome.hasValue(QStringLiteral("process_thread_ratio")));

    // The child saw its own fresh copy (0) and set it; the value travelled back as a message.
    bool childPrinted = false;
    for (const Event &e : trace.eventsOfKind(EventKind::Print)) {
        if (trace.actor(e.actor).process > 1) {
            QCOMPARE(trace.text(e.text), QStringLiteral("child: value = 0, setting it to 7"));
            childPrinted = true;
        }
    }
    QVERIFY(childPrinted);
    const quint32 result = trace.findObject(QStringLiteral("result: child → parent"));
    QVERIFY(result);
    QStringList received;
    for (const Event &e : trace.eventsOfKind(EventKind::MessageRecv)) {
        if (e.object == result)
            received << trace.text(e.text);
    }
    QCOMPARE(received, QStringList {QStringLiteral("7")});
    // The measured child plus two timed empty processes, next to the parent.
    QCOMPARE(trace.processCount(), 4);
}

QTEST_GUILESS_MAIN(TestProcessIsolation)
#include "tst_processisolation.moc"
