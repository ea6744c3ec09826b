// SPDX-License-Identifier: MIT
#include "runsession.h"

#include "core/recorder.h"
#include "core/runner.h"
#include "core/scenario.h"
#include "livesnapshottaker.h"

#include <chrono>

namespace weft::ui {

namespace {
constexpr int kDefaultPollMs = 100;
} // namespace

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_runner(new Runner(this))
    // Runner::liveSnapshot() takes the runner's lock: safe from the taker's
    // thread. The latest events wait a poll, so that a large run's snapshots
    // append (a late one merged in among them would have its model derived anew).
    , m_snapshots(new LiveSnapshotTaker(
          [runner = m_runner] { return runner->liveSnapshot(Recorder::kLiveHoldBackNs); }, this))
{
    m_poll.setInterval(kDefaultPollMs);
    connect(&m_poll, &QTimer::timeout, this, &RunSession::poll);
    // Runner emits from its supervisor thread; the queued connection brings
    // the notification to the GUI thread.
    connect(m_runner, &Runner::finished, this, &RunSession::onRunnerFinished, Qt::QueuedConnection);
    connect(m_snapshots, &LiveSnapshotTaker::taken, this, [this](const Trace &live) {
        if (!m_poll.isActive())
            return; // the run has ended: its final trace replaced the live one
        adoptSnapshot(live);
        emitLive();
    });
}

RunSession::~RunSession()
{
    m_runner->cancel();
    m_runner->waitForFinished();
    delete m_snapshots; // waits for a snapshot being taken, while the runner still exists
}

bool RunSession::start(const Scenario &scenario, const ParameterValues &parameters, bool stepping,
                       const Schedule *replay)
{
    if (m_runner->isRunning())
        return false;
    RunOptions options;
    options.stepping = stepping || replay;
    if (replay)
        options.replay = *replay;
    if (!m_runner->start(scenario, parameters, options))
        return false;
    m_scenario = &scenario;
    m_snapshots->discard(); // one of the previous run, if still being taken
    m_lastEventCount = 0;
    m_lastLive = Trace();
    m_lastPending.clear();
    m_divergenceReported = false;
    m_lastProgress.reset();
    m_poll.start();
    Q_EMIT started();
    if (replay) {
        // Where every replay starts, stated before the driver may have moved on.
        m_lastProgress = ReplayProgress {ReplayProgress::State::Replaying, 0, replay->size()};
        Q_EMIT replayProgressChanged(*m_lastProgress);
    }
    return true;
}

void RunSession::cancel()
{
    if (m_runner->isRunning())
        m_runner->cancel();
}

bool RunSession::isRunning() const
{
    return m_runner->isRunning() || m_poll.isActive();
}

qint64 RunSession::elapsedNs() const
{
    return m_runner->elapsedNs();
}

bool RunSession::isStepping() const
{
    StepGate *gate = m_runner->stepGate();
    return gate && m_runner->isRunning() && gate->isStepping();
}

void RunSession::setStepping(bool on)
{
    if (StepGate *gate = m_runner->stepGate(); gate && m_runner->isRunning())
        gate->setStepping(on);
}

QList<PendingAction> RunSession::pendingActions() const
{
    StepGate *gate = m_runner->stepGate();
    return gate && m_runner->isRunning() ? gate->pending() : QList<PendingAction>();
}

bool RunSession::stepActor(quint32 actor)
{
    StepGate *gate = m_runner->stepGate();
    return gate && m_runner->isRunning() && gate->release(actor);
}

bool RunSession::stepAny()
{
    StepGate *gate = m_runner->stepGate();
    return gate && m_runner->isRunning() && gate->releaseAny();
}

void RunSession::runUntil(EventKind kind)
{
    if (StepGate *gate = m_runner->stepGate(); gate && m_runner->isRunning())
        gate->runUntil(kind);
}

bool RunSession::isReplaying() const
{
    ReplayDriver *driver = m_runner->replayDriver();
    return driver && m_runner->isRunning() && driver->isReplaying();
}

void RunSession::reportDivergence()
{
    if (m_divergenceReported)
        return;
    ReplayDriver *driver = m_runner->replayDriver();
    const QString reason = driver ? driver->divergence() : QString();
    if (reason.isEmpty())
        return;
    m_divergenceReported = true;
    Q_EMIT replayDiverged(reason);
}

void RunSession::reportReplayProgress()
{
    const ReplayDriver *driver = m_runner->replayDriver();
    if (!driver)
        return;
    const ReplayProgress progress = driver->progress();
    if (progress == m_lastProgress)
        return;
    m_lastProgress = progress;
    Q_EMIT replayProgressChanged(progress);
}

void RunSession::poll()
{
    reportDivergence();
    reportReplayProgress();
    Q_EMIT elapsedChanged(m_runner->elapsedNs());
    if (m_lastEventCount < m_backgroundFrom)
        adoptSnapshot(m_runner->liveSnapshot());
    else
        m_snapshots->request(); // adopted and sent when taken
    emitLive();
    const QList<PendingAction> pending = pendingActions();
    QList<quint64> arrivals;
    arrivals.reserve(pending.size());
    for (const PendingAction &action : pending)
        arrivals.append(action.arrival);
    if (arrivals != m_lastPending) {
        m_lastPending = arrivals;
        Q_EMIT pendingActionsChanged(pending);
    }
}

void RunSession::adoptSnapshot(const Trace &live)
{
    if (live.events().size() != m_lastEventCount) {
        m_lastEventCount = live.events().size();
        m_lastLive = live;
    }
}

void RunSession::emitLive()
{
    // The snapshot and the clock together: the same snapshot as last time
    // (shared, not copied) when nothing new was recorded. The recorder's clock
    // is CLOCK_MONOTONIC, the same as steady_clock here.
    if (!m_lastLive.isEmpty())
        Q_EMIT liveTraceUpdated(m_lastLive,
                                std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::steady_clock::now().time_since_epoch())
                                    .count());
}

void RunSession::onRunnerFinished()
{
    if (!m_poll.isActive())
        return;
    // The signal may arrive a moment before the supervisor thread has returned.
    m_runner->waitForFinished();
    m_poll.stop();
    m_snapshots->discard();
    reportDivergence();
    reportReplayProgress();
    if (!m_lastPending.isEmpty()) {
        m_lastPending.clear();
        Q_EMIT pendingActionsChanged({});
    }
    Q_EMIT elapsedChanged(m_runner->elapsedNs());
    Q_EMIT finished(m_runner->result());
}

} // namespace weft::ui
