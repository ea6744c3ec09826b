// SPDX-License-Identifier: MIT
#include "replaydriver.h"

#include "stepgate.h"

#include <QCoreApplication>
#include <algorithm>
#include <optional>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ReplayDriver)
};
} // namespace

ReplayDriver::ReplayDriver(StepGate &gate, Schedule schedule)
    : m_gate(gate)
    , m_schedule(std::move(schedule))
{
    m_progress.total = m_schedule.size();
}

ReplayDriver::~ReplayDriver()
{
    m_gate.setArrivalObserver({});
}

void ReplayDriver::start()
{
    m_gate.setArrivalObserver([this](const PendingAction &action) { arrived(action); });
    std::lock_guard lock(m_mutex);
    m_tracking.store(true, std::memory_order_relaxed);
    advanceLocked();
}

void ReplayDriver::runEnded()
{
    std::lock_guard lock(m_mutex);
    m_progress.runEnded = true;
    if (m_progress.state != ReplayProgress::State::Replaying)
        return;
    if (m_gate.isCancelled())
        stopLocked(ReplayProgress::State::Stopped);
    else if (m_progress.step >= m_progress.total)
        finishLocked();
    else
        divergeLocked(Tr::tr("Replay diverged: the run ended after step %1 of %2.")
                          .arg(m_progress.step)
                          .arg(m_progress.total));
}

bool ReplayDriver::isReplaying() const
{
    std::lock_guard lock(m_mutex);
    return m_progress.state == ReplayProgress::State::Replaying;
}

ReplayProgress ReplayDriver::progress() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

QString ReplayDriver::divergence() const
{
    std::lock_guard lock(m_mutex);
    return m_divergence;
}

QList<quint32> ReplayDriver::awaited() const
{
    std::lock_guard lock(m_mutex);
    QList<quint32> actors;
    for (auto it = m_actors.cbegin(); it != m_actors.cend(); ++it) {
        if (it->state == ActorState::Running || it->state == ActorState::Waking)
            actors.append(it.key());
    }
    std::sort(actors.begin(), actors.end());
    return actors;
}

void ReplayDriver::arrived(const PendingAction &action)
{
    std::lock_guard lock(m_mutex);
    if (!isTracking())
        return;
    Tracked &t = trackedLocked(action.actor);
    // The driver may have seen it in the gate's list and granted it already.
    if (action.arrival <= t.grantedArrival)
        return;
    setStateLocked(t, ActorState::Parked);
    advanceLocked();
}

void ReplayDriver::noteActorCreated(quint32 actor)
{
    std::lock_guard lock(m_mutex);
    if (!isTracking())
        return;
    setStateLocked(actor, ActorState::Running);
    advanceLocked();
}

void ReplayDriver::noteActorFinished(quint32 actor)
{
    std::lock_guard lock(m_mutex);
    if (!isTracking())
        return;
    setStateLocked(actor, ActorState::Finished);
    for (Tracked &t : m_actors) {
        if (t.state == ActorState::Blocked && t.waitKind == EventKind::JoinWait
            && t.waitValue == qint64(actor))
            setStateLocked(t, ActorState::Waking);
    }
    advanceLocked();
}

void ReplayDriver::noteBusy(quint32 actor)
{
    std::lock_guard lock(m_mutex);
    if (!isTracking() || actor == 0)
        return;
    // A thread that polls is on its way (a woken one too); a parked or waiting one is not.
    const auto it = m_actors.find(actor);
    if (it == m_actors.end()
        || (it->state != ActorState::Running && it->state != ActorState::Waking))
        return;
    setStateLocked(*it, ActorState::Busy);
    advanceLocked();
}

void ReplayDriver::noteWaitingForEnd(quint32 actor, quint32 target)
{
    std::lock_guard lock(m_mutex);
    if (!isTracking() || actor == 0)
        return;
    joinLocked(actor, target);
    advanceLocked();
}

void ReplayDriver::noteEvent(quint32 actor, EventKind kind, quint32 object, qint64 value)
{
    std::lock_guard lock(m_mutex);
    if (!isTracking() || actor == 0)
        return;
    switch (kind) {
    case EventKind::LockWait:
    case EventKind::CondWait:
        waitLocked(actor, ActorState::Blocked, kind, object, value);
        break;
    case EventKind::JoinWait:
        joinLocked(actor, quint32(value));
        break;
    case EventKind::SleepBegin:
    case EventKind::IoWaitBegin:
        waitLocked(actor, ActorState::SelfWaking, kind, object, value);
        break;
    case EventKind::LockReleased:
        setStateLocked(actor, ActorState::Running);
        // Every waiter may be the one to get it; the winner says so with its acquire.
        wakeLocked(EventKind::LockWait, object, -1);
        break;
    case EventKind::CondNotify:
        setStateLocked(actor, ActorState::Running);
        wakeLocked(EventKind::CondWait, object, value); // value: how many it woke
        break;
    case EventKind::LockAcquired:
        setStateLocked(actor, ActorState::Running);
        // Those woken with it lost the race and wait on.
        for (Tracked &t : m_actors) {
            if (t.state == ActorState::Waking && t.waitKind == EventKind::LockWait
                && t.waitObject == object)
                setStateLocked(t, ActorState::Blocked);
        }
        break;
    case EventKind::ThreadSpawn:
        setStateLocked(actor, ActorState::Running);
        setStateLocked(quint32(value), ActorState::Running);
        break;
    case EventKind::Mark:
        // A note, not a move: a GIL waiter marks its drop request while it still waits.
        break;
    default:
        setStateLocked(actor, ActorState::Running);
        break;
    }
    advanceLocked();
}

ReplayDriver::Tracked &ReplayDriver::trackedLocked(quint32 actor)
{
    auto it = m_actors.find(actor);
    if (it == m_actors.end()) {
        it = m_actors.insert(actor, Tracked {});
        ++m_moving; // a new lane starts out running
    }
    return *it;
}

void ReplayDriver::setStateLocked(Tracked &t, ActorState state)
{
    auto moving = [](ActorState s) {
        return s == ActorState::Running || s == ActorState::Waking;
    };
    m_moving += (moving(state) ? 1 : 0) - (moving(t.state) ? 1 : 0);
    t.state = state;
    if (state != ActorState::Blocked && state != ActorState::SelfWaking
        && state != ActorState::Waking)
        t.waitKind = EventKind::None;
}

void ReplayDriver::setStateLocked(quint32 actor, ActorState state)
{
    setStateLocked(trackedLocked(actor), state);
}

void ReplayDriver::waitLocked(quint32 actor, ActorState state, EventKind kind, quint32 object,
                              qint64 value)
{
    Tracked &t = trackedLocked(actor);
    setStateLocked(t, state);
    t.waitKind = kind;
    t.waitObject = object;
    t.waitValue = value;
    t.waitOrder = ++m_waits;
}

void ReplayDriver::joinLocked(quint32 actor, quint32 target)
{
    const auto it = m_actors.constFind(target);
    if (it == m_actors.cend()) {
        // Not a thread of this run (a child process's lane): it ends by itself.
        waitLocked(actor, ActorState::SelfWaking, EventKind::JoinWait, 0, target);
    } else {
        const bool ended = it->state == ActorState::Finished;
        waitLocked(actor, ended ? ActorState::Waking : ActorState::Blocked, EventKind::JoinWait, 0,
                   target);
    }
}

void ReplayDriver::wakeLocked(EventKind waitKind, quint32 object, qint64 count)
{
    QList<Tracked *> waiters;
    for (Tracked &t : m_actors) {
        if (t.state == ActorState::Blocked && t.waitKind == waitKind && t.waitObject == object)
            waiters.append(&t);
    }
    // A condition wakes its earliest waiters, as many as its notify says.
    std::sort(waiters.begin(), waiters.end(),
              [](const Tracked *a, const Tracked *b) { return a->waitOrder < b->waitOrder; });
    if (count >= 0 && waiters.size() > count)
        waiters.resize(count);
    for (Tracked *t : waiters)
        setStateLocked(*t, ActorState::Waking);
}

bool ReplayDriver::anyoneMovesByThemselvesLocked() const
{
    return std::any_of(m_actors.cbegin(), m_actors.cend(), [](const Tracked &t) {
        return t.state == ActorState::SelfWaking || t.state == ActorState::Busy;
    });
}

void ReplayDriver::advanceLocked()
{
    if (m_progress.state != ReplayProgress::State::Replaying)
        return;
    if (m_gate.isCancelled() || !m_gate.isStepping()) {
        stopLocked(ReplayProgress::State::Stopped);
        return;
    }
    if (m_progress.step >= m_progress.total) {
        if (m_moving == 0)
            finishLocked();
        return;
    }
    const ScheduleStep &step = m_schedule.at(m_progress.step);
    std::optional<PendingAction> parked;
    for (const PendingAction &p : m_gate.pending()) {
        if (p.actor == step.actor)
            parked = p;
    }
    if (parked && parked->kind != step.kind) {
        // A parked thread's next action cannot change: the runs went apart.
        divergeLocked(Tr::tr("Replay diverged at step %1 of %2: actor %3 came to do %4, "
                             "the schedule expected %5.")
                          .arg(m_progress.step + 1)
                          .arg(m_progress.total)
                          .arg(step.actor)
                          .arg(QLatin1String(eventKindName(parked->kind)),
                               QLatin1String(eventKindName(step.kind))));
        return;
    }
    if (m_moving > 0)
        return; // the previous step has not settled yet
    if (parked) {
        if (m_gate.release(step.actor)) {
            Tracked &t = trackedLocked(step.actor);
            t.grantedArrival = parked->arrival;
            setStateLocked(t, ActorState::Running);
            ++m_progress.step;
        }
        return;
    }
    // Nothing has started yet, or someone may still bring the scheduled thread
    // without a step: wait for their next event.
    if (m_actors.isEmpty() || anyoneMovesByThemselvesLocked())
        return;
    divergeLocked(Tr::tr("Replay diverged at step %1 of %2: actor %3 never reached its "
                         "gate.")
                      .arg(m_progress.step + 1)
                      .arg(m_progress.total)
                      .arg(step.actor));
}

void ReplayDriver::finishLocked()
{
    stopLocked(ReplayProgress::State::Replayed);
    // The original run went free here; so does the replay.
    if (m_schedule.leftStepMode())
        m_gate.setStepping(false);
}

void ReplayDriver::divergeLocked(const QString &reason)
{
    m_divergence = reason;
    stopLocked(ReplayProgress::State::Diverged);
}

void ReplayDriver::stopLocked(ReplayProgress::State state)
{
    m_progress.state = state;
    m_tracking.store(false, std::memory_order_relaxed);
}

} // namespace weft
