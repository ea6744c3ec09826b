// SPDX-License-Identifier: MIT
#pragma once

#include "parameter.h"
#include "recorder.h"
#include "recorderspill.h"
#include "replaydriver.h"
#include "stepgate.h"
#include "trace.h"

#include <QObject>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace weft {

class RunContext;
class Scenario;

struct RunOptions
{
    std::chrono::milliseconds timeout {0}; // 0: the scenario's default
    bool stepping = false; // start with every thread parked at its gate
    std::size_t maxEvents = Recorder::kDefaultMaxEvents;
    // Grant these recorded steps in order (the run starts in step mode; a
    // ReplayDriver grants them).
    std::optional<Schedule> replay;
    // Write the events to this .weft stream as the run goes (RecorderSpill)
    // rather than keeping them all: the result then has no events. A run
    // whose trace is a child program's (RunContext::programTrace()) is not
    // spilled: spilled() says which. Must outlive the run.
    QIODevice *spillTo = nullptr;
};

// Runs one scenario at a time off the calling thread.
//
// The scenario's main() runs on a traced "MainThread" lane; a supervisor
// thread enforces the timeout and, when the run ends for any reason, waits
// until every thread the scenario started has finished before the result is
// published. Events can be pulled while it runs (liveSnapshot()).
class Runner : public QObject
{
    Q_OBJECT
public:
    explicit Runner(QObject *parent = nullptr);
    ~Runner() override;

    // False if a run is already in progress.
    bool start(const Scenario &scenario, const ParameterValues &parameters,
               const RunOptions &options = {});
    void cancel();
    bool isRunning() const;
    bool waitForFinished(std::chrono::milliseconds timeout = std::chrono::hours(1));

    // Everything recorded so far in the current (or last) run; but for the
    // events stamped within `holdBackNs` of now, which a later call gives
    // (Recorder::liveSnapshot: a poll whose snapshots should only append).
    Trace liveSnapshot(qint64 holdBackNs = 0) const;
    // The finished run's trace, with its metadata and outcome.
    Trace result() const;
    StepGate *stepGate();
    // The current (or last) run's replay; nullptr if it replays no schedule.
    ReplayDriver *replayDriver();
    qint64 elapsedNs() const;
    // Whether the finished run's events went to RunOptions::spillTo (complete,
    // unless spillError() says why not), and how many.
    bool spilled() const;
    quint64 spilledEvents() const;
    QString spillError() const;

    // Runs to completion on the calling thread's behalf (CLI, tests).
    static Trace run(const Scenario &scenario, const ParameterValues &parameters,
                     const RunOptions &options = {});

Q_SIGNALS:
    void finished();

private:
    void supervise(const Scenario &scenario, const RunOptions &options);
    void joinSupervisor();

    mutable std::mutex m_mutex;
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<RecorderSpill> m_spill; // refers to m_recorder
    std::unique_ptr<StepGate> m_gate;
    std::unique_ptr<ReplayDriver> m_replay; // refers to m_gate
    std::unique_ptr<RunContext> m_context; // refers to all three
    std::thread m_supervisor;
    std::atomic<bool> m_running {false};
    std::atomic<bool> m_cancelRequested {false};
    std::atomic<qint64> m_startNs {0};
    std::atomic<qint64> m_endNs {0};
    ParameterValues m_parameters;
    Trace m_result;
    bool m_spilled = false;
    quint64 m_spilledEvents = 0;
    QString m_spillError;
};

} // namespace weft
