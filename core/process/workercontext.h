// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "core/parameter.h"
#include "core/thread.h"
#include "queueclient.h"

#include <QStringList>
#include <memory>
#include <mutex>
#include <source_location>
#include <vector>

namespace weft {

class RunContext;

// A descriptor a worker inherited from its parent and the channel names it carries.
struct WorkerEndpoint
{
    int fd = -1;
    QStringList channels;
};

// What a worker role sees inside its child process: its parameters, the
// connections and queues its parent passed (in the order Process::pass() was
// called), and the threads it starts that may outlive its main function.
class WorkerContext
{
public:
    WorkerContext(RunContext &run, ParameterValues parameters,
                  std::vector<WorkerEndpoint> endpoints);
    ~WorkerContext();
    WorkerContext(const WorkerContext &) = delete;
    WorkerContext &operator=(const WorkerContext &) = delete;

    // The worker this process is running; throws std::logic_error outside a worker.
    static WorkerContext &current();

    RunContext &run() { return m_run; }
    const ParameterValues &parameters() const { return m_parameters; }

    int endpointCount() const { return int(m_endpoints.size()); }
    // Each endpoint can be taken once; throws std::invalid_argument otherwise.
    Connection connection(int index);
    QueueClient queue(int index);

    // Keeps a started thread for the rest of the process's life. When the
    // role returns, the process waits for the non-daemon ones (as Python's
    // interpreter does at exit) and then exits under the daemon ones.
    Thread &adoptThread(std::unique_ptr<Thread> thread);
    // The waits have no line of the lesson: they follow the role's return.
    void waitForNonDaemonThreads();
    int daemonThreadsRunning() const;

private:
    WorkerEndpoint takeEndpoint(int index, int channels);

    RunContext &m_run;
    const ParameterValues m_parameters;
    std::vector<WorkerEndpoint> m_endpoints;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Thread>> m_threads;
};

// Python's threading.Thread(...) inside a worker: a thread that belongs to the
// process, not to the function that makes it, as every Python thread belongs
// to its interpreter. The function may return while it runs; the process then
// waits for it at exit unless it is a daemon, and exits under it if it is.
// Start it (and make it a daemon) as any Thread.
template<typename F, typename... Args>
Thread &processThread(QString name, F &&target, Args &&...args)
{
    return WorkerContext::current().adoptThread(std::make_unique<Thread>(
        std::move(name), std::forward<F>(target), std::forward<Args>(args)...));
}

} // namespace weft
