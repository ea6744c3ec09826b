// SPDX-License-Identifier: MIT
#pragma once

#include "core/tracebuilder.h"

namespace weft::test {

// A small hand-built trace that uses every kind of interval and arrow the
// exporter knows: 3 lanes, 9 arrows (2 spawn, 2 join, 2 packet, 1 message,
// 1 lock handoff, 1 notify), 2 lock holds, 9 state spans, 1 phase,
// 3 instants, 2 counter values and 3 packet byte counts.
inline Trace makeSampleTrace()
{
    TraceBuilder b;
    const quint32 process = b.addProcess({4242, QStringLiteral("weft")});
    ActorInfo mainInfo {QStringLiteral("MainThread"), 4242, process, true, false};
    const quint32 main = b.addActor(mainInfo);
    const quint32 w1 = b.addActor({QStringLiteral("worker-1"), 4243, process, false, false});
    const quint32 w2 = b.addActor({QStringLiteral("worker \"2\""), 4244, process, false, false});
    const quint32 lock = b.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    const quint32 channel = b.addObject({QStringLiteral("tcp client→server"), ObjectKind::Channel});
    const quint32 queue = b.addObject({QStringLiteral("queue"), ObjectKind::Queue});
    const quint32 depth = b.addObject({QStringLiteral("queue depth"), ObjectKind::Counter});
    const quint32 cv = b.addObject({QStringLiteral("cv"), ObjectKind::Condition});
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   const QString &text = {}) {
        Event e;
        e.timeNs = 1'000'000'000 + t;
        e.kind = kind;
        e.actor = actor;
        e.object = object;
        e.value = value;
        e.text = b.intern(text);
        if (kind == EventKind::Error)
            e.flags = Abnormal;
        b.addEvent(e);
    };
    add(1000, EventKind::ThreadSpawn, main, 0, w1);
    add(1500, EventKind::ThreadSpawn, main, 0, w2);
    add(2000, EventKind::JoinWait, main, 0, w1);
    add(9000, EventKind::JoinDone, main, 0, w1);
    add(9000, EventKind::JoinWait, main, 0, w2);
    add(9500, EventKind::JoinDone, main, 0, w2);
    add(9600, EventKind::Print, main, 0, 0, QStringLiteral("done\n\"quoted\"\ttab"));

    add(1100, EventKind::ThreadStart, w1, 0, 4243);
    add(1200, EventKind::LockAcquired, w1, lock);
    add(1300, EventKind::PacketSend, w1, channel, 100, QStringLiteral("GET /"));
    add(1400, EventKind::MessageSend, w1, queue, 8);
    add(1401, EventKind::CounterValue, w1, depth, 1);
    add(3000, EventKind::LockReleased, w1, lock);
    add(3100, EventKind::SleepBegin, w1, 0, 1000);
    add(4100, EventKind::SleepEnd, w1);
    add(4200, EventKind::CondNotify, w1, cv, 1);
    add(4300, EventKind::SpanBegin, w1, 0, 0, QStringLiteral("phase A"));
    add(4400, EventKind::SpanEnd, w1, 0, 0, QStringLiteral("phase A"));
    add(8000, EventKind::ThreadEnd, w1);

    add(1600, EventKind::ThreadStart, w2, 0, 4244);
    add(1700, EventKind::LockWait, w2, lock);
    add(3050, EventKind::LockAcquired, w2, lock);
    add(3100, EventKind::PacketRecv, w2, channel, 60);
    add(3200, EventKind::PacketRecv, w2, channel, 40);
    add(3300, EventKind::MessageRecv, w2, queue, 8);
    add(3301, EventKind::CounterValue, w2, depth, 0);
    add(3400, EventKind::LockReleased, w2, lock);
    add(3500, EventKind::CondWait, w2, cv);
    add(4250, EventKind::CondWake, w2, cv);
    add(4300, EventKind::Mark, w2, 0, 0, QStringLiteral("lost update"));
    add(4350, EventKind::Error, w2, 0, 0, QStringLiteral("oops"));
    add(4400, EventKind::IoWaitBegin, w2, channel, 0, QStringLiteral("reply"));
    add(4500, EventKind::IoWaitEnd, w2, channel);
    add(9400, EventKind::ThreadEnd, w2);
    b.metadata().title = QStringLiteral("sample");
    return b.build();
}

} // namespace weft::test
