// SPDX-License-Identifier: MIT
#include "acceptqueuemonitor.h"

#include "core/runcontext.h"
#include "netsupport.h"
#include "tcplistener.h"

#include <QCoreApplication>

namespace weft {

using namespace netsupport;

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::AcceptQueueMonitor)
};

constexpr auto kSampleInterval = std::chrono::milliseconds(2);
} // namespace

AcceptQueueMonitor::AcceptQueueMonitor(const TcpListener &listener, QString name)
    : m_listener(listener)
    , m_context(RunContext::require("weft::AcceptQueueMonitor"))
    , m_actor(RunContext::currentActor())
{
    if (name.isEmpty())
        name = Tr::tr("accept queue of %1").arg(listener.name());
    m_object = m_context.recorder().addObject(name, ObjectKind::Counter);
    m_thread = std::thread([this] { sample(); });
}

AcceptQueueMonitor::~AcceptQueueMonitor()
{
    stop();
}

void AcceptQueueMonitor::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void AcceptQueueMonitor::sample()
{
    int last = -1;
    std::unique_lock lock(m_mutex);
    while (!m_stopping && !m_context.isCancelled()) {
        const int pending = m_listener.pendingConnections();
        if (pending >= 0 && pending != last) {
            m_context.recorder().record(EventKind::CounterValue, m_actor, m_object, pending);
            last = pending;
            if (pending > m_maxPending.load())
                m_maxPending.store(pending);
        }
        m_wake.wait_for(lock, kSampleInterval, [this] { return m_stopping; });
    }
}

} // namespace weft
