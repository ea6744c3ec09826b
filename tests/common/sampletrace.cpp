// SPDX-License-Identifier: MIT
#include "sampletrace.h"

#include "core/tracebuilder.h"

namespace weft::testsupport {

SampleTrace makeSampleTrace(qint64 startNs)
{
    SampleTrace s;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    s.main = builder.addActor({QStringLiteral("MainThread"), 100, process, true, false});
    s.a = builder.addActor({QStringLiteral("A"), 101, process, false, false});
    s.b = builder.addActor({QStringLiteral("B"), 102, process, false, false});
    s.lock = builder.addObject({QStringLiteral("L"), ObjectKind::Lock});
    s.channel = builder.addObject({QStringLiteral("tcp A→B"), ObjectKind::Channel});
    s.queue = builder.addObject({QStringLiteral("q"), ObjectKind::Queue});
    s.counter = builder.addObject({QStringLiteral("count"), ObjectKind::Counter});
    s.condition = builder.addObject({QStringLiteral("cv \"ready\""), ObjectKind::Condition});
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   const QString &text = {}) {
        Event e;
        e.timeNs = startNs + t;
        e.kind = kind;
        e.actor = actor;
        e.object = object;
        e.value = value;
        e.text = builder.intern(text);
        if (kind == EventKind::Error)
            e.flags = Abnormal;
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
    add(26, EventKind::SpanBegin, s.a, 0, 0, QStringLiteral("work"));
    add(30, EventKind::LockAcquired, s.a, s.lock);
    add(30, EventKind::CounterValue, s.a, s.counter, 1);
    add(35, EventKind::LockWait, s.b, s.lock);
    add(40, EventKind::Print, s.a, 0, 0, QStringLiteral("hello from A"));
    add(44, EventKind::SpanEnd, s.a, 0, 0, QStringLiteral("work"));
    add(45, EventKind::PacketSend, s.a, s.channel, 10, QStringLiteral("0123456789"));
    add(60, EventKind::LockReleased, s.a, s.lock);
    add(60, EventKind::SleepBegin, s.a, 0, 20);
    add(60, EventKind::LockAcquired, s.b, s.lock);
    add(60, EventKind::CounterValue, s.b, s.counter, 2);
    add(70, EventKind::LockReleased, s.b, s.lock);
    add(72, EventKind::IoWaitBegin, s.b, s.channel, 0, QStringLiteral("recv"));
    add(75, EventKind::IoWaitEnd, s.b, s.channel);
    add(75, EventKind::PacketRecv, s.b, s.channel, 4, QStringLiteral("0123"));
    add(78, EventKind::PacketRecv, s.b, s.channel, 6, QStringLiteral("456789"));
    add(80, EventKind::SleepEnd, s.a);
    add(80, EventKind::CondWait, s.b, s.condition);
    add(84, EventKind::CondNotify, s.a, s.condition, 1);
    add(85, EventKind::CondWake, s.b, s.condition);
    add(86, EventKind::Mark, s.b, 0, 0, QStringLiteral("checked"));
    add(90, EventKind::ThreadEnd, s.b);
    add(95, EventKind::Error, s.a, 0, 0, QStringLiteral("failed: \"quoted\"\n\ttab"));
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

} // namespace weft::testsupport
