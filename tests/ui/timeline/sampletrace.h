// SPDX-License-Identifier: MIT
#pragma once

#include "core/tracebuilder.h"

// A small hand-built trace with one of everything the timeline draws, at
// round nanosecond times so tests can name exact instants:
//   MainThread  starts 0, spawns A at 10 and B at 12, sends a message at 15,
//               waits in join(A) 20..110, join(B) returns at once, ends 120
//   A           starts 15, receives the message 25, holds L 30..60, prints at 40,
//               sends 10 bytes on ch at 45, sleeps 60..80, ends 100
//   B           starts 18, waits for L 35..60, holds L 60..70, receives 4 + 6
//               bytes on ch at 75 and 78, ends 90
//   counter     1 at 30, 2 at 60
namespace weft::testing {

struct SampleTrace
{
    Trace trace;
    quint32 main = 0, a = 0, b = 0;
    quint32 lock = 0, channel = 0, queue = 0, counter = 0;
};

inline SampleTrace makeSampleTrace()
{
    SampleTrace s;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    s.main = builder.addActor({QStringLiteral("MainThread"), 100, process, true, false});
    s.a = builder.addActor({QStringLiteral("A"), 101, process, false, false});
    s.b = builder.addActor({QStringLiteral("B"), 102, process, false, false});
    s.lock = builder.addObject({QStringLiteral("L"), ObjectKind::Lock});
    s.channel = builder.addObject({QStringLiteral("ch"), ObjectKind::Channel});
    s.queue = builder.addObject({QStringLiteral("q"), ObjectKind::Queue});
    s.counter = builder.addObject({QStringLiteral("count"), ObjectKind::Counter});
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   const QString &text = {}) {
        Event e;
        e.timeNs = t;
        e.kind = kind;
        e.actor = actor;
        e.object = object;
        e.value = value;
        e.text = builder.intern(text);
        builder.addEvent(e);
    };
    add(0, EventKind::ThreadStart, s.main, 0, 100);
    add(10, EventKind::ThreadSpawn, s.main, 0, s.a);
    add(12, EventKind::ThreadSpawn, s.main, 0, s.b);
    add(15, EventKind::ThreadStart, s.a, 0, 101);
    add(15, EventKind::MessageSend, s.main, s.queue, 8, QStringLiteral("job"));
    add(18, EventKind::ThreadStart, s.b, 0, 102);
    add(20, EventKind::JoinWait, s.main, 0, s.a);
    add(25, EventKind::MessageRecv, s.a, s.queue, 8, QStringLiteral("job"));
    add(30, EventKind::LockAcquired, s.a, s.lock);
    add(30, EventKind::CounterValue, 0, s.counter, 1);
    add(35, EventKind::LockWait, s.b, s.lock);
    add(40, EventKind::Print, s.a, 0, 0, QStringLiteral("hello from A"));
    add(45, EventKind::PacketSend, s.a, s.channel, 10, QStringLiteral("0123456789"));
    add(60, EventKind::LockReleased, s.a, s.lock);
    add(60, EventKind::SleepBegin, s.a, 0, 20);
    add(60, EventKind::LockAcquired, s.b, s.lock);
    add(60, EventKind::CounterValue, 0, s.counter, 2);
    add(70, EventKind::LockReleased, s.b, s.lock);
    add(75, EventKind::PacketRecv, s.b, s.channel, 4, QStringLiteral("0123"));
    add(78, EventKind::PacketRecv, s.b, s.channel, 6, QStringLiteral("456789"));
    add(80, EventKind::SleepEnd, s.a);
    add(90, EventKind::ThreadEnd, s.b);
    add(100, EventKind::ThreadEnd, s.a);
    add(110, EventKind::JoinDone, s.main, 0, s.a);
    add(110, EventKind::JoinWait, s.main, 0, s.b);
    add(110, EventKind::JoinDone, s.main, 0, s.b);
    add(120, EventKind::ThreadEnd, s.main);
    builder.metadata().scenarioId = QStringLiteral("test.sample");
    builder.metadata().title = QStringLiteral("Sample");
    builder.metadata().outcome.status = Outcome::Status::Completed;
    builder.metadata().outcome.summary = QStringLiteral("all good");
    s.trace = builder.build();
    return s;
}

} // namespace weft::testing
