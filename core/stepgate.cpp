// SPDX-License-Identifier: MIT
#include "stepgate.h"

#include <QCoreApplication>
#include <algorithm>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::StepGate)
};

// A replay grants the next step once no tracked thread is running and nothing
// was recorded for kQuiet: the quiet window covers a waiter that was just woken
// but has not yet said so. A thread that runs untraced code (a spin, a long
// computation) is given up on after kStall, so a replay never hangs on it.
constexpr auto kQuiet = std::chrono::milliseconds(2);
constexpr auto kStall = std::chrono::milliseconds(300);
// How long a settled run may go without the scheduled actor arriving before the
// replay is declared diverged: longer while someone sleeps or waits for I/O,
// because they wake by themselves.
constexpr auto kPatience = std::chrono::milliseconds(400);
constexpr auto kPatienceSelfWaking = std::chrono::seconds(5);
} // namespace

void StepGate::setStepping(bool on)
{
    {
        std::lock_guard lock(m_mutex);
        if (on) {
            m_everStepped = true;
            m_recorded.setLeftStepMode(false);
        } else if (m_stepping.load(std::memory_order_relaxed) && m_everStepped) {
            // Leaving step mode ends everything that depends on it.
            m_recorded.setLeftStepMode(true);
            m_runningUntil = false;
            m_replaying = false;
            m_tracking.store(false, std::memory_order_relaxed);
        }
        m_stepping.store(on, std::memory_order_relaxed);
    }
    m_cv.notify_all();
}

bool StepGate::passSlow(const PendingAction &action)
{
    {
        std::unique_lock lock(m_mutex);
        if (m_runningUntil && !m_cancelled.load()) {
            if (action.kind != m_untilKind) {
                // Passes without parking, but is part of the schedule like a user step.
                recordLocked(action.actor, action.kind, action.site);
                return true;
            }
            m_runningUntil = false;
        }
        PendingAction entry = action;
        entry.arrival = ++m_arrivals;
        m_pending.append(entry);
        if (m_tracking.load(std::memory_order_relaxed))
            setActorStateLocked(action.actor, ActorState::Parked);
    }

    bool proceed = false;
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] {
            return m_cancelled.load() || !m_stepping.load() || m_granted.contains(action.actor);
        });
        m_granted.removeOne(action.actor);
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            if (m_pending[i].actor == action.actor) {
                m_pending.removeAt(i);
                break;
            }
        }
        if (m_tracking.load(std::memory_order_relaxed))
            setActorStateLocked(action.actor, ActorState::Running);
        proceed = !m_cancelled.load();
    }
    return proceed;
}

void StepGate::recordLocked(quint32 actor, EventKind kind, quint16 site)
{
    m_recorded.append({actor, kind, site});
}

void StepGate::grantLocked(const PendingAction &action)
{
    m_granted.append(action.actor);
    recordLocked(action.actor, action.kind, action.site);
    if (m_tracking.load(std::memory_order_relaxed))
        setActorStateLocked(action.actor, ActorState::Running);
    m_lastActivity = Clock::now();
}

QList<PendingAction> StepGate::pending() const
{
    // A granted thread is on its way, not waiting for anyone, even before it has
    // woken and left the list: listing it let a caller see "someone waits" and,
    // a moment later, nobody (the stepped socket.server test stalled that way).
    std::lock_guard lock(m_mutex);
    QList<PendingAction> waiting;
    waiting.reserve(m_pending.size());
    for (const PendingAction &p : m_pending) {
        if (!m_granted.contains(p.actor))
            waiting.append(p);
    }
    return waiting;
}

bool StepGate::release(quint32 actor)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_granted.contains(actor))
            return false;
        const PendingAction *waiting = nullptr;
        for (const auto &p : m_pending) {
            if (p.actor == actor)
                waiting = &p;
        }
        if (!waiting)
            return false;
        grantLocked(*waiting);
    }
    m_cv.notify_all();
    return true;
}

bool StepGate::releaseAny()
{
    quint32 actor = 0;
    {
        std::lock_guard lock(m_mutex);
        quint64 earliest = ~quint64(0);
        for (const auto &p : m_pending) {
            if (!m_granted.contains(p.actor) && p.arrival < earliest) {
                earliest = p.arrival;
                actor = p.actor;
            }
        }
    }
    return actor != 0 && release(actor);
}

void StepGate::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled.store(true);
        m_runningUntil = false;
    }
    m_cv.notify_all();
}

void StepGate::runUntil(EventKind kind)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stepping.load() || m_cancelled.load())
            return;
        for (const auto &p : m_pending) {
            if (p.kind == kind && !m_granted.contains(p.actor))
                return; // already there: the first action of that kind is parked
        }
        m_runningUntil = true;
        m_untilKind = kind;
        // Everyone parked now goes, in arrival order, as "step any" would send them.
        QList<PendingAction> parked;
        for (const auto &p : m_pending) {
            if (!m_granted.contains(p.actor))
                parked.append(p);
        }
        std::sort(parked.begin(), parked.end(),
                  [](const auto &a, const auto &b) { return a.arrival < b.arrival; });
        for (const auto &p : parked)
            grantLocked(p);
    }
    m_cv.notify_all();
}

bool StepGate::isRunningUntil() const
{
    std::lock_guard lock(m_mutex);
    return m_runningUntil;
}

Schedule StepGate::schedule() const
{
    std::lock_guard lock(m_mutex);
    return m_recorded;
}

void StepGate::setReplay(const Schedule &schedule)
{
    {
        std::lock_guard lock(m_mutex);
        m_replay = schedule;
        m_replayCursor = 0;
        m_divergence.clear();
        m_replaying = true;
        m_actors.clear();
        m_lastActivity = Clock::now();
        m_tracking.store(true, std::memory_order_relaxed);
    }
    setStepping(true);
}

bool StepGate::isReplaying() const
{
    std::lock_guard lock(m_mutex);
    return m_replaying;
}

QString StepGate::divergence() const
{
    std::lock_guard lock(m_mutex);
    return m_divergence;
}

void StepGate::driveReplay()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_replaying || m_cancelled.load())
            return;
        if (m_replayCursor >= m_replay.size()) {
            finishReplayLocked();
        } else {
            const ScheduleStep &step = m_replay.at(m_replayCursor);
            const PendingAction *parked = nullptr;
            for (const auto &p : m_pending) {
                if (p.actor == step.actor && !m_granted.contains(p.actor))
                    parked = &p;
            }
            const auto now = Clock::now();
            if (parked && parked->kind != step.kind) {
                // A parked thread's next action cannot change: the runs went apart.
                divergeLocked(Tr::tr("Replay diverged at step %1 of %2: actor %3 came to do %4, "
                                     "the schedule expected %5.")
                                  .arg(m_replayCursor + 1)
                                  .arg(m_replay.size())
                                  .arg(step.actor)
                                  .arg(QLatin1String(eventKindName(parked->kind)),
                                       QLatin1String(eventKindName(step.kind))));
                return;
            }
            if (!settledLocked(now))
                return;
            if (parked) {
                grantLocked(*parked);
                ++m_replayCursor;
            } else {
                // Someone still running (settled only by the stall rule) or sleeping may
                // yet bring the scheduled actor: give them longer.
                bool mayMove = false;
                for (const Tracked &t : std::as_const(m_actors))
                    mayMove = mayMove
                        || (t.state != ActorState::Parked && t.state != ActorState::Blocked
                            && t.state != ActorState::Finished);
                const auto patience = mayMove ? std::chrono::milliseconds(kPatienceSelfWaking)
                                              : std::chrono::milliseconds(kPatience);
                if (now - m_lastActivity < patience)
                    return;
                divergeLocked(Tr::tr("Replay diverged at step %1 of %2: actor %3 never reached its "
                                     "gate.")
                                  .arg(m_replayCursor + 1)
                                  .arg(m_replay.size())
                                  .arg(step.actor));
                return;
            }
        }
    }
    m_cv.notify_all();
}

void StepGate::endReplay()
{
    std::lock_guard lock(m_mutex);
    if (!m_replaying || m_cancelled.load())
        return;
    if (m_replayCursor >= m_replay.size()) {
        finishReplayLocked();
        return;
    }
    divergeLocked(Tr::tr("Replay diverged: the run ended after step %1 of %2.")
                      .arg(m_replayCursor)
                      .arg(m_replay.size()));
}

void StepGate::finishReplayLocked()
{
    m_replaying = false;
    m_tracking.store(false, std::memory_order_relaxed);
    if (m_replay.leftStepMode()) {
        // The original run went free here; so does the replay.
        m_recorded.setLeftStepMode(true);
        m_stepping.store(false, std::memory_order_relaxed);
    }
}

void StepGate::divergeLocked(const QString &reason)
{
    m_divergence = reason;
    m_replaying = false;
    m_tracking.store(false, std::memory_order_relaxed);
}

bool StepGate::settledLocked(Clock::time_point now) const
{
    const auto quiet = now - m_lastActivity;
    if (quiet >= kStall)
        return true;
    for (const Tracked &t : m_actors) {
        if (t.state == ActorState::Running || t.state == ActorState::Waking)
            return false;
    }
    return quiet >= kQuiet;
}

void StepGate::setActorStateLocked(quint32 actor, ActorState state)
{
    Tracked &t = m_actors[actor];
    t.state = state;
    if (state != ActorState::Blocked && state != ActorState::SelfWaking)
        t.waitKind = EventKind::None;
    m_lastActivity = Clock::now();
}

void StepGate::noteActorCreated(quint32 actor)
{
    std::lock_guard lock(m_mutex);
    if (m_tracking.load(std::memory_order_relaxed))
        setActorStateLocked(actor, ActorState::Running);
}

void StepGate::noteActorFinished(quint32 actor)
{
    std::lock_guard lock(m_mutex);
    if (!m_tracking.load(std::memory_order_relaxed))
        return;
    setActorStateLocked(actor, ActorState::Finished);
    for (Tracked &t : m_actors) {
        if (t.state == ActorState::Blocked && t.waitKind == EventKind::JoinWait
            && t.waitValue == qint64(actor))
            t.state = ActorState::Waking;
    }
}

void StepGate::noteEvent(quint32 actor, EventKind kind, quint32 object, qint64 value)
{
    std::lock_guard lock(m_mutex);
    if (!m_tracking.load(std::memory_order_relaxed))
        return;
    auto block = [&](ActorState state) {
        setActorStateLocked(actor, state);
        Tracked &t = m_actors[actor];
        t.waitKind = kind;
        t.waitObject = object;
        t.waitValue = value;
    };
    // Wakes the waiters of one object; the one that wins says so with its own event.
    auto wake = [&](EventKind waitKind) {
        for (Tracked &t : m_actors) {
            if (t.state == ActorState::Blocked && t.waitKind == waitKind && t.waitObject == object)
                t.state = ActorState::Waking;
        }
    };
    switch (kind) {
    case EventKind::LockWait:
    case EventKind::CondWait:
    case EventKind::JoinWait:
        block(ActorState::Blocked);
        break;
    case EventKind::SleepBegin:
    case EventKind::IoWaitBegin:
        block(ActorState::SelfWaking);
        break;
    case EventKind::LockReleased:
        wake(EventKind::LockWait);
        m_lastActivity = Clock::now();
        break;
    case EventKind::CondNotify:
        wake(EventKind::CondWait);
        m_lastActivity = Clock::now();
        break;
    case EventKind::ThreadSpawn:
        setActorStateLocked(actor, ActorState::Running);
        setActorStateLocked(quint32(value), ActorState::Running);
        break;
    case EventKind::LockAcquired:
        setActorStateLocked(actor, ActorState::Running);
        // Those woken with it lost the race and wait on.
        for (Tracked &t : m_actors) {
            if (t.state == ActorState::Waking && t.waitKind == EventKind::LockWait
                && t.waitObject == object)
                t.state = ActorState::Blocked;
        }
        break;
    default:
        setActorStateLocked(actor, ActorState::Running);
        break;
    }
}

} // namespace weft
