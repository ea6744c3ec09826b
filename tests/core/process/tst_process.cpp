// SPDX-License-Identifier: MIT
// weft::Process: a real child (this project's weft binary in worker mode),
// its streamed events, abnormal exits, cancel, and no child left behind.
#include "core/process/process.h"
#include "core/runcontext.h"
#include "core/runner.h"
#include "core/scenario.h"
#include "tests/common/functionscenario.h"
#include "tests/common/processresources.h"
#include "tests/common/traceassertions.h"

#include <QTest>

using namespace weft;
using weft::testsupport::childProcessCount;
using weft::testsupport::eventsOfActor;
using weft::testsupport::FunctionScenario;

class TestProcess : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void childEventsMergeIntoItsOwnGroup();
    void crashIsAnAbnormalExitAndTheRunEnds();
    void killedChildIsAnAbnormalExit();
    void cancelKillsAndReapsEveryChild();
    void badWorkerArgumentsAreAnAbnormalExitWithTheMessage();
    void missingExecutableFailsCleanly();
};

void TestProcess::initTestCase()
{
    const QString weft = qEnvironmentVariable("WEFT_EXECUTABLE");
    QVERIFY2(!weft.isEmpty(), "WEFT_EXECUTABLE must name the weft binary");
    Process::setWorkerExecutable(weft);
    QCOMPARE(childProcessCount(), 0);
}

void TestProcess::childEventsMergeIntoItsOwnGroup()
{
    quint32 main = 0, group = 0;
    qint64 pid = 0;
    bool normal = false;
    FunctionScenario scenario([&](RunContext &) {
        Process child(QStringLiteral("sleeper"), QStringLiteral("sleep"),
                      {QStringLiteral("ms=20")});
        child.start();
        child.join();
        main = child.mainActor();
        group = child.processId();
        pid = child.pid();
        normal = child.exitedNormally();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(normal);
    QCOMPARE(childProcessCount(), 0);

    QCOMPARE(trace.process(group).pid, pid);
    QCOMPARE(trace.process(group).name, QStringLiteral("sleeper"));
    QCOMPARE(trace.actor(main).process, group);
    QVERIFY(trace.actor(main).isMainThread);
    QVERIFY(trace.actor(main).nativeId > 0); // the child's own thread id arrived

    // On the child's lane, in order, on one clock: start, the child's own
    // events (imported), exit.
    std::vector<EventKind> kinds;
    qint64 last = 0;
    for (const Event &e : trace.events()) {
        if (e.actor != main)
            continue;
        QVERIFY(e.timeNs >= last);
        last = e.timeNs;
        kinds.push_back(e.kind);
    }
    const std::vector<EventKind> expected {EventKind::ProcessStart, EventKind::ThreadStart,
                                           EventKind::SleepBegin,   EventKind::SleepEnd,
                                           EventKind::ThreadEnd,    EventKind::ProcessExit};
    QCOMPARE(kinds, expected);
    const auto sleeps = eventsOfActor(trace, main, EventKind::SleepBegin);
    QVERIFY(sleeps[0].flags & Imported);
    QCOMPARE(sleeps[0].value, 20000000);
    const auto exits = eventsOfActor(trace, main, EventKind::ProcessExit);
    QCOMPARE(exits[0].value, 0);
    QVERIFY(!exits[0].isAbnormal());
    // The parent's main lane spawned and joined it.
    const quint32 parentMain = trace.findActor(QStringLiteral("MainThread"));
    QVERIFY(parentMain != main);
    QCOMPARE(quint32(eventsOfActor(trace, parentMain, EventKind::ThreadSpawn).at(0).value), main);
    QCOMPARE(quint32(eventsOfActor(trace, parentMain, EventKind::JoinDone).at(0).value), main);
}

void TestProcess::crashIsAnAbnormalExitAndTheRunEnds()
{
    quint32 main = 0;
    QString error;
    bool normal = true;
    FunctionScenario scenario([&](RunContext &) {
        Process child(QStringLiteral("crasher"), QStringLiteral("abort"));
        child.start();
        child.join();
        main = child.mainActor();
        error = child.errorMessage();
        normal = child.exitedNormally();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(childProcessCount(), 0);
    QVERIFY(!normal);
    QVERIFY2(error.contains(QStringLiteral("crashed")), qPrintable(error));

    const auto exits = eventsOfActor(trace, main, EventKind::ProcessExit);
    QCOMPARE(exits.size(), std::size_t(1));
    QVERIFY(exits[0].isAbnormal());
    QCOMPARE(exits[0].value, 128 + 6); // SIGABRT
    const auto errors = eventsOfActor(trace, main, EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(trace.text(errors[0].text).contains(QStringLiteral("signal 6")));
    // What it did before crashing arrived, and its lane is closed as killed.
    const auto prints = eventsOfActor(trace, main, EventKind::Print);
    QCOMPARE(prints.size(), std::size_t(1));
    QCOMPARE(trace.text(prints[0].text), QStringLiteral("about to abort"));
    const auto ends = eventsOfActor(trace, main, EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(ends[0].isAbnormal());
    QVERIFY(ends[0].timeNs <= exits[0].timeNs);
}

void TestProcess::killedChildIsAnAbnormalExit()
{
    quint32 main = 0;
    int code = 0;
    FunctionScenario scenario([&](RunContext &) {
        Process child(QStringLiteral("victim"), QStringLiteral("sleep"),
                      {QStringLiteral("ms=60000")});
        child.start();
        child.kill();
        child.join();
        main = child.mainActor();
        code = child.exitCode();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(code, 128 + 9);
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(childProcessCount(), 0);
    const auto exits = eventsOfActor(trace, main, EventKind::ProcessExit);
    QCOMPARE(exits.size(), std::size_t(1));
    QVERIFY(exits[0].isAbnormal());
    QVERIFY(trace.text(eventsOfActor(trace, main, EventKind::Error).at(0).text)
                .contains(QStringLiteral("killed")));
}

void TestProcess::cancelKillsAndReapsEveryChild()
{
    FunctionScenario scenario([](RunContext &) {
        std::vector<std::unique_ptr<Process>> children;
        for (int i = 0; i < 3; ++i) {
            children.push_back(std::make_unique<Process>(QStringLiteral("sleeper %1").arg(i),
                                                         QStringLiteral("sleep"),
                                                         QStringList {QStringLiteral("ms=60000")}));
            children.back()->start();
        }
        for (auto &child : children)
            child->join();
    });
    Runner runner;
    QVERIFY(runner.start(scenario, {}));
    // Wait until all three are really running (their main lanes have started).
    QTRY_COMPARE_WITH_TIMEOUT(runner.liveSnapshot().eventsOfKind(EventKind::SleepBegin).size(),
                              std::size_t(3), 30000);
    QCOMPARE(childProcessCount(), 3);
    runner.cancel();
    QVERIFY(runner.waitForFinished(std::chrono::seconds(1)));
    QCOMPARE(childProcessCount(), 0);

    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Cancelled);
    const auto exits = trace.eventsOfKind(EventKind::ProcessExit);
    QCOMPARE(exits.size(), std::size_t(3));
    for (const Event &e : exits)
        QVERIFY(e.isAbnormal());
    for (const Event &e : trace.eventsOfKind(EventKind::Error)) {
        if (trace.actor(e.actor).process > 1)
            QVERIFY2(trace.text(e.text).contains(QStringLiteral("cancelled")),
                     qPrintable(trace.text(e.text)));
    }
}

void TestProcess::badWorkerArgumentsAreAnAbnormalExitWithTheMessage()
{
    quint32 main = 0;
    int code = 0;
    FunctionScenario scenario([&](RunContext &) {
        Process child(QStringLiteral("confused"), QStringLiteral("sleep"),
                      {QStringLiteral("ms=-1")});
        child.start();
        child.join();
        main = child.mainActor();
        code = child.exitCode();
    });
    const Trace trace = Runner::run(scenario, {});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(code, 2);
    QCOMPARE(childProcessCount(), 0);
    const auto errors = eventsOfActor(trace, main, EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    const QString text = trace.text(errors[0].text);
    QVERIFY2(text.contains(QStringLiteral("exited with code 2")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("weft --worker: role sleep:")), qPrintable(text));
    QVERIFY(eventsOfActor(trace, main, EventKind::ProcessExit).at(0).isAbnormal());
}

void TestProcess::missingExecutableFailsCleanly()
{
    Process::setWorkerExecutable(QStringLiteral("/nonexistent/weft"));
    FunctionScenario scenario([](RunContext &) {
        Process child(QStringLiteral("ghost"), QStringLiteral("sleep"));
        child.start();
    });
    const Trace trace = Runner::run(scenario, {});
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
    QCOMPARE(trace.outcome().status, Outcome::Status::Failed);
    QVERIFY2(trace.outcome().summary.contains(QStringLiteral("Could not start process ghost")),
             qPrintable(trace.outcome().summary));
    QCOMPARE(childProcessCount(), 0);
}

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
