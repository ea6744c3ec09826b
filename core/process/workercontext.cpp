// SPDX-License-Identifier: MIT
#include "workercontext.h"

#include "core/thread.h"

#include <atomic>
#include <stdexcept>

namespace weft {

namespace {
// One worker per process: the host makes it before the role runs.
std::atomic<WorkerContext *> g_current {nullptr};
} // namespace

WorkerContext::WorkerContext(RunContext &run, ParameterValues parameters,
                             std::vector<WorkerEndpoint> endpoints)
    : m_run(run)
    , m_parameters(std::move(parameters))
    , m_endpoints(std::move(endpoints))
{
    g_current.store(this);
}

WorkerContext &WorkerContext::current()
{
    WorkerContext *worker = g_current.load();
    if (!worker)
        throw std::logic_error("weft::WorkerContext::current() outside a worker process");
    return *worker;
}

// Only reached when no daemon thread is left: the host exits the process
// without destroying the context while one still runs.
WorkerContext::~WorkerContext()
{
    WorkerContext *self = this;
    g_current.compare_exchange_strong(self, nullptr);
}

WorkerEndpoint WorkerContext::takeEndpoint(int index, int channels)
{
    if (index < 0 || index >= int(m_endpoints.size()) || m_endpoints[std::size_t(index)].fd < 0)
        throw std::invalid_argument("the worker was not given endpoint " + std::to_string(index));
    WorkerEndpoint endpoint = m_endpoints[std::size_t(index)];
    if (endpoint.channels.size() != channels)
        throw std::invalid_argument("endpoint " + std::to_string(index) + " is of another kind");
    m_endpoints[std::size_t(index)].fd = -1;
    return endpoint;
}

Connection WorkerContext::connection(int index)
{
    const WorkerEndpoint endpoint = takeEndpoint(index, 2);
    return Connection::adopt(endpoint.fd, endpoint.channels.at(0), endpoint.channels.at(1));
}

QueueClient WorkerContext::queue(int index)
{
    const WorkerEndpoint endpoint = takeEndpoint(index, 1);
    return QueueClient::adopt(endpoint.fd, endpoint.channels.at(0));
}

Thread &WorkerContext::adoptThread(std::unique_ptr<Thread> thread)
{
    std::lock_guard lock(m_mutex);
    m_threads.push_back(std::move(thread));
    return *m_threads.back();
}

void WorkerContext::waitForNonDaemonThreads()
{
    std::vector<Thread *> waitFor;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &t : m_threads) {
            if (!t->isDaemon())
                waitFor.push_back(t.get());
        }
    }
    for (Thread *t : waitFor)
        t->join(std::source_location {});
}

int WorkerContext::daemonThreadsRunning() const
{
    std::lock_guard lock(m_mutex);
    int running = 0;
    for (const auto &t : m_threads)
        running += t->isDaemon() && t->isAlive();
    return running;
}

} // namespace weft
