// SPDX-License-Identifier: MIT
#pragma once

#include "rawrecord.h"

#include <QString>
#include <QtGlobal>
#include <map>

namespace weft::record {

// What weft's Python probe said about a process's threading objects (PyObject
// records), and the state that turns the semaphore records CPython makes of
// them back into the Python objects: the waiter lock a Condition.wait blocks on
// is the wait (its notifier's release of it is the notify), and the lock and
// condition inside an Event or a Semaphore are that Event or Semaphore. Keys
// are per process: a Lock's or RLock's sem_t address, else the object's id().
class PythonSync
{
public:
    struct Object
    {
        PyKind kind = PyKind::Lock;
        QString name;
        std::uint64_t key = 0;
        std::uint64_t owner = 0; // key of the Event or Semaphore it is part of
        qint64 count = 0; // a Semaphore's initial value, a Queue's maxsize
        quint32 traceObject = 0; // set by the decoder when first shown
    };

    // A PyObject record: a new object from here on under this key.
    void declare(qint32 pid, std::uint64_t key, PyKind kind, std::uint64_t owner, qint64 count,
                 const QString &name);
    // The lock at this address was destroyed: the address is nobody's now.
    void forget(qint32 pid, std::uint64_t address);
    // A forked child starts with its parent's objects.
    void inherit(qint32 parent, qint32 child);
    Object *find(qint32 pid, std::uint64_t key);
    // The object `key` is shown as: its owner (an Event's condition is the Event), else itself.
    Object *shownAs(qint32 pid, std::uint64_t key);
    bool knows(qint32 pid) const { return m_declared.count(pid) != 0; }

    // Condition waits, from the probe's PyWaitBegin/PyWaitEnd around them.
    void waitBegins(qint32 pid, qint32 tid, std::uint64_t cond);
    struct EndedWait
    {
        std::uint64_t cond = 0;
        bool blocked = false; // its start was shown
        bool woke = false; // its end was shown
    };
    EndedWait waitEnds(qint32 pid, qint32 tid);

    // What a semaphore record of a process the probe runs in stands for.
    enum class Role : quint8 {
        Plain, // the lock itself: shown as it is
        Hidden, // a waiter lock's own bookkeeping, or an Event's or Semaphore's inner lock
        Blocks, // the wait of `cond` blocks
        Wakes, // the wait of `cond` ends: notified
        BlocksAndWakes, // notified before it could block
        GivesUp, // the wait of `cond` ran out of time
    };
    struct Classified
    {
        Role role = Role::Plain;
        std::uint64_t cond = 0;
    };
    Classified classify(qint32 pid, qint32 tid, RawKind kind, std::uint64_t address);

private:
    void dropWaiter(qint32 pid, qint32 tid, std::uint64_t address);

    using Key = std::pair<qint32, std::uint64_t>;
    struct Wait
    {
        std::uint64_t cond = 0;
        std::uint64_t waiter = 0; // the waiter lock's address, once seen
        bool blocked = false;
        bool woke = false;
    };
    std::map<Key, Object> m_objects;
    std::map<qint32, int> m_declared; // pid -> objects declared
    std::map<Key, Wait> m_waits; // (pid, tid) -> the Condition.wait it is in
    struct Waiter
    {
        std::uint64_t cond = 0;
        qint32 tid = 0; // the thread waiting
    };
    std::map<Key, Waiter> m_waiters; // (pid, waiter address) -> whose wait it is
};

} // namespace weft::record
