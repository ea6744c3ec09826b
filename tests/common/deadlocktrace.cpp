// SPDX-License-Identifier: MIT
#include "deadlocktrace.h"

#include "core/tracebuilder.h"

namespace weft::testsupport {

DeadlockTrace makeDeadlockTrace(bool withMarks)
{
    DeadlockTrace d;
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    d.t1 = builder.addActor({QStringLiteral("T1"), 101, process, false, false});
    d.t2 = builder.addActor({QStringLiteral("T2"), 102, process, false, false});
    d.l1 = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    d.l2 = builder.addObject({QStringLiteral("L2"), ObjectKind::Lock});
    auto add = [&](qint64 t, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   quint8 flags = NoFlags, const QString &text = {}) {
        builder.addEvent({t, value, actor, object, builder.intern(text), 0, kind, flags});
    };
    add(0, EventKind::ThreadStart, d.t1, 0, 101);
    add(0, EventKind::ThreadStart, d.t2, 0, 102);
    add(1, EventKind::LockAcquired, d.t1, d.l1);
    add(1, EventKind::LockAcquired, d.t2, d.l2);
    add(50, EventKind::LockWait, d.t1, d.l2);
    add(50, EventKind::LockWait, d.t2, d.l1);
    if (withMarks) {
        add(100, EventKind::Mark, d.t1, d.l2, d.t2, Abnormal | WaitsFor,
            QStringLiteral("deadlock: T1 waits for L2 held by T2"));
        add(100, EventKind::Mark, d.t2, d.l1, d.t1, Abnormal | WaitsFor,
            QStringLiteral("deadlock: T2 waits for L1 held by T1"));
    }
    add(104, EventKind::ThreadEnd, d.t1, 0, 0, Abnormal);
    add(104, EventKind::ThreadEnd, d.t2, 0, 0, Abnormal);
    d.trace = builder.build();
    return d;
}

} // namespace weft::testsupport
