// SPDX-License-Identifier: MIT
#include "pythonsync.h"

namespace weft::record {

void PythonSync::declare(qint32 pid, std::uint64_t key, PyKind kind, std::uint64_t owner,
                         qint64 count, const QString &name)
{
    Object &o = m_objects[{pid, key}];
    o = Object {};
    o.kind = kind;
    o.name = name;
    o.key = key;
    o.owner = owner;
    o.count = count;
    ++m_declared[pid];
}

void PythonSync::forget(qint32 pid, std::uint64_t address)
{
    m_objects.erase({pid, address});
    m_waiters.erase({pid, address});
}

void PythonSync::inherit(qint32 parent, qint32 child)
{
    const auto from = m_objects.lower_bound({parent, 0});
    for (auto it = from; it != m_objects.end() && it->first.first == parent; ++it) {
        Object copy = it->second;
        copy.traceObject = 0; // the child's objects are its own
        m_objects[{child, it->first.second}] = copy;
        ++m_declared[child];
    }
}

PythonSync::Object *PythonSync::find(qint32 pid, std::uint64_t key)
{
    const auto it = m_objects.find({pid, key});
    return it != m_objects.end() ? &it->second : nullptr;
}

PythonSync::Object *PythonSync::shownAs(qint32 pid, std::uint64_t key)
{
    Object *o = find(pid, key);
    if (o && o->owner != 0) {
        if (Object *owner = find(pid, o->owner))
            return owner;
    }
    return o;
}

void PythonSync::dropWaiter(qint32 pid, qint32 tid, std::uint64_t address)
{
    // Only this thread's: the address may be another wait's lock by now.
    const auto it = m_waiters.find({pid, address});
    if (it != m_waiters.end() && it->second.tid == tid)
        m_waiters.erase(it);
}

void PythonSync::waitBegins(qint32 pid, qint32 tid, std::uint64_t cond)
{
    Wait &w = m_waits[{pid, std::uint64_t(std::uint32_t(tid))}];
    if (w.waiter != 0)
        dropWaiter(pid, tid, w.waiter);
    w = Wait {};
    w.cond = cond;
}

PythonSync::EndedWait PythonSync::waitEnds(qint32 pid, qint32 tid)
{
    const auto it = m_waits.find({pid, std::uint64_t(std::uint32_t(tid))});
    if (it == m_waits.end())
        return {};
    const EndedWait ended {it->second.cond, it->second.blocked, it->second.woke};
    if (it->second.waiter != 0)
        dropWaiter(pid, tid, it->second.waiter);
    m_waits.erase(it);
    return ended;
}

PythonSync::Classified PythonSync::classify(qint32 pid, qint32 tid, RawKind kind,
                                            std::uint64_t address)
{
    const auto wait = m_waits.find({pid, std::uint64_t(std::uint32_t(tid))});
    if (wait != m_waits.end()) {
        Wait &w = wait->second;
        // Condition.wait makes a lock and takes it at once, then blocks taking it
        // again until notify() releases it: the first lock this thread takes in
        // the wait is that waiter.
        if (w.waiter == 0 && kind == RawKind::LockAcquired) {
            w.waiter = address;
            m_waiters[{pid, address}] = {w.cond, tid};
            return {Role::Hidden, w.cond};
        }
        if (w.waiter == address) {
            switch (kind) {
            case RawKind::LockWait:
                if (w.blocked)
                    return {Role::Hidden, w.cond};
                w.blocked = true;
                return {Role::Blocks, w.cond};
            case RawKind::LockAcquired: {
                const bool blocked = w.blocked;
                w.blocked = w.woke = true;
                return {blocked ? Role::Wakes : Role::BlocksAndWakes, w.cond};
            }
            case RawKind::LockFailed:
                if (!w.blocked || w.woke)
                    return {Role::Hidden, w.cond};
                w.woke = true;
                return {Role::GivesUp, w.cond};
            default:
                return {Role::Hidden, w.cond};
            }
        }
    }
    // The notifier letting a waiter go: its notify was the record.
    if (const auto waiter = m_waiters.find({pid, address}); waiter != m_waiters.end())
        return {Role::Hidden, waiter->second.cond};
    if (const Object *o = find(pid, address); o && o->owner != 0)
        return {Role::Hidden, 0};
    return {Role::Plain, 0};
}

} // namespace weft::record
