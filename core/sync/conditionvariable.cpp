// SPDX-License-Identifier: MIT
#include "conditionvariable.h"

#include "core/cancelled.h"
#include "core/mutex.h"
#include "core/runcontext.h"

#include <QCoreApplication>
#include <algorithm>
#include <stdexcept>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ConditionVariable)
};
} // namespace

ConditionVariable::ConditionVariable(QString name)
    : m_name(std::move(name))
{
    RunContext &context = RunContext::require("weft::ConditionVariable");
    if (m_name.isEmpty())
        m_name = QStringLiteral("Condition");
    m_object = context.recorder().addObject(m_name, ObjectKind::Condition);
}

void ConditionVariable::wait(Mutex &mutex, std::source_location location)
{
    RunContext &context = RunContext::require("weft::ConditionVariable");
    const quint32 me = RunContext::currentActor();
    if (mutex.owner() != me)
        throw std::logic_error("weft::ConditionVariable::wait() without holding its mutex");
    context.passGate(EventKind::CondWait, m_object, Tr::tr("wait on %1").arg(m_name), location);

    quint64 ticket = 0;
    {
        // Enqueued before the mutex is released: a notify issued right after
        // the release already sees this waiter, so no wake-up is lost.
        std::lock_guard state(m_state);
        ticket = m_nextTicket++;
        m_waiters.push_back({ticket, me, 0});
        context.record(EventKind::CondWait, location, m_object);
    }
    mutex.unlock(location);

    quint32 wokenBy = 0;
    {
        std::unique_lock state(m_state);
        auto mine = [&] {
            return std::find_if(m_waiters.begin(), m_waiters.end(),
                                [ticket](const Waiter &w) { return w.ticket == ticket; });
        };
        for (;;) {
            auto it = mine();
            if (it->wokenBy != 0) {
                wokenBy = it->wokenBy;
                m_waiters.erase(it);
                break;
            }
            if (context.isCancelled()) {
                m_waiters.erase(it);
                context.record(EventKind::CondWake, location, m_object, 0, 0, Abnormal);
                throw Cancelled {};
            }
            // Slices keep the wait cancellable without a second wake-up path.
            m_wake.wait_for(state, std::chrono::milliseconds(5));
        }
        context.record(EventKind::CondWake, location, m_object, wokenBy);
    }
    mutex.lock(location);
}

void ConditionVariable::notifyOne(std::source_location location)
{
    notify(1, location);
}

void ConditionVariable::notifyAll(std::source_location location)
{
    notify(-1, location);
}

void ConditionVariable::notify(int count, const std::source_location &location)
{
    RunContext &context = RunContext::require("weft::ConditionVariable");
    const quint32 me = RunContext::currentActor();
    context.passGate(EventKind::CondNotify, m_object,
                     count < 0 ? Tr::tr("notify all on %1").arg(m_name)
                               : Tr::tr("notify %1").arg(m_name),
                     location);
    int woken = 0;
    {
        std::lock_guard state(m_state);
        for (Waiter &waiter : m_waiters) {
            if (count >= 0 && woken >= count)
                break;
            if (waiter.wokenBy == 0) {
                waiter.wokenBy = me;
                ++woken;
            }
        }
        // Recorded under the state lock, so it precedes the wakes it causes.
        context.record(EventKind::CondNotify, location, m_object, woken);
    }
    if (woken > 0)
        m_wake.notify_all();
}

int ConditionVariable::waiterCount() const
{
    std::lock_guard state(m_state);
    return int(std::count_if(m_waiters.begin(), m_waiters.end(),
                             [](const Waiter &w) { return w.wokenBy == 0; }));
}

} // namespace weft
