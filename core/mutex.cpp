#include "mutex.h"

#include "cancelled.h"
#include "runcontext.h"

#include <QCoreApplication>

#include <stdexcept>

namespace weft {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("weft::Mutex", text); }

RunContext &requireContext()
{
    RunContext *context = RunContext::current();
    if (!context)
        throw std::logic_error("weft::Mutex used outside a scenario run");
    return *context;
}
} // namespace

Mutex::Mutex(QString name)
    : m_name(std::move(name))
{
    RunContext &context = requireContext();
    if (m_name.isEmpty())
        m_name = QStringLiteral("Lock");
    m_object = context.recorder().addObject(m_name, ObjectKind::Lock);
}

void Mutex::lock(std::source_location location)
{
    RunContext &context = requireContext();
    const quint32 me = RunContext::currentActor();
    context.passGate(EventKind::LockAcquired, m_object, tr("acquire %1").arg(m_name), location);

    std::unique_lock state(m_state);
    if (m_owner != 0) {
        context.record(EventKind::LockWait, location, m_object);
        while (m_owner != 0) {
            // Slices keep a blocked waiter cancellable without a second wake-up path.
            m_released.wait_for(state, std::chrono::milliseconds(5));
            if (m_owner != 0 && context.isCancelled())
                throw Cancelled{};
        }
    }
    m_owner = me;
    context.record(EventKind::LockAcquired, location, m_object);
}

bool Mutex::tryLock(std::source_location location)
{
    RunContext &context = requireContext();
    context.passGate(EventKind::LockAcquired, m_object, tr("try to acquire %1").arg(m_name),
                     location);
    std::lock_guard state(m_state);
    if (m_owner != 0)
        return false;
    m_owner = RunContext::currentActor();
    context.record(EventKind::LockAcquired, location, m_object);
    return true;
}

void Mutex::unlock(std::source_location location)
{
    RunContext &context = requireContext();
    {
        std::lock_guard state(m_state);
        if (m_owner != RunContext::currentActor())
            throw std::logic_error("weft::Mutex released by a thread that does not own it");
        // Recorded under the state lock: the next acquire is necessarily later.
        context.record(EventKind::LockReleased, location, m_object);
        m_owner = 0;
    }
    m_released.notify_one();
}

quint32 Mutex::owner() const
{
    std::lock_guard state(m_state);
    return m_owner;
}

} // namespace weft
