// SPDX-License-Identifier: MIT
#include "gil.h"

#include "core/cancelled.h"
#include "core/runcontext.h"
#include "core/trace.h"
#include "deadlockreport.h"

#include <QCoreApplication>
#include <algorithm>
#include <stdexcept>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Gil)
};

// Waits are sliced so a cancel is noticed within this time.
constexpr auto kCancelSlice = std::chrono::milliseconds(5);
} // namespace

Gil::Gil(QString name, std::chrono::nanoseconds switchInterval)
    : m_name(std::move(name))
    , m_interval(std::max(switchInterval, std::chrono::nanoseconds(std::chrono::microseconds(50))))
{
    RunContext &context = RunContext::require("weft::Gil");
    if (m_name.isEmpty())
        m_name = QStringLiteral("GIL");
    m_object = context.recorder().addObject(m_name, ObjectKind::Gil);
    context.waitGraph().setName(WaitTarget::object(m_object), m_name);
}

void Gil::acquire(std::source_location location)
{
    RunContext &context = RunContext::require("weft::Gil");
    const quint32 me = RunContext::currentActor();
    context.passGate(EventKind::LockAcquired, m_object, Tr::tr("take %1").arg(m_name), location);

    WaitForGraph &graph = context.waitGraph();
    const WaitTarget target = WaitTarget::object(m_object);
    std::unique_lock lock(m_mutex);
    if (m_holder == me)
        throw std::logic_error("weft::Gil taken twice by the same thread");
    if (m_holder != 0) {
        context.record(EventKind::LockWait, location, m_object, m_holder);
        // A GIL wait is a lock wait: holding the GIL while joining a thread
        // that wants it is a deadlock the graph reports.
        graph.beginWait(me, target);
        while (m_holder != 0) {
            const quint64 switchesBefore = m_switchNumber;
            const auto deadline = std::chrono::steady_clock::now() + m_interval;
            bool timedOut = false;
            while (m_holder != 0) {
                if (context.isCancelled()) {
                    graph.endWait(me);
                    throw Cancelled {};
                }
                const auto now = std::chrono::steady_clock::now();
                if (now >= deadline) {
                    timedOut = true;
                    break;
                }
                m_released.wait_until(lock, std::min(deadline, now + kCancelSlice));
                if (m_holder != 0) {
                    lock.unlock();
                    detectDeadlock(context, me);
                    lock.lock();
                }
            }
            // A whole interval passed and nobody switched: ask the holder to drop.
            if (timedOut && m_holder != 0 && m_switchNumber == switchesBefore
                && !m_dropRequest.load(std::memory_order_relaxed)) {
                m_dropRequest.store(true, std::memory_order_relaxed);
                ++m_dropRequests;
                const QString asker = actorDisplayName(context.recorder().actorInfo(me), me);
                context.record(EventKind::Mark, location, m_object, qint64(GilMark::DropRequest),
                               context.recorder().intern(
                                   Tr::tr("drop request: %1 asks for the GIL").arg(asker)));
            }
        }
        graph.endWait(me);
    }
    m_holder = me;
    graph.setHolder(target, me);
    if (m_lastHolder != me) {
        m_lastHolder = me;
        ++m_switchNumber;
    }
    ++m_holdNumber;
    // Recorded under the lock: the previous holder's release is necessarily earlier.
    context.record(EventKind::LockAcquired, location, m_object, qint64(m_holdNumber));
    // The request was ours (or is satisfied by this switch), as in CPython's take_gil.
    m_dropRequest.store(false, std::memory_order_relaxed);
    m_switched.notify_all();
}

void Gil::release(std::source_location location)
{
    RunContext &context = RunContext::require("weft::Gil");
    const quint32 me = RunContext::currentActor();
    std::unique_lock lock(m_mutex);
    if (m_holder != me) {
        if (context.isCancelled())
            return;
        throw std::logic_error("weft::Gil released by a thread that does not hold it");
    }
    const bool requested = m_dropRequest.load(std::memory_order_relaxed);
    context.record(EventKind::LockReleased, location, m_object, qint64(m_holdNumber));
    m_holder = 0;
    context.waitGraph().clearHolder(WaitTarget::object(m_object));
    m_released.notify_one();
    if (!requested || m_lastHolder != me)
        return;

    // Forced switching: wait until the thread that asked has actually taken
    // the lock, so this one cannot take it straight back.
    m_dropRequest.store(false, std::memory_order_relaxed);
    context.record(EventKind::Mark, location, m_object, qint64(GilMark::ForcedSwitch),
                   context.recorder().intern(Tr::tr("forced switch: waits until another thread "
                                                    "takes the GIL")));
    while (m_lastHolder == me && !context.isCancelled())
        m_switched.wait_for(lock, kCancelSlice);
}

bool Gil::yieldIfRequested(std::source_location location)
{
    if (!dropRequested())
        return false;
    release(location);
    acquire(location);
    return true;
}

quint32 Gil::holder() const
{
    std::lock_guard lock(m_mutex);
    return m_holder;
}

quint64 Gil::switchCount() const
{
    std::lock_guard lock(m_mutex);
    return m_switchNumber;
}

quint64 Gil::dropRequestCount() const
{
    std::lock_guard lock(m_mutex);
    return m_dropRequests;
}

} // namespace weft
