// SPDX-License-Identifier: MIT
#include "checksupport.h"

#include <QRegularExpression>
#include <algorithm>

namespace weft::pythonchecks {

std::vector<quint32> startedThreads(const Trace &trace)
{
    std::vector<quint32> threads;
    for (const Event &e : trace.eventsOfKind(EventKind::ThreadStart)) {
        const ActorInfo info = trace.actor(e.actor);
        if (!info.isMainThread && info.process == 1)
            threads.push_back(e.actor);
    }
    return threads;
}

quint32 mainThread(const Trace &trace)
{
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        const ActorInfo info = trace.actor(a);
        if (info.process == 1 && info.isMainThread)
            return a;
    }
    return 0;
}

std::vector<Event> eventsOn(const Trace &trace, EventKind kind, quint32 actor)
{
    std::vector<Event> events = trace.eventsOfKind(kind);
    std::erase_if(events, [&](const Event &e) { return e.actor != actor; });
    return events;
}

quint32 threadNamed(const Trace &trace, const QString &name)
{
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        const ActorInfo info = trace.actor(a);
        if (info.process == 1 && info.name == name)
            return a;
    }
    return 0;
}

std::map<quint32, StateLock> threadStateLocks(const Trace &trace)
{
    struct Lane
    {
        std::map<quint32, qint64> taken; // lock -> when the thread took it
        StateLock longest;
        qint64 longestHold = -1;
        void consider(quint32 lock, qint64 hold, qint64 releasedNs)
        {
            if (hold > longestHold) {
                longest = {lock, releasedNs};
                longestHold = hold;
            }
        }
    };
    std::map<quint32, Lane> lanes;
    for (const Event &e : trace.events()) {
        if ((e.kind != EventKind::LockAcquired && e.kind != EventKind::LockReleased)
            || trace.object(e.object).kind != ObjectKind::Lock)
            continue;
        if (e.kind == EventKind::LockAcquired && e.site == 0) {
            lanes[e.actor].taken.try_emplace(e.object, e.timeNs);
        } else if (e.kind == EventKind::LockReleased) {
            const auto lane = lanes.find(e.actor);
            if (lane == lanes.end())
                continue;
            const auto taken = lane->second.taken.find(e.object);
            if (taken == lane->second.taken.end())
                continue;
            lane->second.consider(e.object, e.timeNs - taken->second, e.timeNs);
            lane->second.taken.erase(taken);
        }
    }
    std::map<quint32, StateLock> locks;
    for (auto &[actor, lane] : lanes) {
        for (const auto &[lock, since] : lane.taken) // still held when the trace ends
            lane.consider(lock, trace.endNs() - since, -1);
        locks[actor] = lane.longest;
    }
    return locks;
}

quint32 threadStateLock(const std::map<quint32, StateLock> &locks, quint32 thread)
{
    const auto found = locks.find(thread);
    return found == locks.end() ? 0 : found->second.lock;
}

qint64 threadFinishedNs(const Trace &trace, const std::map<quint32, StateLock> &locks,
                        quint32 thread)
{
    const auto found = locks.find(thread);
    if (found != locks.end() && found->second.releasedNs >= 0)
        return found->second.releasedNs;
    const std::vector<Event> ends = eventsOn(trace, EventKind::ThreadEnd, thread);
    return ends.empty() ? -1 : ends.front().timeNs;
}

qint64 waitedFor(const Trace &trace, quint32 waiter, quint32 lock, bool atScriptLines)
{
    qint64 waited = 0, since = -1;
    for (const Event &e : trace.events()) {
        if (e.actor != waiter || !lock || e.object != lock)
            continue;
        if (e.kind == EventKind::LockWait)
            since = (e.site != 0) == atScriptLines ? e.timeNs : -1;
        else if (e.kind == EventKind::LockAcquired && since >= 0) {
            waited += e.timeNs - since;
            since = -1;
        }
    }
    return waited;
}

int countOn(const Trace &trace, EventKind kind, quint32 actor)
{
    const std::vector<Event> events = trace.eventsOfKind(kind);
    return int(std::count_if(events.begin(), events.end(),
                             [&](const Event &e) { return actor && e.actor == actor; }));
}

int countOn(const Trace &trace, EventKind kind, const std::vector<quint32> &actors)
{
    const std::vector<Event> events = trace.eventsOfKind(kind);
    return int(std::count_if(events.begin(), events.end(), [&](const Event &e) {
        return std::find(actors.begin(), actors.end(), e.actor) != actors.end();
    }));
}

qint64 bytesOn(const Trace &trace, EventKind kind, const std::vector<quint32> &actors)
{
    qint64 bytes = 0;
    for (const Event &e : trace.eventsOfKind(kind)) {
        if (std::find(actors.begin(), actors.end(), e.actor) != actors.end())
            bytes += e.value;
    }
    return bytes;
}

QRegularExpressionMatch printed(const Trace &trace, quint32 actor,
                                const QRegularExpression &pattern)
{
    for (const Event &e : eventsOn(trace, EventKind::Print, actor)) {
        QRegularExpressionMatch match = pattern.match(trace.text(e.text).trimmed());
        if (match.hasMatch())
            return match;
    }
    return {};
}

Children children(const Trace &trace)
{
    Children result;
    for (const Event &e : trace.eventsOfKind(EventKind::ProcessExit)) {
        if (trace.actor(e.actor).process == 1)
            continue;
        ++result.count;
        result.ok += e.value == 0 && !e.isAbnormal();
    }
    return result;
}

Outcome completedIf(bool ok, const QString &summary, const QString &otherwise)
{
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary = ok ? summary : otherwise;
    return outcome;
}

} // namespace weft::pythonchecks
