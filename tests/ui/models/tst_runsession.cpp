// SPDX-License-Identifier: MIT
// RunSession's live-stepping API as the step panel uses it: run until a kind,
// replay a recorded schedule, and hear about a replay that went apart.
#include "core/mutex.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"
#include "ui/models/runsession.h"

#include <QSignalSpy>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using namespace weft::testsupport;

class TestRunSession : public QObject
{
    Q_OBJECT
private slots:
    void runUntilParksAtTheKind();
    void replayOfTheFinishedTraceReproducesIt();
    void divergedReplayIsSignalled();
    void oneLiveUpdatePerPoll();
    void snapshotsFromTheThresholdAreTakenInTheBackground();
};

namespace {
void worker(RunContext &)
{
    Mutex lock(QStringLiteral("L"));
    Thread w(QStringLiteral("W"), [&] {
        print(QStringLiteral("before"));
        lock.lock();
        lock.unlock();
    });
    w.start();
    w.join();
}
} // namespace

void TestRunSession::oneLiveUpdatePerPoll()
{
    // Each poll sends the snapshot and "now" in one signal (the window derives
    // its model once from it); while a parked run records nothing new, the
    // snapshot is the same payload again, so only "now" moves.
    FunctionScenario scenario(worker);
    RunSession session;
    session.setPollInterval(5);
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(scenario, {}, true));
    QTRY_COMPARE(session.pendingActions().size(), 1);
    QSignalSpy polls(&session, &RunSession::elapsedChanged);
    QSignalSpy live(&session, &RunSession::liveTraceUpdated);
    QTRY_VERIFY(polls.count() >= 6);
    QCOMPARE(live.count(), polls.count());
    const Trace first = live.first().at(0).value<Trace>();
    QVERIFY(!first.isEmpty());
    qint64 lastNow = 0;
    for (const QList<QVariant> &update : live) {
        const Trace trace = update.at(0).value<Trace>();
        const qint64 now = update.at(1).toLongLong();
        QVERIFY(trace.sharesDataWith(first));
        QVERIFY(now >= trace.endNs());
        QVERIFY(now > lastNow);
        lastNow = now;
    }
    session.setStepping(false);
    QVERIFY(finished.wait(30000));
}

void TestRunSession::runUntilParksAtTheKind()
{
    FunctionScenario scenario(worker);
    RunSession session;
    session.setPollInterval(5);
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(scenario, {}, true));
    QTRY_COMPARE(session.pendingActions().size(), 1);
    session.runUntil(EventKind::LockAcquired);
    QTRY_VERIFY([&] {
        for (const PendingAction &p : session.pendingActions()) {
            if (p.kind == EventKind::LockAcquired)
                return true;
        }
        return false;
    }());
    QVERIFY(session.isStepping());
    QVERIFY(!session.isReplaying());
    session.setStepping(false);
    QVERIFY(finished.wait(30000));
    const Trace trace = finished.first().first().value<Trace>();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(trace.schedule().leftStepMode());
    QVERIFY(trace.schedule().size() >= 2); // start W, print (and main's join if it parked)
}

void TestRunSession::replayOfTheFinishedTraceReproducesIt()
{
    FunctionScenario scenario(worker);
    RunSession session;
    session.setPollInterval(5);
    QSignalSpy finished(&session, &RunSession::finished);
    QSignalSpy diverged(&session, &RunSession::replayDiverged);
    QVERIFY(session.start(scenario, {}, true));
    for (int steps = 0; steps < 4; ++steps) {
        // A granted thread stays listed until it wakes; step once someone new waits.
        bool stepped = false;
        for (int t = 0; t < 4000 && !(stepped = session.stepAny()); ++t)
            QTest::qWait(5);
        QVERIFY(stepped);
    }
    QVERIFY(finished.wait(30000));
    const Trace first = finished.takeFirst().first().value<Trace>();
    QCOMPARE(first.schedule().size(), 4); // start W, join W, print, acquire L

    // What the "Replay schedule" button does.
    QSignalSpy progress(&session, &RunSession::replayProgressChanged);
    QVERIFY(session.start(scenario, {}, true, &first.schedule()));
    QVERIFY(session.isReplaying() || !finished.isEmpty());
    QVERIFY(finished.wait(30000));
    const Trace second = finished.takeFirst().first().value<Trace>();
    QCOMPARE(second.outcome().status, Outcome::Status::Completed);
    QCOMPARE(second.schedule().size(), 4);
    QVERIFY(diverged.isEmpty());
    // The driver's own count, from the start to the end of the run.
    using State = ReplayProgress::State;
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.first().first().value<ReplayProgress>(),
             (ReplayProgress {State::Replaying, 0, 4, false}));
    QCOMPARE(progress.last().first().value<ReplayProgress>(),
             (ReplayProgress {State::Replayed, 4, 4, true}));
}

void TestRunSession::divergedReplayIsSignalled()
{
    FunctionScenario scenario(worker);
    Schedule wrong;
    wrong.append({1, EventKind::CondNotify, 0});
    RunSession session;
    session.setPollInterval(5);
    QSignalSpy diverged(&session, &RunSession::replayDiverged);
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(scenario, {}, false, &wrong)); // a replay starts stepped anyway
    QVERIFY(diverged.wait(30000));
    QVERIFY(diverged.first().first().toString().contains(QLatin1String("cond_notify")));
    QVERIFY(session.isStepping());
    QVERIFY(!session.isReplaying());
    session.setStepping(false);
    QVERIFY(finished.wait(30000));
    QCOMPARE(diverged.size(), 1); // said once
}

void TestRunSession::snapshotsFromTheThresholdAreTakenInTheBackground()
{
    // From the threshold on, a poll leaves the snapshot to LiveSnapshotTaker
    // and sends the one it had; the new one is sent when it arrives. At 0
    // every snapshot is taken so: the run is only seen through the taker.
    FunctionScenario scenario(worker);
    RunSession session;
    session.setPollInterval(5);
    session.setBackgroundSnapshotFrom(0);
    QSignalSpy live(&session, &RunSession::liveTraceUpdated);
    QSignalSpy finished(&session, &RunSession::finished);
    QVERIFY(session.start(scenario, {}, true));
    QTRY_COMPARE(session.pendingActions().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!live.isEmpty(), 30000);
    const Trace parked = live.last().at(0).value<Trace>();
    QVERIFY(!parked.isEmpty());
    QCOMPARE(parked.actor(parked.events().back().actor).isMainThread, true);
    session.setStepping(false);
    QVERIFY(finished.wait(30000));
    const Trace final = finished.first().at(0).value<Trace>();
    QVERIFY(final.events().size() > parked.events().size());
}

QTEST_MAIN(TestRunSession)
#include "tst_runsession.moc"
