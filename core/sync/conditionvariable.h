// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <source_location>

namespace weft {

class Mutex;

// A traced condition variable used with a weft::Mutex (Python's
// threading.Condition).
//
// Records CondWait when a thread starts waiting, CondNotify (value = how many
// waiters it woke) and CondWake on the woken thread (value = the actor that
// notified it), so the timeline can draw an arrow from each notify to each
// wake. Wake-ups are handed to specific waiters in arrival order, so a wake is
// never spurious and never lost. Waits are cancellable: on cancel, wait()
// throws Cancelled without re-taking the mutex.
class ConditionVariable
{
public:
    explicit ConditionVariable(QString name = {});
    ConditionVariable(const ConditionVariable &) = delete;
    ConditionVariable &operator=(const ConditionVariable &) = delete;

    // Releases `mutex` (which the caller holds), waits for a notify, re-takes it.
    void wait(Mutex &mutex, std::source_location location = std::source_location::current());
    // Waits until predicate() is true, re-checking after every wake (the usual loop).
    template<typename Predicate>
    void wait(Mutex &mutex, Predicate predicate,
              std::source_location location = std::source_location::current())
    {
        while (!predicate())
            wait(mutex, location);
    }

    void notifyOne(std::source_location location = std::source_location::current());
    void notifyAll(std::source_location location = std::source_location::current());

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    int waiterCount() const;

private:
    struct Waiter
    {
        quint64 ticket = 0;
        quint32 actor = 0;
        quint32 wokenBy = 0; // 0 while waiting
    };
    void notify(int count, const std::source_location &location);

    QString m_name;
    quint32 m_object = 0;
    mutable std::mutex m_state;
    std::condition_variable m_wake;
    std::deque<Waiter> m_waiters; // in arrival order; woken ones leave on their own
    quint64 m_nextTicket = 1;
};

} // namespace weft
