// SPDX-License-Identifier: MIT
#pragma once

#include "core/tracebuilder.h"

namespace weft::testsupport {

// A run of a counting lesson for comparison tests: a main thread from 0 to
// `durationMs` and a worker (named `worker`) running from 2 ms to 6 ms, every
// time `startNs` later (two runs never share a clock origin), with the
// outcome values a counting lesson reports. `idleLanes` more threads run 0..1 ms.
inline Trace countingRun(qint64 startNs, int durationMs, const QString &worker, qint64 lost,
                         const QString &mode, int idleLanes = 0)
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4242, QStringLiteral("weft")});
    const quint32 main
        = builder.addActor({QStringLiteral("MainThread"), 100, process, true, false});
    const quint32 thread = builder.addActor({worker, 101, process, false, false});
    auto add = [&](qint64 ms, EventKind kind, quint32 actor) {
        Event e;
        e.timeNs = startNs + ms * 1'000'000;
        e.kind = kind;
        e.actor = actor;
        builder.addEvent(e);
    };
    add(0, EventKind::ThreadStart, main);
    add(2, EventKind::ThreadStart, thread);
    add(6, EventKind::ThreadEnd, thread);
    add(durationMs, EventKind::ThreadEnd, main);
    for (int i = 0; i < idleLanes; ++i) {
        const quint32 idle
            = builder.addActor({QStringLiteral("idle-%1").arg(i), 200 + i, process, false, false});
        add(0, EventKind::ThreadStart, idle);
        add(1, EventKind::ThreadEnd, idle);
    }
    TraceMetadata &meta = builder.metadata();
    meta.scenarioId = QStringLiteral("locks.counter");
    meta.title = QStringLiteral("Many threads, one counter");
    meta.parameters
        = {{QStringLiteral("mode"), mode}, {QStringLiteral("threads"), QStringLiteral("2")}};
    meta.outcome.status = Outcome::Status::Completed;
    meta.outcome.summary = lost > 0
        ? QStringLiteral("counter = %1: %2 updates lost.").arg(200 - lost).arg(lost)
        : QStringLiteral("counter = 200 as expected.");
    meta.outcome.setValue(QStringLiteral("expected"), 200);
    meta.outcome.setValue(QStringLiteral("final"), 200 - lost);
    meta.outcome.setValue(QStringLiteral("lost"), lost);
    return builder.build();
}

} // namespace weft::testsupport
