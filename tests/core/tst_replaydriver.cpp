// SPDX-License-Identifier: MIT
// The replay driver grants a recorded schedule's steps, each once the step
// before has settled, and settling is decided by what threads report, never
// by a quiet period. Most cases drive lanes by hand, one command at a time,
// so the test alone decides every interleaving; the last replays a hand-made
// run through the Runner and compares the order of its events.
#include "core/replaydriver.h"
#include "core/runner.h"
#include "core/stepgate.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"
#include "tests/common/lessons.h"

#include <QTest>
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

using namespace weft;
using namespace weft::testsupport;

namespace {

using State = ReplayProgress::State;

// What the lanes recorded, in the order they recorded it.
class EventLog
{
public:
    void append(quint32 actor, EventKind kind)
    {
        std::lock_guard lock(m_mutex);
        m_events.append({actor, kind});
    }
    QList<QPair<quint32, EventKind>> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

private:
    mutable std::mutex m_mutex;
    QList<QPair<quint32, EventKind>> m_events;
};

// A thread the test drives: each command runs on the lane's own thread, in
// order, when the test queues it, and nothing happens between commands. It
// reports to the driver what RunContext would report for a scenario thread.
class Lane
{
public:
    Lane(StepGate &gate, ReplayDriver &driver, EventLog &log, quint32 actor)
        : m_gate(gate)
        , m_driver(driver)
        , m_log(log)
        , m_actor(actor)
    {
        m_driver.noteActorCreated(m_actor);
        m_thread = std::thread([this] { run(); });
    }
    ~Lane()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        m_gate.cancel(); // a lane still parked at its gate lets go
        m_thread.join();
    }
    Lane(const Lane &) = delete;
    Lane &operator=(const Lane &) = delete;

    // Parks at the gate until granted (then the next command runs).
    void pass(EventKind kind)
    {
        queue([this, kind] {
            PendingAction action;
            action.actor = m_actor;
            action.kind = kind;
            m_gate.pass(action);
        });
    }
    void record(EventKind kind, quint32 object = 0, qint64 value = 0)
    {
        queue([this, kind, object, value] {
            m_log.append(m_actor, kind);
            m_driver.noteEvent(m_actor, kind, object, value);
        });
    }
    void busy()
    {
        queue([this] { m_driver.noteBusy(m_actor); });
    }
    void waitForEnd(quint32 target)
    {
        queue([this, target] { m_driver.noteWaitingForEnd(m_actor, target); });
    }
    void end()
    {
        queue([this] { m_driver.noteActorFinished(m_actor); });
    }
    // How many commands have completed.
    int done() const
    {
        std::lock_guard lock(m_mutex);
        return m_done;
    }

private:
    void queue(std::function<void()> command)
    {
        {
            std::lock_guard lock(m_mutex);
            m_commands.push_back(std::move(command));
        }
        m_cv.notify_all();
    }
    void run()
    {
        for (;;) {
            std::function<void()> command;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [this] { return m_stop || !m_commands.empty(); });
                if (m_commands.empty())
                    return;
                command = std::move(m_commands.front());
                m_commands.pop_front();
            }
            command();
            std::lock_guard lock(m_mutex);
            ++m_done;
        }
    }

    StepGate &m_gate;
    ReplayDriver &m_driver;
    EventLog &m_log;
    const quint32 m_actor;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::function<void()>> m_commands;
    bool m_stop = false;
    int m_done = 0;
    std::thread m_thread;
};

Schedule scheduleOf(const QList<QPair<quint32, EventKind>> &steps)
{
    Schedule schedule;
    for (const auto &[actor, kind] : steps)
        schedule.append({actor, kind, 0});
    return schedule;
}

QList<quint32> parkedActors(const StepGate &gate)
{
    QList<quint32> actors;
    for (const PendingAction &p : gate.pending())
        actors.append(p.actor);
    std::sort(actors.begin(), actors.end());
    return actors;
}

constexpr quint32 kLock = 7;
constexpr quint32 kCondition = 8;

} // namespace

class TestReplayDriver : public QObject
{
    Q_OBJECT
private slots:
    void aStepIsNotSettledUntilItsThreadStops();
    void aWokenWaiterMustSaySoBeforeTheNextStep();
    void aNotifyWakesOnlyTheWaitersItWoke();
    void aThreadInAnUntracedLoopDoesNotHoldTheReplay();
    void anUnjoinedThreadIsWaitedForByItsDestroyer();
    void divergesAtOnceWhenNobodyCanMove();
    void waitsForASleeperBeforeDiverging();
    void progressCountsTheGrantedSteps();
    void leftStepModeGoesFreeOnceTheLastStepSettled();
    void replayReproducesTheRecordedInterleaving();
};

void TestReplayDriver::aStepIsNotSettledUntilItsThreadStops()
{
    StepGate gate;
    gate.setStepping(true);
    ReplayDriver driver(gate, scheduleOf({{1, EventKind::Print}, {2, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    Lane b(gate, driver, log, 2);
    a.pass(EventKind::Print);
    b.pass(EventKind::Print);
    // Both parked: A gets the first step. Until A reports again only A can
    // cause anything, so what is checked below cannot change underneath.
    QTRY_COMPARE(a.done(), 1);
    QCOMPARE(driver.progress().step, 1);
    QCOMPARE(driver.awaited(), QList<quint32>({1}));
    QCOMPARE(parkedActors(gate), QList<quint32>({2}));

    // A takes its time: it has not even recorded its print. B must wait.
    QCOMPARE(driver.progress().step, 1);
    // A's print alone does not settle the step either: what A does next,
    // before its next gate (an unlock, its end), belongs to this step.
    a.record(EventKind::Print);
    QTRY_COMPARE(a.done(), 2);
    QCOMPARE(driver.progress().step, 1);
    QCOMPARE(parkedActors(gate), QList<quint32>({2}));

    // A parks at its next gate: settled, and B goes.
    a.pass(EventKind::Print);
    QTRY_COMPARE(b.done(), 1);
    QCOMPARE(driver.progress().step, 2);
    QCOMPARE(parkedActors(gate), QList<quint32>({1}));
    b.record(EventKind::Print);
    b.end();
    QTRY_COMPARE(driver.progress().state, State::Replayed);
    QCOMPARE(log.events(),
             (QList<QPair<quint32, EventKind>>({{1, EventKind::Print}, {2, EventKind::Print}})));
}

void TestReplayDriver::aWokenWaiterMustSaySoBeforeTheNextStep()
{
    StepGate gate;
    gate.setStepping(true);
    // A takes the lock, B waits for it, A prints and lets it go, then C prints.
    ReplayDriver driver(gate,
                        scheduleOf({{1, EventKind::LockAcquired},
                                    {2, EventKind::LockAcquired},
                                    {1, EventKind::Print},
                                    {3, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    Lane b(gate, driver, log, 2);
    Lane c(gate, driver, log, 3);
    a.pass(EventKind::LockAcquired);
    b.pass(EventKind::LockAcquired);
    c.pass(EventKind::Print);
    QTRY_COMPARE(a.done(), 1);
    a.record(EventKind::LockAcquired, kLock);
    a.pass(EventKind::Print);
    QTRY_COMPARE(b.done(), 1);
    b.record(EventKind::LockWait, kLock); // blocked: that settles B's step
    QTRY_COMPARE(a.done(), 3);
    a.record(EventKind::Print);
    a.record(EventKind::LockReleased, kLock);
    a.pass(EventKind::Print);
    // A is parked again, but B was woken and has not said so: C must wait.
    QTRY_COMPARE(driver.awaited(), QList<quint32>({2}));
    QCOMPARE(parkedActors(gate), QList<quint32>({1, 3}));
    QCOMPARE(driver.progress().step, 3);

    b.record(EventKind::LockAcquired, kLock);
    QTRY_COMPARE(b.done(), 3);
    QCOMPARE(parkedActors(gate), QList<quint32>({1, 3})); // B runs on to its next gate
    b.pass(EventKind::Print);
    QTRY_COMPARE(c.done(), 1);
    c.record(EventKind::Print);
    c.end();
    QTRY_COMPARE(driver.progress().state, State::Replayed);
    QCOMPARE(log.events(),
             (QList<QPair<quint32, EventKind>>({{1, EventKind::LockAcquired},
                                                {2, EventKind::LockWait},
                                                {1, EventKind::Print},
                                                {1, EventKind::LockReleased},
                                                {2, EventKind::LockAcquired},
                                                {3, EventKind::Print}})));
}

void TestReplayDriver::aNotifyWakesOnlyTheWaitersItWoke()
{
    StepGate gate;
    gate.setStepping(true);
    // A and B wait on a condition; C notifies one of them, then prints.
    ReplayDriver driver(gate,
                        scheduleOf({{1, EventKind::CondWait},
                                    {2, EventKind::CondWait},
                                    {3, EventKind::CondNotify},
                                    {3, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    Lane b(gate, driver, log, 2);
    Lane c(gate, driver, log, 3);
    a.pass(EventKind::CondWait);
    b.pass(EventKind::CondWait);
    c.pass(EventKind::CondNotify);
    QTRY_COMPARE(a.done(), 1);
    a.record(EventKind::CondWait, kCondition);
    QTRY_COMPARE(b.done(), 1);
    b.record(EventKind::CondWait, kCondition);
    QTRY_COMPARE(c.done(), 1);
    c.record(EventKind::CondNotify, kCondition, 1); // woke one: the earliest, A
    c.pass(EventKind::Print);
    QTRY_COMPARE(driver.awaited(), QList<quint32>({1}));
    a.record(EventKind::CondWake, kCondition);
    a.pass(EventKind::LockAcquired);
    // B still waits, and nobody woke it: the step has settled without it.
    QTRY_COMPARE(c.done(), 3);
    QCOMPARE(driver.progress().step, 4);
    QCOMPARE(driver.awaited(), QList<quint32>({3}));
}

void TestReplayDriver::aThreadInAnUntracedLoopDoesNotHoldTheReplay()
{
    StepGate gate;
    gate.setStepping(true);
    ReplayDriver driver(gate, scheduleOf({{1, EventKind::ThreadStart}, {2, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    Lane b(gate, driver, log, 2);
    a.pass(EventKind::ThreadStart);
    b.pass(EventKind::Print);
    QTRY_COMPARE(a.done(), 1);
    a.record(EventKind::ThreadSpawn, 0, 3); // lane 3 starts running ...
    QTRY_COMPARE(driver.awaited(), QList<quint32>({1, 3}));
    a.busy(); // ... while A spins, waiting for others (it polls for cancellation)
    QTRY_COMPARE(driver.awaited(), QList<quint32>({3}));
    QCOMPARE(driver.progress().step, 1);
    driver.noteBusy(3); // lane 3 spins too: nothing left to wait for
    QTRY_COMPARE(b.done(), 1);
    QCOMPARE(driver.progress().step, 2);
}

void TestReplayDriver::anUnjoinedThreadIsWaitedForByItsDestroyer()
{
    StepGate gate;
    gate.setStepping(true);
    ReplayDriver driver(gate, scheduleOf({{2, EventKind::Print}, {2, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane mainLane(gate, driver, log, 1);
    Lane worker(gate, driver, log, 2);
    mainLane.waitForEnd(2); // a Thread destroyed unjoined: no event says main waits
    worker.pass(EventKind::Print);
    QTRY_COMPARE(worker.done(), 1);
    worker.record(EventKind::Print);
    worker.pass(EventKind::Print);
    QTRY_COMPARE(worker.done(), 3);
    QCOMPARE(driver.progress().step, 2);
    worker.record(EventKind::Print);
    worker.end();
    // The worker has ended: main goes on by itself, and the replay waits for it.
    QTRY_COMPARE(driver.awaited(), QList<quint32>({1}));
    QCOMPARE(driver.progress().state, State::Replaying);
    mainLane.end();
    QTRY_COMPARE(driver.progress().state, State::Replayed);
}

void TestReplayDriver::divergesAtOnceWhenNobodyCanMove()
{
    StepGate gate;
    gate.setStepping(true);
    ReplayDriver driver(gate, scheduleOf({{1, EventKind::Print}, {9, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    Lane b(gate, driver, log, 2);
    b.record(EventKind::LockWait, kLock); // B waits for a lock nobody will release
    a.pass(EventKind::Print);
    QTRY_COMPARE(a.done(), 1);
    a.record(EventKind::Print);
    a.pass(EventKind::Print);
    // A's arrival is the last thing anyone can do: the same report that says
    // so decides the divergence; there is nothing to wait for.
    QTRY_VERIFY(driver.awaited().isEmpty());
    QCOMPARE(driver.progress().state, State::Diverged);
    QVERIFY2(driver.divergence().contains(QLatin1String("step 2 of 2"))
                 && driver.divergence().contains(QLatin1String("never")),
             qPrintable(driver.divergence()));
    QVERIFY(!driver.isTracking());
    QVERIFY(gate.isStepping()); // the user takes over
}

void TestReplayDriver::waitsForASleeperBeforeDiverging()
{
    StepGate gate;
    gate.setStepping(true);
    ReplayDriver driver(gate, scheduleOf({{1, EventKind::Print}, {2, EventKind::Print}}));
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    Lane sleeper(gate, driver, log, 2);
    sleeper.record(EventKind::SleepBegin);
    a.pass(EventKind::Print);
    QTRY_COMPARE(a.done(), 1);
    a.record(EventKind::Print);
    a.pass(EventKind::Print);
    // Settled, and the scheduled lane is not at its gate: but it sleeps, and
    // wakes by itself.
    QTRY_VERIFY(driver.awaited().isEmpty());
    QCOMPARE(driver.progress().state, State::Replaying);
    sleeper.record(EventKind::SleepEnd);
    sleeper.pass(EventKind::Print);
    QTRY_COMPARE(sleeper.done(), 3);
    QCOMPARE(driver.progress().step, 2);
    QVERIFY(driver.divergence().isEmpty());
}

void TestReplayDriver::progressCountsTheGrantedSteps()
{
    StepGate gate;
    gate.setStepping(true);
    ReplayDriver driver(
        gate, scheduleOf({{1, EventKind::Print}, {1, EventKind::Print}, {1, EventKind::Print}}));
    driver.start();
    QCOMPARE(driver.progress(), (ReplayProgress {State::Replaying, 0, 3, false}));
    EventLog log;
    Lane a(gate, driver, log, 1);
    for (int step = 1; step <= 3; ++step) {
        a.pass(EventKind::Print);
        QTRY_COMPARE(a.done(), 2 * step - 1);
        QCOMPARE(driver.progress(), (ReplayProgress {State::Replaying, step, 3, false}));
        a.record(EventKind::Print);
    }
    a.end();
    QTRY_COMPARE(driver.progress(), (ReplayProgress {State::Replayed, 3, 3, false}));
    driver.runEnded();
    QCOMPARE(driver.progress(), (ReplayProgress {State::Replayed, 3, 3, true}));

    // A run that ends before its last step did not follow its schedule.
    StepGate cutGate;
    cutGate.setStepping(true);
    ReplayDriver cut(cutGate, scheduleOf({{1, EventKind::Print}, {1, EventKind::Print}}));
    cut.start();
    {
        Lane b(cutGate, cut, log, 1);
        b.pass(EventKind::Print);
        QTRY_COMPARE(b.done(), 1);
        cut.runEnded();
    }
    QCOMPARE(cut.progress(), (ReplayProgress {State::Diverged, 1, 2, true}));
    QVERIFY2(cut.divergence().contains(QLatin1String("after step 1 of 2")),
             qPrintable(cut.divergence()));
}

void TestReplayDriver::leftStepModeGoesFreeOnceTheLastStepSettled()
{
    StepGate gate;
    gate.setStepping(true);
    Schedule schedule = scheduleOf({{1, EventKind::Print}});
    schedule.setLeftStepMode(true);
    ReplayDriver driver(gate, schedule);
    driver.start();
    EventLog log;
    Lane a(gate, driver, log, 1);
    a.pass(EventKind::Print);
    QTRY_COMPARE(a.done(), 1);
    a.record(EventKind::Print);
    QTRY_COMPARE(a.done(), 2);
    QVERIFY(gate.isStepping()); // the step has not settled yet
    a.pass(EventKind::Print); // parks; the step has settled; the run goes free
    QTRY_COMPARE(a.done(), 3);
    QVERIFY(!gate.isStepping());
    QCOMPARE(driver.progress().state, State::Replayed);
    QCOMPARE(gate.schedule().size(), 1);
    QVERIFY(gate.schedule().leftStepMode());
}

namespace {

QStringList parkedNames(Runner &runner)
{
    const Trace trace = runner.liveSnapshot();
    QStringList names;
    for (const PendingAction &p : runner.stepGate()->pending())
        names << trace.actor(p.actor).name;
    names.sort();
    return names;
}

// The program's events: a StepWait says a thread parked, which the script checks apart.
int programEvents(const Trace &trace)
{
    const auto &events = trace.events();
    return int(std::count_if(events.begin(), events.end(),
                             [](const Event &e) { return e.kind != EventKind::StepWait; }));
}

QStringList eventOrder(const Trace &trace)
{
    QStringList order;
    for (const Event &e : trace.events()) {
        if (e.kind != EventKind::StepWait) // when a thread parks is the OS scheduler's doing
            order << QStringLiteral("%1 %2 %3")
                         .arg(trace.actor(e.actor).name, QLatin1String(eventKindName(e.kind)),
                              trace.text(e.text));
    }
    return order;
}

} // namespace

void TestReplayDriver::replayReproducesTheRecordedInterleaving()
{
    FunctionScenario scenario(twoThreadsOneLock);
    RunOptions stepped;
    stepped.stepping = true;
    stepped.timeout = std::chrono::seconds(60);
    Runner runner;
    QVERIFY(runner.start(scenario, {}, stepped));
    // Stepped by hand, each step only once the run is still again: B takes the
    // lock though A came first; A waits for it; B's release hands it to A.
    // (Who is parked, and how many events there are, once nothing can move.)
    struct HandStep
    {
        QString lane;
        QStringList parkedAfter;
        int eventsAfter;
    };
    const QList<HandStep> script = {
        {"MainThread", {"A", "MainThread"}, 3}, // start A
        {"MainThread", {"A", "B", "MainThread"}, 5}, // start B
        {"B", {"A", "B", "MainThread"}, 6}, // B acquires
        {"A", {"B", "MainThread"}, 7}, // A waits
        {"B", {"A", "B", "MainThread"}, 10}, // B inside, releases; A acquires
        {"B", {"A", "MainThread"}, 12}, // B done, ends
        {"A", {"A", "MainThread"}, 14}, // A inside, releases
        {"A", {"MainThread"}, 16}, // A done, ends
        {"MainThread", {"MainThread"}, 18}, // join A
        {"MainThread", {}, 21}, // join B, main ends
    };
    QTRY_COMPARE(parkedNames(runner), QStringList({"MainThread"}));
    for (const HandStep &step : script) {
        QVERIFY(runner.stepGate()->release(runner.liveSnapshot().findActor(step.lane)));
        QTRY_COMPARE(programEvents(runner.liveSnapshot()), step.eventsAfter);
        QTRY_COMPARE(parkedNames(runner), step.parkedAfter);
    }
    QVERIFY(runner.waitForFinished(std::chrono::seconds(30)));
    const Trace recorded = runner.result();
    QCOMPARE(recorded.outcome().status, Outcome::Status::Completed);
    QCOMPARE(recorded.schedule().size(), script.size());

    RunOptions replay = stepped;
    replay.replay = recorded.schedule();
    Runner again;
    QVERIFY(again.start(scenario, {}, replay));
    QVERIFY(again.waitForFinished(std::chrono::seconds(30)));
    const Trace replayed = again.result();
    QVERIFY2(again.replayDriver()->divergence().isEmpty(),
             qPrintable(again.replayDriver()->divergence()));
    QCOMPARE(again.replayDriver()->progress(),
             (ReplayProgress {State::Replayed, script.size(), script.size(), true}));
    QCOMPARE(eventOrder(replayed), eventOrder(recorded));
}

QTEST_GUILESS_MAIN(TestReplayDriver)
#include "tst_replaydriver.moc"
