// SPDX-License-Identifier: MIT
#include "runcontext.h"

#include "cancelled.h"

#include <QCoreApplication>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace weft {

namespace {
struct Binding
{
    RunContext *context = nullptr;
    quint32 actor = 0;
};
thread_local Binding t_binding;
} // namespace

RunContext::RunContext(Recorder &recorder, StepGate &gate, ParameterValues parameters,
                       ReplayDriver *replay)
    : m_recorder(recorder)
    , m_gate(gate)
    , m_replay(replay)
    , m_parameters(std::move(parameters))
{
    m_process = m_recorder.addProcess({qint64(::getpid()),
                                       QCoreApplication::applicationName().isEmpty()
                                           ? QStringLiteral("weft")
                                           : QCoreApplication::applicationName()});
}

RunContext::~RunContext() = default;

RunContext *RunContext::current()
{
    return t_binding.context;
}
quint32 RunContext::currentActor()
{
    return t_binding.actor;
}

RunContext &RunContext::require(const char *what)
{
    if (!t_binding.context)
        throw std::logic_error(std::string(what)
                               + " used outside a scenario run (no run is bound to this thread)");
    return *t_binding.context;
}

void RunContext::bindCurrentThread(RunContext *context, quint32 actor)
{
    // Unbinding is the last thing a scenario thread does: a replay learns here
    // that the lane will not reach a gate again.
    if (!context && t_binding.context && t_binding.context->isTracking())
        t_binding.context->m_replay->noteActorFinished(t_binding.actor);
    t_binding.context = context;
    t_binding.actor = context ? actor : 0;
}

quint32 RunContext::addThreadActor(const QString &name, bool isMainThread, bool daemon)
{
    ActorInfo info;
    info.name = name;
    info.process = m_process;
    info.isMainThread = isMainThread;
    info.isDaemon = daemon;
    const quint32 actor = m_recorder.addActor(info);
    // A lane is registered before its spawner passes the gate; it counts as
    // running from its ThreadSpawn event on, except the main lane, which nobody spawns.
    if (isMainThread && isTracking())
        m_replay->noteActorCreated(actor);
    return actor;
}

void RunContext::cancel(Outcome::Status reason)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled.load())
            return;
        m_cancelReason = reason;
        m_cancelled.store(true, std::memory_order_release);
    }
    m_gate.cancel();
    m_cancelCv.notify_all();
}

Outcome::Status RunContext::cancelReason() const
{
    std::lock_guard lock(m_mutex);
    return m_cancelReason;
}

void RunContext::throwIfCancelled() const
{
    if (isCancelled())
        throw Cancelled {};
}

void RunContext::sleepUntil(std::chrono::steady_clock::time_point deadline)
{
    std::unique_lock lock(m_mutex);
    m_cancelCv.wait_until(lock, deadline, [this] { return m_cancelled.load(); });
    if (m_cancelled.load())
        throw Cancelled {};
}

void RunContext::passGate(EventKind kind, quint32 object, const QString &description,
                          const std::source_location &location)
{
    if (!m_gate.isStepping()) {
        throwIfCancelled();
        return;
    }
    PendingAction action;
    action.actor = currentActor();
    action.kind = kind;
    action.object = object;
    action.description = description;
    action.site = m_recorder.site(location);
    // The wait is the user's, not the program's: the timeline shows it as
    // "paused by you" until the thread's next event. Recorded past record(),
    // so a replay that waits for the run to settle does not count it as a step.
    m_recorder.recordAt(Recorder::ticksNow(), EventKind::StepWait, action.actor, object,
                        qint64(kind), 0, action.site, NoFlags);
    if (!m_gate.pass(action))
        throw Cancelled {};
}

void RunContext::record(EventKind kind, const std::source_location &location, quint32 object,
                        qint64 value, quint32 text, quint8 flags)
{
    recordAt(Recorder::ticksNow(), kind, location, object, value, text, flags);
}

void RunContext::recordAt(quint64 ticks, EventKind kind, const std::source_location &location,
                          quint32 object, qint64 value, quint32 text, quint8 flags)
{
    m_recorder.recordAt(ticks, kind, currentActor(), object, value, text, m_recorder.site(location),
                        flags);
    // One relaxed load unless a replay needs to know when the run has settled.
    if (isTracking())
        m_replay->noteEvent(currentActor(), kind, object, value);
}

void RunContext::noteBusy()
{
    if (isTracking())
        m_replay->noteBusy(currentActor());
}

void RunContext::noteWaitingForEnd(quint32 actor)
{
    if (isTracking())
        m_replay->noteWaitingForEnd(currentActor(), actor);
}

void RunContext::threadStarted()
{
    std::lock_guard lock(m_mutex);
    ++m_liveThreads;
}

void RunContext::threadFinished()
{
    {
        std::lock_guard lock(m_mutex);
        --m_liveThreads;
    }
    m_threadsCv.notify_all();
}

int RunContext::liveThreads() const
{
    std::lock_guard lock(m_mutex);
    return m_liveThreads;
}

bool RunContext::waitForThreads(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_threadsCv.wait_for(lock, timeout, [this] { return m_liveThreads == 0; });
}

void RunContext::setOutcome(const Outcome &outcome)
{
    std::lock_guard lock(m_mutex);
    m_outcome = outcome;
}

Outcome RunContext::outcome() const
{
    std::lock_guard lock(m_mutex);
    return m_outcome;
}

void RunContext::setProgramTrace(const Trace &trace)
{
    std::lock_guard lock(m_mutex);
    m_programTrace = trace;
}

std::optional<Trace> RunContext::programTrace() const
{
    std::lock_guard lock(m_mutex);
    return m_programTrace;
}

} // namespace weft
