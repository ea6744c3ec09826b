// SPDX-License-Identifier: MIT
#pragma once

// Event-analysis helpers for tests: they turn a Trace into the intervals a
// scenario's claim is about (who held a lock when, which lanes were alive,
// how long a join waited), so a test asserts the outcome from events rather
// than trusting what the scenario says about itself.

#include "core/trace.h"

#include <QHash>
#include <QString>
#include <limits>
#include <vector>

namespace weft::testsupport {

// A closed time interval on one lane; end is kOpenEnd if the closing event never came.
struct Interval
{
    static constexpr qint64 kOpenEnd = std::numeric_limits<qint64>::max();
    quint32 actor = 0;
    quint32 object = 0;
    qint64 beginNs = 0;
    qint64 endNs = kOpenEnd;

    bool isOpen() const { return endNs == kOpenEnd; }
    // Half-open overlap: an interval that begins exactly when another ends does not overlap it.
    bool overlaps(const Interval &other) const
    {
        return beginNs < other.endNs && other.beginNs < endNs;
    }
};

// Events of one lane (optionally of one kind), in time order.
std::vector<Event> eventsOfActor(const Trace &trace, quint32 actor,
                                 EventKind kind = EventKind::None);
// Texts of the Print events of one lane, in time order.
QStringList printsOf(const Trace &trace, quint32 actor);
// The marks flagged abnormal (a lost update, a deadlock, ...), in time order.
std::vector<Event> abnormalMarks(const Trace &trace);
// Time of the lane's last event; 0 if it has none.
qint64 lastEventTime(const Trace &trace, quint32 actor);

// Pairs begin/end events per (actor, object) in time order: each begin opens an
// interval that the next matching end closes. Begins without an end stay open.
std::vector<Interval> pairedSpans(const Trace &trace, EventKind begin, EventKind end);

// Who held which lock when: LockAcquired..LockReleased per lane and lock.
// lock = 0 means every lock.
std::vector<Interval> lockHoldIntervals(const Trace &trace, quint32 lock = 0);
// Empty if no two lanes held the same lock at the same instant, else a description.
QString lockExclusivityViolation(const Trace &trace, quint32 lock = 0);
// Empty if every LockAcquired has its LockReleased on the same lane and no
// release comes without an acquire, else a description.
QString unbalancedLockViolation(const Trace &trace);

// ThreadStart..ThreadEnd of every lane that started.
std::vector<Interval> threadLifetimes(const Trace &trace);
// Lanes alive at time t (started at or before t, not yet ended).
std::vector<quint32> lanesAliveAt(const Trace &trace, qint64 t);
// The largest number of lanes alive at one instant; excludes main-thread lanes
// when onlyWorkers is set.
int maxConcurrentLanes(const Trace &trace, bool onlyWorkers = true);

// Sum of PacketSend (or PacketRecv) values per channel object: bytes each way.
QHash<quint32, qint64> bytesPerChannel(const Trace &trace, EventKind kind);
// Events of one kind whose text is text (an I/O wait on "recv", an error message ...), in time
// order.
std::vector<Event> eventsWithText(const Trace &trace, EventKind kind, const QString &text);
// SocketOp events whose text is op ("bind", "listen", "connect", ...), in time order.
std::vector<Event> socketOps(const Trace &trace, const QString &op);

} // namespace weft::testsupport
