// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <mutex>
#include <optional>

namespace weft {

// Something a thread can wait for. Kinds are open-ended: a new blocking
// primitive adds a kind and says who "holds" it, and deadlock detection covers
// it with no other change.
struct WaitTarget
{
    enum class Kind : quint8 {
        Object, // a recorder object with at most one owner (a lock)
        Thread, // a thread's end (join); "held" by that thread while it lives
    };
    Kind kind = Kind::Object;
    quint32 id = 0; // object id, or actor id for Kind::Thread

    static WaitTarget object(quint32 object) { return {Kind::Object, object}; }
    static WaitTarget thread(quint32 actor) { return {Kind::Thread, actor}; }
    friend bool operator==(const WaitTarget &, const WaitTarget &) = default;
};

inline size_t qHash(const WaitTarget &target, size_t seed = 0)
{
    return ::qHash((quint64(target.kind) << 32) | target.id, seed);
}

// One edge pair of a cycle: `waiter` waits for `target`, which `holder` holds.
struct WaitEdge
{
    quint32 waiter = 0;
    WaitTarget target;
    quint32 holder = 0;
    friend bool operator==(const WaitEdge &, const WaitEdge &) = default;
};
using WaitCycle = QList<WaitEdge>;

// The run's wait-for graph: which thread waits for what, and who holds it.
//
// Every blocking primitive reports its waits and ownership here, so a cycle
// (a deadlock) is found whichever primitives it runs through. Each thread
// waits for at most one thing at a time and each target has at most one
// holder, so finding a cycle is following one chain. Thread-safe; never calls
// out while holding its own lock, so callers may hold theirs.
class WaitForGraph
{
public:
    void setHolder(WaitTarget target, quint32 actor);
    void clearHolder(WaitTarget target);
    quint32 holder(WaitTarget target) const;
    // Names objects for deadlock messages (threads are named by the recorder).
    void setName(WaitTarget target, const QString &name);
    QString name(WaitTarget target) const;

    void beginWait(quint32 actor, WaitTarget target);
    void endWait(quint32 actor);
    std::optional<WaitTarget> waitingFor(quint32 actor) const;

    // The cycle `actor` is part of, starting with its own wait; nullopt if none.
    std::optional<WaitCycle> cycleThrough(quint32 actor) const;

    // True exactly once per run: whoever finds a deadlock first reports it.
    bool claimDeadlockReport();

private:
    quint32 holderLocked(WaitTarget target) const;

    mutable std::mutex m_mutex;
    QHash<quint32, WaitTarget> m_waits; // actor -> what it waits for
    QHash<WaitTarget, quint32> m_holders; // target -> holding actor
    QHash<WaitTarget, QString> m_names;
    bool m_deadlockReported = false;
};

} // namespace weft
