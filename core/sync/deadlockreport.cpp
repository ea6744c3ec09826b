// SPDX-License-Identifier: MIT
#include "deadlockreport.h"

#include "core/runcontext.h"
#include "core/trace.h"

#include <QCoreApplication>
#include <QStringList>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Deadlock)
};

QString actorName(RunContext &context, quint32 actor)
{
    return actorDisplayName(context.recorder().actorInfo(actor), actor);
}

QString describeEdge(RunContext &context, const WaitEdge &edge)
{
    return describeWaitEdge(edge, actorName(context, edge.waiter),
                            context.waitGraph().name(edge.target), actorName(context, edge.holder));
}
} // namespace

QString describeWaitEdge(const WaitEdge &edge, const QString &waiter, const QString &object,
                         const QString &holder)
{
    if (edge.target.kind == WaitTarget::Kind::Thread)
        return Tr::tr("%1 waits for %2 to finish").arg(waiter, holder);
    return Tr::tr("%1 waits for %2 held by %3")
        .arg(waiter, objectDisplayName(object, edge.target.id), holder);
}

QString describeWaitCycle(RunContext &context, const WaitCycle &cycle)
{
    QStringList parts;
    for (const WaitEdge &edge : cycle)
        parts.append(describeEdge(context, edge));
    return parts.join(QStringLiteral(", "));
}

bool detectDeadlock(RunContext &context, quint32 actor)
{
    WaitForGraph &graph = context.waitGraph();
    const std::optional<WaitCycle> cycle = graph.cycleThrough(actor);
    if (!cycle)
        return false;
    if (!graph.claimDeadlockReport())
        return true;

    // One mark per member, on the member's own lane, pointing at what it waits
    // for and (in value) who holds it: enough for the timeline to draw the cycle.
    Recorder &recorder = context.recorder();
    for (const WaitEdge &edge : *cycle) {
        const quint32 object = edge.target.kind == WaitTarget::Kind::Object ? edge.target.id : 0;
        const quint32 text
            = recorder.intern(Tr::tr("deadlock: %1").arg(describeEdge(context, edge)));
        recorder.record(EventKind::Mark, edge.waiter, object, edge.holder, text, 0,
                        Abnormal | WaitsFor);
    }

    Outcome outcome;
    outcome.status = Outcome::Status::Deadlocked;
    outcome.summary = Tr::tr("Deadlock detected: %1. The run was stopped instead of hanging.")
                          .arg(describeWaitCycle(context, *cycle));
    outcome.setValue(QStringLiteral("cycle_length"), cycle->size());
    for (int i = 0; i < cycle->size(); ++i) {
        const WaitEdge &edge = cycle->at(i);
        outcome.setValue(QStringLiteral("cycle_thread_%1").arg(i + 1), edge.waiter);
        if (edge.target.kind == WaitTarget::Kind::Object)
            outcome.setValue(QStringLiteral("cycle_object_%1").arg(i + 1), edge.target.id);
    }
    context.setOutcome(outcome);
    context.cancel(Outcome::Status::Deadlocked);
    return true;
}

} // namespace weft
