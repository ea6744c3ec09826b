// SPDX-License-Identifier: MIT
#include "traceassertions.h"

#include <QHash>
#include <QMap>
#include <algorithm>

namespace weft::testsupport {

namespace {
QString describe(const Trace &trace, const Interval &interval)
{
    return QStringLiteral("%1 [%2 .. %3]")
        .arg(trace.actor(interval.actor).name)
        .arg(interval.beginNs)
        .arg(interval.isOpen() ? QStringLiteral("open") : QString::number(interval.endNs));
}
} // namespace

std::vector<Event> eventsOfActor(const Trace &trace, quint32 actor, EventKind kind)
{
    std::vector<Event> out;
    for (const Event &e : trace.events()) {
        if (e.actor == actor && (kind == EventKind::None || e.kind == kind))
            out.push_back(e);
    }
    return out;
}

QStringList printsOf(const Trace &trace, quint32 actor)
{
    QStringList out;
    for (const Event &e : eventsOfActor(trace, actor, EventKind::Print))
        out << trace.text(e.text);
    return out;
}

std::vector<Event> abnormalMarks(const Trace &trace)
{
    std::vector<Event> out;
    for (const Event &e : trace.eventsOfKind(EventKind::Mark)) {
        if (e.isAbnormal())
            out.push_back(e);
    }
    return out;
}

qint64 lastEventTime(const Trace &trace, quint32 actor)
{
    qint64 last = 0;
    for (const Event &e : trace.events()) {
        if (e.actor == actor)
            last = e.timeNs;
    }
    return last;
}

std::vector<Interval> pairedSpans(const Trace &trace, EventKind begin, EventKind end)
{
    std::vector<Interval> out;
    // (actor, object) -> indices of open intervals, innermost last.
    QHash<QPair<quint32, quint32>, QList<std::size_t>> open;
    for (const Event &e : trace.events()) {
        const QPair<quint32, quint32> key {e.actor, e.object};
        if (e.kind == begin) {
            open[key].append(out.size());
            out.push_back({e.actor, e.object, e.timeNs, Interval::kOpenEnd});
        } else if (e.kind == end) {
            auto it = open.find(key);
            if (it != open.end() && !it->isEmpty())
                out[it->takeLast()].endNs = e.timeNs;
        }
    }
    return out;
}

std::vector<Interval> lockHoldIntervals(const Trace &trace, quint32 lock)
{
    std::vector<Interval> all
        = pairedSpans(trace, EventKind::LockAcquired, EventKind::LockReleased);
    if (lock == 0)
        return all;
    std::vector<Interval> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [lock](const Interval &i) { return i.object == lock; });
    return out;
}

QString lockExclusivityViolation(const Trace &trace, quint32 lock)
{
    QMap<quint32, std::vector<Interval>> byLock;
    for (const Interval &i : lockHoldIntervals(trace, lock))
        byLock[i.object].push_back(i);
    for (auto it = byLock.begin(); it != byLock.end(); ++it) {
        auto &holds = it.value();
        std::sort(holds.begin(), holds.end(),
                  [](const Interval &a, const Interval &b) { return a.beginNs < b.beginNs; });
        // Sorted by start, exclusive holds each start at or after every earlier end.
        const Interval *latest = nullptr;
        for (const Interval &hold : holds) {
            if (latest && hold.beginNs < latest->endNs) {
                return QStringLiteral("lock %1 held by %2 while held by %3")
                    .arg(trace.object(it.key()).name, describe(trace, hold),
                         describe(trace, *latest));
            }
            if (!latest || hold.endNs > latest->endNs)
                latest = &hold;
        }
    }
    return {};
}

QString unbalancedLockViolation(const Trace &trace)
{
    QHash<QPair<quint32, quint32>, int> depth;
    for (const Event &e : trace.events()) {
        const QPair<quint32, quint32> key {e.actor, e.object};
        if (e.kind == EventKind::LockAcquired) {
            if (++depth[key] > 1) {
                return QStringLiteral("%1 acquired %2 twice without releasing it")
                    .arg(trace.actor(e.actor).name, trace.object(e.object).name);
            }
        } else if (e.kind == EventKind::LockReleased) {
            if (--depth[key] < 0) {
                return QStringLiteral("%1 released %2 without holding it")
                    .arg(trace.actor(e.actor).name, trace.object(e.object).name);
            }
        }
    }
    for (auto it = depth.cbegin(); it != depth.cend(); ++it) {
        if (it.value() != 0) {
            return QStringLiteral("%1 never released %2")
                .arg(trace.actor(it.key().first).name, trace.object(it.key().second).name);
        }
    }
    return {};
}

std::vector<Interval> threadLifetimes(const Trace &trace)
{
    return pairedSpans(trace, EventKind::ThreadStart, EventKind::ThreadEnd);
}

std::vector<quint32> lanesAliveAt(const Trace &trace, qint64 t)
{
    std::vector<quint32> out;
    for (const Interval &life : threadLifetimes(trace)) {
        if (life.beginNs <= t && t < life.endNs)
            out.push_back(life.actor);
    }
    return out;
}

int maxConcurrentLanes(const Trace &trace, bool onlyWorkers)
{
    // Sweep over start (+1) and end (-1) points; at equal times ends come
    // first, so a lane that starts as another ends does not count as overlap.
    std::vector<std::pair<qint64, int>> points;
    for (const Interval &life : threadLifetimes(trace)) {
        if (onlyWorkers && trace.actor(life.actor).isMainThread)
            continue;
        points.emplace_back(life.beginNs, +1);
        if (!life.isOpen())
            points.emplace_back(life.endNs, -1);
    }
    std::sort(points.begin(), points.end());
    int alive = 0;
    int most = 0;
    for (const auto &[time, delta] : points) {
        alive += delta;
        most = std::max(most, alive);
    }
    return most;
}

QHash<quint32, qint64> bytesPerChannel(const Trace &trace, EventKind kind)
{
    QHash<quint32, qint64> sums;
    for (const Event &e : trace.eventsOfKind(kind))
        sums[e.object] += e.value;
    return sums;
}

std::vector<Event> eventsWithText(const Trace &trace, EventKind kind, const QString &text)
{
    std::vector<Event> result;
    for (const Event &e : trace.eventsOfKind(kind)) {
        if (trace.text(e.text) == text)
            result.push_back(e);
    }
    return result;
}

std::vector<Event> socketOps(const Trace &trace, const QString &op)
{
    return eventsWithText(trace, EventKind::SocketOp, op);
}

} // namespace weft::testsupport
