// SPDX-License-Identifier: MIT
#include "mutex.h"

#include "cancelled.h"
#include "runcontext.h"
#include "sync/deadlockreport.h"

#include <QCoreApplication>
#include <stdexcept>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Mutex)
};
} // namespace

Mutex::Mutex(QString name)
    : m_name(std::move(name))
{
    RunContext &context = RunContext::require("weft::Mutex");
    if (m_name.isEmpty())
        m_name = QStringLiteral("Lock");
    m_object = context.recorder().addObject(m_name, ObjectKind::Lock);
    context.waitGraph().setName(WaitTarget::object(m_object), m_name);
}

void Mutex::lock(std::source_location location)
{
    RunContext &context = RunContext::require("weft::Mutex");
    const quint32 me = RunContext::currentActor();
    context.passGate(EventKind::LockAcquired, m_object, Tr::tr("acquire %1").arg(m_name), location);

    WaitForGraph &graph = context.waitGraph();
    const WaitTarget target = WaitTarget::object(m_object);
    std::unique_lock state(m_state);
    if (m_owner != 0) {
        // Not reentrant, like Python's Lock: acquiring it twice waits for oneself,
        // a cycle of one that the wait-for graph reports like any other.
        context.record(EventKind::LockWait, location, m_object);
        // Registered under the state lock, so the graph never lags the real owner.
        graph.beginWait(me, target);
        while (m_owner != 0) {
            // Slices keep a blocked waiter cancellable without a second wake-up path,
            // and re-check the wait-for graph: a cycle closed by another thread's wait
            // is found here too. 50 ms, not less: with thousands of waiters (locks.counter
            // at 2000 threads) shorter slices wake them so often that the owner starves.
            m_released.wait_for(state, std::chrono::milliseconds(50));
            // A cancelled run unwinds: a waiter gives up even if the lock just
            // came free (e.g. released by a deadlocked thread that is unwinding).
            if (context.isCancelled()) {
                graph.endWait(me);
                throw Cancelled {};
            }
            if (m_owner == 0)
                break;
            state.unlock();
            detectDeadlock(context, me);
            state.lock();
        }
        graph.endWait(me);
    }
    m_owner = me;
    graph.setHolder(target, me);
    context.record(EventKind::LockAcquired, location, m_object);
}

bool Mutex::tryLock(std::source_location location)
{
    RunContext &context = RunContext::require("weft::Mutex");
    context.passGate(EventKind::LockAcquired, m_object, Tr::tr("try to acquire %1").arg(m_name),
                     location);
    std::lock_guard state(m_state);
    if (m_owner != 0)
        return false;
    m_owner = RunContext::currentActor();
    context.waitGraph().setHolder(WaitTarget::object(m_object), m_owner);
    context.record(EventKind::LockAcquired, location, m_object);
    return true;
}

void Mutex::unlock(std::source_location location)
{
    RunContext &context = RunContext::require("weft::Mutex");
    {
        std::lock_guard state(m_state);
        if (m_owner != RunContext::currentActor()) {
            // A condition wait cancelled mid-way returns without the lock; the
            // caller's guard then releases a lock it no longer holds. Harmless
            // while the run unwinds, a bug otherwise.
            if (context.isCancelled())
                return;
            throw std::logic_error("weft::Mutex released by a thread that does not own it");
        }
        // Recorded under the state lock: the next acquire is necessarily later.
        context.record(EventKind::LockReleased, location, m_object);
        m_owner = 0;
        context.waitGraph().clearHolder(WaitTarget::object(m_object));
    }
    m_released.notify_one();
}

quint32 Mutex::owner() const
{
    std::lock_guard state(m_state);
    return m_owner;
}

} // namespace weft
