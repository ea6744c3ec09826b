// SPDX-License-Identifier: MIT
#include "runner.h"

#include "clock.h"
#include "runcontext.h"
#include "scenario.h"
#include "thread.h"

#include <QCoreApplication>

namespace weft {

namespace {
constexpr auto kPollInterval = std::chrono::milliseconds(5);
} // namespace

Runner::Runner(QObject *parent)
    : QObject(parent)
{
}

Runner::~Runner()
{
    cancel();
    joinSupervisor();
}

bool Runner::start(const Scenario &scenario, const ParameterValues &parameters,
                   const RunOptions &givenOptions)
{
    if (m_running.load())
        return false;
    RunOptions options = givenOptions;
    joinSupervisor();
    {
        std::lock_guard lock(m_mutex);
        // The last run's parts go in the reverse order of who refers to whom.
        m_spill.reset();
        m_context.reset();
        m_replay.reset();
        m_recorder = std::make_unique<Recorder>(options.maxEvents);
        if (options.spillTo)
            m_spill = std::make_unique<RecorderSpill>(*m_recorder, options.spillTo);
        m_gate = std::make_unique<StepGate>();
        m_gate->setStepping(options.stepping || options.replay);
        if (options.replay) {
            m_replay = std::make_unique<ReplayDriver>(*m_gate, *options.replay);
            m_replay->start();
        }
        m_context = std::make_unique<RunContext>(*m_recorder, *m_gate, parameters, m_replay.get());
        m_parameters = parameters;
        m_result = Trace();
        m_spilled = false;
        m_spilledEvents = 0;
        m_spillError.clear();
        if (m_spill) {
            TraceMetadata metadata;
            metadata.scenarioId = scenario.id();
            metadata.title = scenario.title();
            metadata.parameters = parameters.toText();
            m_spill->start(metadata);
        }
    }
    m_cancelRequested.store(false);
    m_running.store(true);
    m_startNs.store(monotonicNowNs());
    m_endNs.store(0);
    m_supervisor = std::thread([this, &scenario, options] { supervise(scenario, options); });
    return true;
}

void Runner::supervise(const Scenario &scenario, const RunOptions &options)
{
    RunContext &context = *m_context;
    const auto timeout = options.timeout.count() > 0
        ? options.timeout
        : scenario.defaultTimeout(context.parameters());
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    {
        Thread mainThread(QStringLiteral("MainThread"),
                          [&scenario, &context] { scenario.run(context); });
        mainThread.startIn(context, true);
        ReplayDriver *replay = m_replay.get();
        bool divergenceRecorded = false;
        // In the trace too, so a saved run shows where its replay went apart.
        auto recordDivergence = [&] {
            if (divergenceRecorded || !replay || replay->isReplaying())
                return;
            divergenceRecorded = true;
            const QString reason = replay->divergence();
            if (!reason.isEmpty())
                m_recorder->record(EventKind::Error, mainThread.actor(), 0, 0,
                                   m_recorder->intern(reason), 0, Abnormal);
        };
        while (!context.waitForThreads(kPollInterval)) {
            recordDivergence();
            if (m_cancelRequested.load())
                context.cancel(Outcome::Status::Cancelled);
            else if (std::chrono::steady_clock::now() >= deadline)
                context.cancel(Outcome::Status::TimedOut);
        }

        if (replay)
            replay->runEnded();
        recordDivergence();

        Outcome outcome = context.outcome();
        if (context.isCancelled()) {
            outcome.status = context.cancelReason();
            // A detected deadlock has already stated its cycle in the summary; keep it.
            if (outcome.status != Outcome::Status::Deadlocked)
                outcome.summary = outcome.status == Outcome::Status::TimedOut
                    ? tr("Timed out after %1 ms; every thread was stopped.").arg(timeout.count())
                    : tr("Cancelled; every thread was stopped.");
        } else if (!mainThread.errorMessage().isEmpty()) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = tr("The scenario failed: %1").arg(mainThread.errorMessage());
        } else if (outcome.status == Outcome::Status::NotRun) {
            outcome.status = Outcome::Status::Completed;
        }

        TraceMetadata metadata;
        metadata.scenarioId = scenario.id();
        metadata.title = scenario.title();
        metadata.parameters = context.parameters().toText();
        metadata.outcome = outcome;
        const std::optional<Trace> program = context.programTrace();
        const Schedule schedule = m_gate->schedule();
        Trace trace;
        bool spilled = false;
        if (program) {
            if (m_spill)
                m_spill->stop(); // the program's trace is the run's: saved whole
            trace = program->withMetadata(metadata);
        } else if (m_spill) {
            trace = m_spill->finish(metadata, schedule.wasStepped() ? schedule : Schedule());
            spilled = true;
        } else {
            trace = m_recorder->snapshot(metadata);
        }
        if (schedule.wasStepped())
            trace = trace.withSchedule(schedule);
        std::lock_guard lock(m_mutex);
        m_result = trace;
        m_spilled = spilled;
        if (m_spill) {
            m_spilledEvents = m_spill->eventsWritten();
            m_spillError = m_spill->errorString();
        }
    } // mainThread joined here
    m_endNs.store(monotonicNowNs());
    m_running.store(false);
    Q_EMIT finished();
}

void Runner::cancel()
{
    m_cancelRequested.store(true);
    std::lock_guard lock(m_mutex);
    if (m_context && m_running.load())
        m_context->cancel(Outcome::Status::Cancelled);
}

bool Runner::isRunning() const
{
    return m_running.load();
}

bool Runner::waitForFinished(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_running.load()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    joinSupervisor();
    return true;
}

void Runner::joinSupervisor()
{
    if (m_supervisor.joinable() && m_supervisor.get_id() != std::this_thread::get_id())
        m_supervisor.join();
}

Trace Runner::liveSnapshot(qint64 holdBackNs) const
{
    std::lock_guard lock(m_mutex);
    if (m_context)
        if (std::optional<Trace> program = m_context->programTrace())
            return *program;
    return m_recorder ? m_recorder->liveSnapshot(holdBackNs) : Trace();
}

Trace Runner::result() const
{
    std::lock_guard lock(m_mutex);
    return m_result;
}

bool Runner::spilled() const
{
    std::lock_guard lock(m_mutex);
    return m_spilled;
}

quint64 Runner::spilledEvents() const
{
    std::lock_guard lock(m_mutex);
    return m_spilledEvents;
}

QString Runner::spillError() const
{
    std::lock_guard lock(m_mutex);
    return m_spillError;
}

StepGate *Runner::stepGate()
{
    std::lock_guard lock(m_mutex);
    return m_gate.get();
}

ReplayDriver *Runner::replayDriver()
{
    std::lock_guard lock(m_mutex);
    return m_replay.get();
}

qint64 Runner::elapsedNs() const
{
    const qint64 start = m_startNs.load();
    if (start == 0)
        return 0;
    const qint64 end = m_endNs.load();
    return (end ? end : monotonicNowNs()) - start;
}

Trace Runner::run(const Scenario &scenario, const ParameterValues &parameters,
                  const RunOptions &options)
{
    Runner runner;
    runner.start(scenario, parameters, options);
    runner.waitForFinished();
    return runner.result();
}

} // namespace weft
