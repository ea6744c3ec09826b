// SPDX-License-Identifier: MIT
#include "core/process/process.h"
#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"
#include "tests/common/traceassertions.h"

#include <QTest>

using namespace weft;
using weft::testsupport::eventsOfActor;

namespace {
Trace runDaemon(const QStringList &assignments)
{
    return testsupport::runWith(*makeThreadsDaemonScenario(), assignments);
}

// The child's lanes: its main thread and the background thread.
struct ChildLanes
{
    quint32 main = 0;
    quint32 background = 0;
};

ChildLanes childLanes(const Trace &trace)
{
    ChildLanes lanes;
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        const ActorInfo info = trace.actor(a);
        if (info.process <= 1)
            continue; // the parent's own lanes
        if (info.isMainThread)
            lanes.main = a;
        else if (info.name == QStringLiteral("Background"))
            lanes.background = a;
    }
    return lanes;
}
} // namespace

class TestThreadsDaemon : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void daemonDiesWithItsProcess();
    void nonDaemonKeepsItsProcessAlive();
};

// No zombie and no orphan after any run.
void TestThreadsDaemon::cleanup()
{
    QCOMPARE(testsupport::childProcessCount(), 0);
}

void TestThreadsDaemon::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("WEFT_EXECUTABLE").isEmpty(), "WEFT_EXECUTABLE not set");
    Process::setWorkerExecutable(qEnvironmentVariable("WEFT_EXECUTABLE"));
}

void TestThreadsDaemon::daemonDiesWithItsProcess()
{
    // The longest sleep the lesson allows: under any load the exit comes first.
    const Trace trace = runDaemon({"daemon=true", "daemon_ms=60000", "main_ms=20"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const ChildLanes lanes = childLanes(trace);
    QVERIFY(lanes.main && lanes.background);
    QVERIFY(trace.actor(lanes.background).isDaemon);
    QCOMPARE(trace.actor(lanes.background).process, trace.actor(lanes.main).process);

    // The daemon went to sleep; the process exited (normally) before it was
    // due to wake up, and its print never happened.
    const auto sleeps = eventsOfActor(trace, lanes.background, EventKind::SleepBegin);
    QCOMPARE(sleeps.size(), std::size_t(1));
    const qint64 wakeUp = sleeps[0].timeNs + sleeps[0].value;
    const auto exits = eventsOfActor(trace, lanes.main, EventKind::ProcessExit);
    QCOMPARE(exits.size(), std::size_t(1));
    QVERIFY(!exits[0].isAbnormal());
    QCOMPARE(exits[0].value, 0);
    QVERIFY(exits[0].timeNs < wakeUp);
    QVERIFY(eventsOfActor(trace, lanes.background, EventKind::Print).empty());
    QVERIFY(eventsOfActor(trace, lanes.background, EventKind::SleepEnd).empty());
    // The main thread did print and return first.
    const auto mainPrints = eventsOfActor(trace, lanes.main, EventKind::Print);
    QCOMPARE(mainPrints.size(), std::size_t(1));
    QVERIFY(mainPrints[0].timeNs < exits[0].timeNs);
    // The daemon's lane is closed as killed, at the exit.
    const auto ends = eventsOfActor(trace, lanes.background, EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(ends[0].isAbnormal());
    const auto marks = eventsOfActor(trace, lanes.background, EventKind::Mark);
    QCOMPARE(marks.size(), std::size_t(1));
    QVERIFY(trace.text(marks[0].text).contains(QStringLiteral("killed")));

    QCOMPARE(trace.outcome().value(QStringLiteral("background_printed")), 0);
    QCOMPARE(trace.outcome().value(QStringLiteral("exit_before_wakeup")), 1);
}

void TestThreadsDaemon::nonDaemonKeepsItsProcessAlive()
{
    const Trace trace = runDaemon({"daemon=false", "daemon_ms=100", "main_ms=10"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const ChildLanes lanes = childLanes(trace);
    QVERIFY(lanes.main && lanes.background);
    QVERIFY(!trace.actor(lanes.background).isDaemon);

    const auto prints = eventsOfActor(trace, lanes.background, EventKind::Print);
    QCOMPARE(prints.size(), std::size_t(1));
    QCOMPARE(trace.text(prints[0].text), QStringLiteral("background: finished"));
    const auto ends = eventsOfActor(trace, lanes.background, EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(!ends[0].isAbnormal());
    // The process waited for the thread (a join on the child's main lane) and exited after it.
    const auto joins = eventsOfActor(trace, lanes.main, EventKind::JoinDone);
    QCOMPARE(joins.size(), std::size_t(1));
    QCOMPARE(quint32(joins[0].value), lanes.background);
    const auto exits = eventsOfActor(trace, lanes.main, EventKind::ProcessExit);
    QCOMPARE(exits.size(), std::size_t(1));
    QVERIFY(!exits[0].isAbnormal());
    QVERIFY(exits[0].timeNs > prints[0].timeNs);
    QVERIFY(eventsOfActor(trace, lanes.background, EventKind::Mark).empty());

    QCOMPARE(trace.outcome().value(QStringLiteral("background_printed")), 1);
}

QTEST_GUILESS_MAIN(TestThreadsDaemon)
#include "tst_threadsdaemon.moc"
