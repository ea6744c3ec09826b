// SPDX-License-Identifier: MIT
#include "synthetictrace.h"

#include "core/tracebuilder.h"

#include <random>

namespace weft::bench {

Trace syntheticTrace(int eventCount, bool withSlices, int kThreads)
{
    constexpr int kLocks = 4;
    TraceBuilder builder;
    builder.reserveEvents(std::size_t(eventCount) + 64);
    const quint32 process = builder.addProcess({1, QStringLiteral("bench")});
    std::vector<quint32> actors, locks;
    for (int i = 0; i < kThreads; ++i)
        actors.push_back(builder.addActor(
            {QStringLiteral("Thread-%1").arg(i), 1000 + i, process, i == 0, false}));
    for (int i = 0; i < kLocks; ++i)
        locks.push_back(builder.addObject({QStringLiteral("lock %1").arg(i), ObjectKind::Lock}));
    const quint32 channel = builder.addObject({QStringLiteral("channel"), ObjectKind::Channel});
    const quint32 counter = builder.addObject({QStringLiteral("in flight"), ObjectKind::Counter});
    const quint32 text = builder.intern(QStringLiteral("iteration done"));
    const quint32 cycleName = builder.intern(QStringLiteral("cycle"));
    const quint32 criticalName = builder.intern(QStringLiteral("critical section"));

    std::mt19937 random(42);
    const qint64 duration = 1000000000; // 1 s
    // Each thread does cycles of ~10 events; spread the cycles over the second.
    const int eventsPerCycle = withSlices ? 14 : 10;
    const int cyclesPerThread = std::max(1, eventCount / kThreads / eventsPerCycle);
    const qint64 cycleNs = duration / cyclesPerThread;
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   quint32 txt = 0) {
        builder.addEvent({t, value, actor, object, txt, 0, kind, 0});
    };
    for (int ti = 0; ti < kThreads; ++ti) {
        const quint32 actor = actors[std::size_t(ti)];
        add(0, EventKind::ThreadStart, actor, 0, 1000 + ti);
        for (int c = 0; c < cyclesPerThread; ++c) {
            const qint64 t0 = c * cycleNs + qint64(random() % std::uint64_t(cycleNs / 10 + 1));
            const quint32 lock = locks[random() % kLocks];
            const qint64 step = cycleNs / 12;
            add(t0, EventKind::LockWait, actor, lock);
            add(t0 + step, EventKind::LockAcquired, actor, lock);
            add(t0 + 2 * step, EventKind::Print, actor, 0, 0, text);
            add(t0 + 3 * step, EventKind::PacketSend, actor, channel, 100);
            add(t0 + 3 * step, EventKind::CounterValue, 0, counter, qint64(random() % 100));
            add(t0 + 4 * step, EventKind::LockReleased, actor, lock);
            add(t0 + 5 * step, EventKind::SleepBegin, actor, 0, step);
            add(t0 + 6 * step, EventKind::SleepEnd, actor);
            add(t0 + 7 * step, EventKind::PacketRecv, actors[std::size_t((ti + 1) % kThreads)],
                channel, 100);
            add(t0 + 8 * step, EventKind::Mark, actor, 0, 0, text);
            if (withSlices) {
                add(t0, EventKind::SpanBegin, actor, 0, 9 * step, cycleName);
                add(t0 + step, EventKind::SpanBegin, actor, 0, 3 * step, criticalName);
                add(t0 + 4 * step, EventKind::SpanEnd, actor, 0, 3 * step, criticalName);
                add(t0 + 9 * step, EventKind::SpanEnd, actor, 0, 9 * step, cycleName);
            }
        }
        add(duration, EventKind::ThreadEnd, actor);
    }
    return builder.build();
}

} // namespace weft::bench
