// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/gilmark.h"
#include "core/tracing.h"

#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <source_location>
#include <utility>

namespace weft {

// An emulated global interpreter lock, faithful to CPython 3.2+ (Python/ceval_gil.c):
//
// - take: a thread that finds the lock held waits one switch interval; if no
//   switch happened meanwhile, it sets the drop request and waits again;
// - the holder polls dropRequested() between small units of work
//   (yieldIfRequested()) and, when asked, releases and queues up again;
// - forced switching: a thread that drops on request waits until another
//   thread has actually taken the lock, so it cannot grab it straight back;
// - I/O releases it (withoutGil()).
//
// Recorded on an ObjectKind::Gil object: LockWait / LockAcquired /
// LockReleased (value = hold number, 1, 2, 3 ... so acquire and release pair
// up), and Mark events for drop requests and forced switches (value = GilMark).
// Every wait is cancellable.
class Gil
{
public:
    explicit Gil(QString name = {},
                 std::chrono::nanoseconds switchInterval = std::chrono::milliseconds(5));
    Gil(const Gil &) = delete;
    Gil &operator=(const Gil &) = delete;

    void acquire(std::source_location location = std::source_location::current());
    // Tolerates a caller that no longer holds it only while the run is cancelled.
    void release(std::source_location location = std::source_location::current());

    // The holder's check between units of work: hands the lock over if asked.
    bool dropRequested() const { return m_dropRequest.load(std::memory_order_relaxed); }
    bool yieldIfRequested(std::source_location location = std::source_location::current());

    // Runs blocking I/O without the lock, like Py_BEGIN/END_ALLOW_THREADS.
    template<typename F>
    decltype(auto) withoutGil(F &&io,
                              std::source_location location = std::source_location::current())
    {
        release(location);
        struct Reacquire
        {
            Gil &gil;
            std::source_location location;
            bool armed = true;
            // Throws on purpose (a run cancelled meanwhile unwinds from here),
            // never while unwinding.
            // NOLINTNEXTLINE(bugprone-exception-escape)
            ~Reacquire() noexcept(false)
            {
                // Not while unwinding: a cancelled run does not queue up again.
                if (armed && std::uncaught_exceptions() == 0)
                    gil.acquire(location);
            }
        } reacquire {*this, location};
        return io();
    }

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    std::chrono::nanoseconds switchInterval() const { return m_interval; }
    quint32 holder() const;
    quint64 switchCount() const; // times the holder changed
    quint64 dropRequestCount() const;

private:
    QString m_name;
    quint32 m_object = 0;
    const std::chrono::nanoseconds m_interval;

    mutable std::mutex m_mutex;
    std::condition_variable m_released; // CPython's gil->cond
    std::condition_variable m_switched; // CPython's gil->switch_cond
    std::atomic<bool> m_dropRequest {false};
    quint32 m_holder = 0; // 0 = free
    quint32 m_lastHolder = 0;
    quint64 m_switchNumber = 0;
    quint64 m_holdNumber = 0;
    quint64 m_dropRequests = 0;
};

// Holds the GIL for a scope (a Python thread holds it while it runs bytecode).
// A null Gil makes it a no-op, so the same code runs "without the GIL".
class GilHold
{
public:
    explicit GilHold(Gil *gil, std::source_location location = std::source_location::current())
        : m_gil(gil)
        , m_location(location)
    {
        if (m_gil)
            m_gil->acquire(location);
    }
    // release throws when this thread does not hold the GIL, a bug in Weft:
    // terminating then is intended.
    // NOLINTNEXTLINE(bugprone-exception-escape)
    ~GilHold()
    {
        if (m_gil)
            m_gil->release(m_location);
    }

    // The holder's check between two stretches of work, as CPython's eval loop
    // checks between bytecodes: hands the GIL over if a waiter asked for it, and
    // ends a cancelled run (CPU-bound work has no other point to stop at).
    void yieldIfRequested(std::source_location location = std::source_location::current())
    {
        checkCancelled();
        if (m_gil)
            m_gil->yieldIfRequested(location);
    }

    // Runs blocking I/O without the GIL; without a GIL it just runs it.
    template<typename F>
    decltype(auto) withoutGil(F &&io,
                              std::source_location location = std::source_location::current())
    {
        if (m_gil)
            return m_gil->withoutGil(std::forward<F>(io), location);
        return io();
    }
    GilHold(const GilHold &) = delete;
    GilHold &operator=(const GilHold &) = delete;

private:
    Gil *m_gil;
    std::source_location m_location;
};

} // namespace weft
