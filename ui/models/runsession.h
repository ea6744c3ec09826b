// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"
#include "core/replaydriver.h"
#include "core/schedule.h"
#include "core/stepgate.h"
#include "core/trace.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace weft {
class Runner;
class Scenario;
} // namespace weft

namespace weft::ui {

class LiveSnapshotTaker;

// One run as the window sees it. The GUI pulls from the Runner on a timer
// (the one road cross-thread data takes to the UI): a live trace while the
// run grows, the pending actions while stepping, a replay's progress, and the
// final trace once the Runner says it has finished. Workers never touch a widget.
class RunSession : public QObject
{
    Q_OBJECT
public:
    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    // False if a run is in progress. With a replay schedule the run starts in
    // step mode and a ReplayDriver grants the recorded steps in order; then
    // the user takes over (or the run goes free if the original left step mode).
    bool start(const Scenario &scenario, const ParameterValues &parameters, bool stepping = false,
               const Schedule *replay = nullptr);
    void cancel();
    bool isRunning() const;
    const Scenario *scenario() const { return m_scenario; }
    qint64 elapsedNs() const;

    // Live stepping (the user as scheduler); no-ops when no run is stepping.
    bool isStepping() const;
    void setStepping(bool on);
    QList<PendingAction> pendingActions() const;
    bool stepActor(quint32 actor);
    bool stepAny();
    // Lets every thread through (recorded) until one is about to do an action
    // of this kind; it parks there and stepping continues as usual.
    void runUntil(weft::EventKind kind);
    // True while a replayed schedule's steps are still being granted.
    bool isReplaying() const;

    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    // From a live snapshot of this many events on, the next ones are taken on
    // a thread of their own (LiveSnapshotTaker): below it a snapshot costs the
    // window less than handing it over does, and a step's effect shows at once.
    void setBackgroundSnapshotFrom(std::size_t events) { m_backgroundFrom = events; }
    static constexpr std::size_t kBackgroundSnapshotFrom = 100'000;

Q_SIGNALS:
    void started();
    // Every poll while events have been recorded: the latest snapshot (the
    // previous one again, same payload, when nothing is new) and "now"; and
    // once more when a snapshot taken in the background arrives.
    void liveTraceUpdated(const weft::Trace &trace, qint64 nowNs);
    void pendingActionsChanged(const QList<weft::PendingAction> &actions);
    void elapsedChanged(qint64 ns);
    void finished(const weft::Trace &trace);
    // A replay's progress as its driver states it: at the start, on every
    // change while the run goes, and once more when the run has ended.
    void replayProgressChanged(const weft::ReplayProgress &progress);
    // A replay stopped following its schedule (a scheduled actor never came,
    // or came to do something else); the run stays in step mode.
    void replayDiverged(const QString &reason);

private:
    void poll();
    void adoptSnapshot(const Trace &live);
    void emitLive();
    void reportDivergence();
    void reportReplayProgress();
    void onRunnerFinished();

    Runner *m_runner;
    LiveSnapshotTaker *m_snapshots;
    std::size_t m_backgroundFrom = kBackgroundSnapshotFrom;
    QTimer m_poll;
    const Scenario *m_scenario = nullptr;
    std::size_t m_lastEventCount = 0;
    Trace m_lastLive;
    QList<quint64> m_lastPending; // arrival numbers, to notice a change cheaply
    bool m_divergenceReported = false;
    std::optional<ReplayProgress> m_lastProgress; // set while the run replays a schedule
};

} // namespace weft::ui
