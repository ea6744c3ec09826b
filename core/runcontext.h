// SPDX-License-Identifier: MIT
#pragma once

#include "parameter.h"
#include "recorder.h"
#include "replaydriver.h"
#include "stepgate.h"
#include "sync/waitforgraph.h"
#include "trace.h"
#include "tracetypes.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <source_location>

namespace weft {

// Everything a running scenario reaches: its parameters, the recorder, the
// step gate (and the replay driving it, if any), cancellation, and the set of
// threads it started.
//
// Each scenario thread is bound to its context and lane through a thread-local
// binding, so tutorial-style code can call print(), sleepFor() and
// Mutex::lock() without passing the context around.
class RunContext
{
public:
    // `replay`, if given, hears what the run's threads do while it replays a schedule.
    RunContext(Recorder &recorder, StepGate &gate, ParameterValues parameters,
               ReplayDriver *replay = nullptr);
    ~RunContext();
    RunContext(const RunContext &) = delete;
    RunContext &operator=(const RunContext &) = delete;

    // The context and lane of the calling thread; nullptr / 0 outside a run.
    static RunContext *current();
    static quint32 currentActor();
    // The calling thread's context; throws std::logic_error naming `what`
    // (e.g. "weft::Mutex") when the thread is not running a scenario, because
    // every traced primitive records into a run and has nowhere to go outside one.
    static RunContext &require(const char *what);
    // Binds the calling thread to a context and lane (nullptr unbinds).
    static void bindCurrentThread(RunContext *context, quint32 actor);

    Recorder &recorder() { return m_recorder; }
    StepGate &gate() { return m_gate; }
    const ParameterValues &parameters() const { return m_parameters; }
    // Who waits for what in this run; blocking primitives report to it (deadlock detection).
    WaitForGraph &waitGraph() { return m_waitGraph; }
    quint32 process() const { return m_process; }

    // Registers a lane in this run's process.
    quint32 addThreadActor(const QString &name, bool isMainThread = false, bool daemon = false);
    // 1, 2, 3 ... for default thread names ("Thread-1"), counted per run.
    int nextThreadNumber() { return m_threadNumbers.fetch_add(1) + 1; }

    // Cancellation: every blocking primitive waits through waitUntil(), which
    // wakes at once on cancel.
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    void cancel(Outcome::Status reason = Outcome::Status::Cancelled);
    Outcome::Status cancelReason() const;
    void throwIfCancelled() const;
    // Sleeps until the deadline or cancel; throws Cancelled if cancelled.
    void sleepUntil(std::chrono::steady_clock::time_point deadline);

    // Passes the step gate for the calling thread; throws Cancelled if cancelled.
    void passGate(EventKind kind, quint32 object, const QString &description,
                  const std::source_location &location);
    // Records an event on the calling thread's lane with its source site.
    void record(EventKind kind, const std::source_location &location, quint32 object = 0,
                qint64 value = 0, quint32 text = 0, quint8 flags = NoFlags);
    // The same, stamped at `ticks` (a Recorder::ticksNow() taken before the act).
    void recordAt(quint64 ticks, EventKind kind, const std::source_location &location,
                  quint32 object = 0, qint64 value = 0, quint32 text = 0, quint8 flags = NoFlags);

    // What a replay must know and no event says (one relaxed load unless replaying):
    // the calling thread polls for cancellation in a loop with no gate, so it
    // will not stop by itself ...
    void noteBusy();
    // ... or it waits, untraced, until that lane has ended.
    void noteWaitingForEnd(quint32 actor);

    // Live-thread bookkeeping, so the runner can guarantee none outlives the run.
    void threadStarted();
    void threadFinished();
    int liveThreads() const;
    // Waits until no started thread is still running; false on timeout.
    bool waitForThreads(std::chrono::milliseconds timeout);

    // The outcome a scenario states at the end of its run.
    void setOutcome(const Outcome &outcome);
    Outcome outcome() const;

    // A lesson that runs a real program (the Python family) hands over what was
    // recorded of it, again and again while it runs: the run's trace is then
    // the program's, not what this context's recorder holds.
    void setProgramTrace(const Trace &trace);
    std::optional<Trace> programTrace() const;

private:
    bool isTracking() const { return m_replay && m_replay->isTracking(); }

    Recorder &m_recorder;
    StepGate &m_gate;
    ReplayDriver *const m_replay;
    const ParameterValues m_parameters;
    quint32 m_process = 0;

    std::atomic<int> m_threadNumbers {0};
    std::atomic<bool> m_cancelled {false};
    mutable std::mutex m_mutex;
    std::condition_variable m_cancelCv;
    std::condition_variable m_threadsCv;
    Outcome::Status m_cancelReason = Outcome::Status::Cancelled;
    int m_liveThreads = 0;
    Outcome m_outcome;
    std::optional<Trace> m_programTrace;
    WaitForGraph m_waitGraph;
};

} // namespace weft
