// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <source_location>
#include <thread>
#include <tuple>

namespace weft {

class RunContext;

// A traced OS thread (std::thread underneath), shaped like Python's
// threading.Thread: start it from a target callable with arguments, or
// subclass it and override run(). Its lane shows its name and native id.
//
// The destructor waits for a thread that is still running (silently, without
// a join event), so a scenario can never leave a thread behind.
class Thread
{
public:
    explicit Thread(QString name = {});
    template<typename F, typename... Args>
    Thread(QString name, F &&target, Args &&...args)
        : Thread(std::move(name))
    {
        m_target = [fn = std::forward<F>(target),
                    tuple = std::make_tuple(std::forward<Args>(args)...)]() mutable {
            std::apply(fn, tuple);
        };
    }
    virtual ~Thread();
    Thread(const Thread &) = delete;
    Thread &operator=(const Thread &) = delete;

    // Starts the thread in the calling thread's run.
    void start(std::source_location location = std::source_location::current());
    void startIn(RunContext &context, bool isMainThread = false,
                 std::source_location location = std::source_location::current());
    // Blocks until the thread has finished; recorded as a join wait.
    void join(std::source_location location = std::source_location::current());

    bool isAlive() const;
    bool isDaemon() const { return m_daemon; }
    void setDaemon(bool daemon) { m_daemon = daemon; }
    QString name() const { return m_name; }
    qint64 nativeId() const { return m_nativeId.load(); }
    quint32 actor() const { return m_actor; }
    // The message of an exception that ended run(), if any.
    QString errorMessage() const;
    bool wasCancelled() const { return m_cancelled.load(); }

protected:
    // The thread's work; by default calls the target given to the constructor.
    virtual void run();

private:
    void body();
    void waitFinished();

    QString m_name;
    std::function<void()> m_target;
    bool m_daemon = false;
    RunContext *m_context = nullptr;
    quint32 m_actor = 0;
    std::atomic<qint64> m_nativeId {0};
    std::atomic<bool> m_cancelled {false};
    std::thread m_thread;

    mutable std::mutex m_mutex;
    std::condition_variable m_finishedCv;
    bool m_started = false;
    bool m_finished = false;
    QString m_error;
};

// The calling thread's lane name and native id (Python's current_thread()).
QString currentThreadName();
qint64 currentNativeThreadId();

} // namespace weft
