// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace weft {

class RunContext;
class TcpListener;

// Draws the length of a listening socket's accept queue as a counter track.
//
// A helper thread samples TcpListener::pendingConnections() every couple of
// milliseconds and records each change as a CounterValue on a Counter object,
// attributed to the lane that created the monitor (the server). The helper is
// instrumentation, not part of the lesson, so it has no lane of its own:
// a polling thread would otherwise look busy on the timeline all run long.
//
// Stop it (or destroy it) before the listener is closed.
class AcceptQueueMonitor
{
public:
    explicit AcceptQueueMonitor(const TcpListener &listener, QString name = {});
    ~AcceptQueueMonitor();
    AcceptQueueMonitor(const AcceptQueueMonitor &) = delete;
    AcceptQueueMonitor &operator=(const AcceptQueueMonitor &) = delete;

    void stop();
    // The longest queue seen so far.
    int maxPending() const { return m_maxPending.load(); }
    quint32 object() const { return m_object; }

private:
    void sample();

    const TcpListener &m_listener;
    RunContext &m_context;
    quint32 m_actor = 0;
    quint32 m_object = 0;
    std::atomic<int> m_maxPending {0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace weft
