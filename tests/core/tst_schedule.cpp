// SPDX-License-Identifier: MIT
// Live stepping end to end: the schedule a stepped run records, run-until, and
// replaying a schedule through the Runner (issue 7).
#include "core/mutex.h"
#include "core/runner.h"
#include "core/scenarios/locks/lockscenarios.h"
#include "core/schedule.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"
#include "tests/common/lessons.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace weft;
using namespace weft::testsupport;

class TestSchedule : public QObject
{
    Q_OBJECT
private slots:
    void scheduleValueType();
    void scriptedScheduleReplaysIdentically();
    void nobodySteppingMeansNoProgress();
    void leavingStepModeLetsTheRunFinish();
    void cancelInStepModeLeavesNoThread();
    void runUntilStopsAtTheFirstActionOfThatKind();
    void replayWithWrongKindDivergesWithoutHanging();
    void replayWithMissingActorDivergesWithoutHanging();
    void replayThatLeftStepModeRunsFree();
    void lostUpdateInAtMostTenSteps();
    void deadlockByHand();
};

namespace {

// Whether every started lane is parked at its gate (and not just granted), blocked
// on a lock that is held, waiting to join a live thread, or finished: nothing
// can move until the next step. Decided from the live trace, without timing.
bool isQuiescent(Runner &runner, const QList<quint64> &grantedArrivals)
{
    const Trace trace = runner.liveSnapshot();
    const QList<PendingAction> pending = runner.stepGate()->pending();
    for (int id = 1; id <= trace.actorCount(); ++id) {
        const quint32 actor = quint32(id);
        bool started = false, ended = false;
        Event last;
        for (const Event &e : trace.events()) {
            if (e.actor != actor)
                continue;
            started = started || e.kind == EventKind::ThreadStart;
            ended = ended || e.kind == EventKind::ThreadEnd;
            last = e;
        }
        bool spawned = false;
        for (const Event &e : trace.events())
            spawned = spawned || (e.kind == EventKind::ThreadSpawn && e.value == actor);
        if (ended || (!started && !spawned && actor != 1))
            continue; // finished, or registered by a spawner still parked at its gate
        if (!started)
            return false;
        bool parked = false;
        for (const PendingAction &p : pending)
            parked = parked || (p.actor == actor && !grantedArrivals.contains(p.arrival));
        if (parked)
            continue;
        if (last.kind == EventKind::LockWait) {
            // Blocked only while the lock is held: its last event is an acquire.
            EventKind lockState = EventKind::LockReleased;
            for (const Event &e : trace.events()) {
                if (e.object == last.object
                    && (e.kind == EventKind::LockAcquired || e.kind == EventKind::LockReleased))
                    lockState = e.kind;
            }
            if (lockState == EventKind::LockAcquired)
                continue;
        }
        if (last.kind == EventKind::JoinWait) {
            bool targetEnded = false;
            for (const Event &e : trace.events())
                targetEnded
                    = targetEnded || (e.kind == EventKind::ThreadEnd && e.actor == last.value);
            if (!targetEnded)
                continue;
        }
        return false;
    }
    return true;
}

// Plays the user: waits until the run is still and the lane is parked, then steps it.
bool stepWhenStill(Runner &runner, const QString &name, QList<quint64> &granted)
{
    for (int i = 0; i < 4000; ++i) {
        if (isQuiescent(runner, granted)) {
            const quint32 actor = runner.liveSnapshot().findActor(name);
            for (const PendingAction &p : runner.stepGate()->pending()) {
                if (actor != 0 && p.actor == actor && !granted.contains(p.arrival)) {
                    granted.append(p.arrival);
                    return runner.stepGate()->release(actor);
                }
            }
        }
        QTest::qWait(5);
    }
    const Trace t = runner.liveSnapshot();
    for (int id = 1; id <= t.actorCount(); ++id)
        qWarning() << "actor" << id << t.actor(id).name;
    for (const PendingAction &p : runner.stepGate()->pending())
        qWarning() << "pending" << p.actor << p.description << p.arrival << granted;
    for (const Event &e : t.events())
        qWarning() << e.actor << eventKindName(e.kind);
    return false;
}

struct Step
{
    quint32 actor;
    EventKind kind;
    quint32 object;
    friend bool operator==(const Step &, const Step &) = default;
};

QList<Step> eventSequence(const Trace &trace)
{
    QList<Step> steps;
    for (const Event &e : trace.events()) {
        // When a thread reaches its gate is the OS scheduler's doing, not the schedule's.
        if (e.kind != EventKind::StepWait)
            steps.append({e.actor, e.kind, e.object});
    }
    return steps;
}

// Site ids are interned in order of first use, which concurrent arrivals at
// gates make run-dependent; compare steps by the source line they name.
QStringList resolvedSchedule(const Trace &trace)
{
    QStringList steps;
    for (const ScheduleStep &s : trace.schedule().steps()) {
        const SourceSite site = trace.site(s.site);
        steps << QStringLiteral("%1 %2 %3:%4")
                     .arg(s.actor)
                     .arg(QLatin1String(eventKindName(s.kind)), site.file)
                     .arg(site.line);
    }
    steps << (trace.schedule().leftStepMode() ? QStringLiteral("left") : QStringLiteral("stayed"));
    return steps;
}

QString describe(const QList<Step> &steps)
{
    QStringList parts;
    for (const Step &s : steps)
        parts << QStringLiteral("%1:%2:%3")
                     .arg(s.actor)
                     .arg(QLatin1String(eventKindName(s.kind)))
                     .arg(s.object);
    return parts.join(QLatin1Char(' '));
}

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task"))
                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                   .size());
}

ParameterValues paramsFor(const Scenario &scenario, const QStringList &assignments)
{
    QString error;
    const auto values
        = ParameterValues::fromAssignments(scenario.parameters(), assignments, &error);
    if (!values)
        qFatal("bad parameters: %s", qPrintable(error));
    return *values;
}

RunOptions stepped()
{
    RunOptions options;
    options.stepping = true;
    options.timeout = std::chrono::seconds(60);
    return options;
}

} // namespace

void TestSchedule::scheduleValueType()
{
    Schedule schedule;
    QVERIFY(schedule.isEmpty());
    QVERIFY(!schedule.wasStepped());
    schedule.setLeftStepMode(true);
    QVERIFY(schedule.wasStepped());
    schedule.append({2, EventKind::LockAcquired, 3});
    QCOMPARE(schedule.size(), 1);
    QCOMPARE(schedule.at(0).actor, quint32(2));
    Schedule other = schedule;
    QCOMPARE(other, schedule);
    other.setLeftStepMode(false);
    QVERIFY(!(other == schedule));
}

void TestSchedule::scriptedScheduleReplaysIdentically()
{
    FunctionScenario scenario(twoThreadsOneLock);
    Runner runner;
    QVERIFY(runner.start(scenario, {}, stepped()));
    // B takes the lock first; A reaches for it while B holds it.
    const QStringList script
        = {"MainThread", "MainThread", "B", "A", "B", "B", "A", "A", "MainThread", "MainThread"};
    QList<quint64> granted;
    for (const QString &name : script)
        QVERIFY2(stepWhenStill(runner, name, granted), qPrintable(name));
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace recorded = runner.result();
    QCOMPARE(recorded.outcome().status, Outcome::Status::Completed);
    QCOMPARE(recorded.schedule().size(), script.size());
    QVERIFY(!recorded.schedule().leftStepMode());
    // B acquired first, as scripted.
    const auto acquired = recorded.eventsOfKind(EventKind::LockAcquired);
    QCOMPARE(acquired.size(), std::size_t(2));
    QCOMPARE(acquired.front().actor, recorded.findActor(QStringLiteral("B")));

    RunOptions replay = stepped();
    replay.replay = recorded.schedule();
    Runner again;
    QVERIFY(again.start(scenario, {}, replay));
    QVERIFY(again.waitForFinished(std::chrono::seconds(30)));
    const Trace replayed = again.result();
    QVERIFY2(again.replayDriver()->divergence().isEmpty(),
             qPrintable(again.replayDriver()->divergence()));
    QCOMPARE(replayed.outcome().status, Outcome::Status::Completed);
    QCOMPARE(resolvedSchedule(replayed), resolvedSchedule(recorded));
    const auto first = eventSequence(recorded);
    const auto second = eventSequence(replayed);
    QVERIFY2(first == second,
             qPrintable(describe(first) + QStringLiteral("\n vs \n") + describe(second)));
}

void TestSchedule::nobodySteppingMeansNoProgress()
{
    FunctionScenario scenario(twoThreadsOneLock);
    Runner runner;
    QSignalSpy finished(&runner, &Runner::finished);
    QVERIFY(runner.start(scenario, {}, stepped()));
    QTRY_COMPARE(runner.stepGate()->pending().size(), 1); // MainThread, before starting A
    const std::size_t before = runner.liveSnapshot().events().size();
    QVERIFY(!finished.wait(300));
    QCOMPARE(runner.liveSnapshot().events().size(), before);
    QCOMPARE(runner.stepGate()->pending().size(), 1);
    runner.cancel();
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
}

void TestSchedule::leavingStepModeLetsTheRunFinish()
{
    FunctionScenario scenario(twoThreadsOneLock);
    Runner runner;
    QVERIFY(runner.start(scenario, {}, stepped()));
    QTRY_COMPARE(runner.stepGate()->pending().size(), 1);
    QVERIFY(runner.stepGate()->releaseAny());
    QTRY_VERIFY(!runner.stepGate()->pending().isEmpty());
    runner.stepGate()->setStepping(false);
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.eventsOfKind(EventKind::LockAcquired).size(), std::size_t(2));
    QCOMPARE(trace.schedule().size(), 1);
    QVERIFY(trace.schedule().leftStepMode());
}

void TestSchedule::cancelInStepModeLeavesNoThread()
{
    const int threadsBefore = threadCount();
    FunctionScenario scenario(twoThreadsOneLock);
    {
        Runner runner;
        QVERIFY(runner.start(scenario, {}, stepped()));
        QList<quint64> granted;
        QVERIFY(stepWhenStill(runner, QStringLiteral("MainThread"), granted));
        QVERIFY(stepWhenStill(runner, QStringLiteral("MainThread"), granted));
        QTRY_COMPARE(runner.stepGate()->pending().size(), 3); // main, A and B all parked
        runner.cancel();
        QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
        QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
    }
    QTRY_COMPARE(threadCount(), threadsBefore);
}

void TestSchedule::runUntilStopsAtTheFirstActionOfThatKind()
{
    FunctionScenario scenario([](RunContext &) {
        Mutex lock(QStringLiteral("L"));
        Thread worker(QStringLiteral("W"), [&] {
            print(QStringLiteral("one"));
            print(QStringLiteral("two"));
            lock.lock();
            print(QStringLiteral("three"));
            lock.unlock();
        });
        worker.start();
        worker.join();
    });
    Runner runner;
    QVERIFY(runner.start(scenario, {}, stepped()));
    QTRY_COMPARE(runner.stepGate()->pending().size(), 1);
    runner.stepGate()->runUntil(EventKind::LockAcquired);
    QTRY_VERIFY(!runner.stepGate()->isRunningUntil());
    QList<PendingAction> pending;
    // W, at the lock (main may have parked at its join too, see below).
    QTRY_VERIFY(!(pending = runner.stepGate()->pending()).isEmpty());
    const quint32 worker = runner.liveSnapshot().findActor(QStringLiteral("W"));
    bool workerAtLock = false;
    for (const PendingAction &p : pending)
        workerAtLock = workerAtLock || (p.actor == worker && p.kind == EventKind::LockAcquired);
    QVERIFY(workerAtLock);
    const Trace live = runner.liveSnapshot();
    QCOMPARE(live.eventsOfKind(EventKind::Print).size(), std::size_t(2));
    QVERIFY(live.eventsOfKind(EventKind::LockAcquired).empty());
    // Main reaches its join gate on its own time: before W stopped the run-until
    // (the join passes and is recorded) or after (main parks there). Wait until
    // it is in one of the two states; each is final while stepping.
    auto mainParkedAtJoin = [&] {
        for (const PendingAction &p : runner.stepGate()->pending())
            if (p.kind == EventKind::JoinWait)
                return true;
        return false;
    };
    auto mainJoinRecorded = [&] {
        const Schedule recorded = runner.stepGate()->schedule();
        for (const ScheduleStep &s : recorded.steps())
            if (s.kind == EventKind::JoinWait)
                return true;
        return false;
    };
    QTRY_VERIFY(mainParkedAtJoin() || mainJoinRecorded());
    // Every passage is recorded: start W, both prints, and main's join unless it parked there.
    const Schedule schedule = runner.stepGate()->schedule();
    const bool mainParked = mainParkedAtJoin();
    QCOMPARE(schedule.size(), mainParked ? 3 : 4);
    int prints = 0;
    for (const ScheduleStep &s : schedule.steps())
        prints += s.kind == EventKind::Print && s.actor == worker ? 1 : 0;
    QCOMPARE(prints, 2);
    QVERIFY(runner.stepGate()->isStepping());
    runner.stepGate()->setStepping(false);
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    QCOMPARE(runner.result().outcome().status, Outcome::Status::Completed);
}

void TestSchedule::replayWithWrongKindDivergesWithoutHanging()
{
    FunctionScenario scenario(twoThreadsOneLock);
    Schedule wrong;
    wrong.append({1, EventKind::Print, 0}); // MainThread's first action is starting A
    RunOptions options = stepped();
    options.replay = wrong;
    Runner runner;
    QVERIFY(runner.start(scenario, {}, options));
    QTRY_VERIFY(!runner.replayDriver()->divergence().isEmpty());
    QVERIFY(!runner.replayDriver()->isReplaying());
    QVERIFY(runner.stepGate()->isStepping()); // the user takes over
    QVERIFY2(runner.replayDriver()->divergence().contains(QLatin1String("print")),
             qPrintable(runner.replayDriver()->divergence()));
    runner.stepGate()->setStepping(false);
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    bool stated = false;
    for (const Event &e : trace.eventsOfKind(EventKind::Error))
        stated = stated || trace.text(e.text) == runner.replayDriver()->divergence();
    QVERIFY(stated);
}

void TestSchedule::replayWithMissingActorDivergesWithoutHanging()
{
    FunctionScenario scenario(twoThreadsOneLock);
    Schedule missing;
    missing.append({1, EventKind::ThreadStart, 0});
    missing.append({9, EventKind::LockAcquired, 0}); // there is no lane 9
    RunOptions options = stepped();
    options.replay = missing;
    Runner runner;
    QVERIFY(runner.start(scenario, {}, options));
    QTRY_VERIFY(!runner.replayDriver()->divergence().isEmpty());
    QVERIFY(runner.replayDriver()->divergence().contains(QLatin1String("never")));
    QCOMPARE(runner.stepGate()->schedule().size(), 1); // the first step was granted
    runner.cancel();
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
}

void TestSchedule::replayThatLeftStepModeRunsFree()
{
    FunctionScenario scenario(twoThreadsOneLock);
    Schedule schedule;
    schedule.append({1, EventKind::ThreadStart, 0});
    schedule.setLeftStepMode(true);
    RunOptions options = stepped();
    options.replay = schedule;
    Runner runner;
    QVERIFY(runner.start(scenario, {}, options));
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(runner.replayDriver()->divergence().isEmpty());
    QCOMPARE(trace.schedule().size(), 1);
    QVERIFY(trace.schedule().leftStepMode());
}

void TestSchedule::lostUpdateInAtMostTenSteps()
{
    const auto scenario = makeLocksRaceScenario();
    const ParameterValues params
        = paramsFor(*scenario, {"threads=2", "increments=1", "max_rounds=1"});
    Runner runner;
    QVERIFY(runner.start(*scenario, params, stepped()));
    // Start both threads; both read 0; both write 1. Then let the rest run.
    const QStringList script
        = {"MainThread", "MainThread", "Thread-1", "Thread-2", "Thread-1", "Thread-2"};
    QVERIFY(script.size() <= 10);
    for (int i = 0; i < script.size(); ++i) {
        bool released = false;
        for (int t = 0; t < 2000 && !released; ++t) {
            released = runner.stepGate()->release(runner.liveSnapshot().findActor(script[i]));
            if (!released)
                QTest::qWait(5);
        }
        if (!released) {
            for (const PendingAction &p : runner.stepGate()->pending())
                qWarning() << "pending" << p.actor << p.description;
        }
        QVERIFY2(released, qPrintable(script[i]));
        // A read is done once its mark is recorded; both must be done before any write.
        if (i == 2 || i == 3)
            QTRY_COMPARE(runner.liveSnapshot().eventsOfKind(EventKind::Mark).size(),
                         std::size_t(i - 1));
    }
    runner.stepGate()->setStepping(false);
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.outcome().value(QStringLiteral("lost")), qint64(1));
    QCOMPARE(trace.outcome().value(QStringLiteral("final")), qint64(1));
    QCOMPARE(trace.schedule().size(), script.size());

    // The same lost update, reproduced from the recorded schedule alone.
    RunOptions replay = stepped();
    replay.replay = trace.schedule();
    const Trace again = Runner::run(*scenario, params, replay);
    QCOMPARE(again.outcome().value(QStringLiteral("lost")), qint64(1));
}

void TestSchedule::deadlockByHand()
{
    const auto scenario = makeLocksDeadlockScenario();
    const ParameterValues params = paramsFor(*scenario, {"fixed_order=false", "hold_ms=0"});
    Runner runner;
    QVERIFY(runner.start(*scenario, params, stepped()));
    // T1 takes L1 and T2 takes L2; from there each one's second lock is the other's first.
    QList<quint64> granted;
    for (const QString name : {"MainThread", "MainThread", "T1", "T2"})
        QVERIFY2(stepWhenStill(runner, name, granted), qPrintable(name));
    QTRY_COMPARE(runner.liveSnapshot().eventsOfKind(EventKind::LockAcquired).size(),
                 std::size_t(2));
    runner.stepGate()->setStepping(false);
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Deadlocked);
    QCOMPARE(trace.schedule().size(), 4);
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
