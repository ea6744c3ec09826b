// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <condition_variable>
#include <mutex>
#include <source_location>

namespace weft {

// A traced mutual-exclusion lock (Python's threading.Lock).
//
// Built from std::mutex + std::condition_variable guarding an owner field, so
// ThreadSanitizer understands it and a waiter can be woken by cancellation.
// Records LockWait (only when the lock was not free), LockAcquired and
// LockReleased; the release is recorded before the next owner's acquire, so
// "at most one owner at a time" holds in the trace's time order too.
class Mutex
{
public:
    explicit Mutex(QString name = {});
    Mutex(const Mutex &) = delete;
    Mutex &operator=(const Mutex &) = delete;

    void lock(std::source_location location = std::source_location::current());
    bool tryLock(std::source_location location = std::source_location::current());
    void unlock(std::source_location location = std::source_location::current());

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    quint32 owner() const;

private:
    QString m_name;
    quint32 m_object = 0;
    mutable std::mutex m_state;
    std::condition_variable m_released;
    quint32 m_owner = 0;
};

// Scoped ownership, like Python's "with lock:".
class LockGuard
{
public:
    explicit LockGuard(Mutex &mutex,
                       std::source_location location = std::source_location::current())
        : m_mutex(mutex)
        , m_location(location)
    {
        m_mutex.lock(location);
    }
    // unlock throws when this thread does not own the mutex, a bug in Weft:
    // terminating then is intended.
    // NOLINTNEXTLINE(bugprone-exception-escape)
    ~LockGuard() { m_mutex.unlock(m_location); }
    LockGuard(const LockGuard &) = delete;
    LockGuard &operator=(const LockGuard &) = delete;

private:
    Mutex &m_mutex;
    std::source_location m_location;
};

} // namespace weft
