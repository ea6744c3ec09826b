// SPDX-License-Identifier: MIT
#include "core/trace.h"
#include "core/tracebuilder.h"

#include <QTest>

using namespace weft;

class TestTrace : public QObject
{
    Q_OBJECT
private slots:
    void actorDisplayNameIsTheActorsOwnName();
    void unnamedActorIsCalledThreadAndItsId();
    void unknownActorIsCalledThreadAndItsId();
    void unnamedObjectIsCalledObjectAndItsId();
};

void TestTrace::actorDisplayNameIsTheActorsOwnName()
{
    TraceBuilder builder;
    const quint32 worker = builder.addActor({QStringLiteral("worker-1"), 0, 0, false, false});
    const Trace trace = builder.build();
    QCOMPARE(actorDisplayName(trace, worker), QStringLiteral("worker-1"));
    QCOMPARE(actorDisplayName(trace.actor(worker), worker), QStringLiteral("worker-1"));
}

void TestTrace::unnamedActorIsCalledThreadAndItsId()
{
    TraceBuilder builder;
    builder.addActor({QStringLiteral("MainThread"), 0, 0, true, false});
    const quint32 unnamed = builder.addActor({});
    const Trace trace = builder.build();
    QCOMPARE(unnamed, 2u);
    // The same words as the timeline's label, a deadlock sentence and a detail row.
    QCOMPARE(actorDisplayName(trace, unnamed), QStringLiteral("thread 2"));
    QCOMPARE(actorDisplayName(ActorInfo {}, 7), QStringLiteral("thread 7"));
}

void TestTrace::unknownActorIsCalledThreadAndItsId()
{
    // Ids may come from a file: one past the table is named, not a crash.
    const Trace trace = TraceBuilder().build();
    QCOMPARE(actorDisplayName(trace, 3), QStringLiteral("thread 3"));
}

void TestTrace::unnamedObjectIsCalledObjectAndItsId()
{
    TraceBuilder builder;
    const quint32 named = builder.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    const quint32 unnamed = builder.addObject({QString(), ObjectKind::Lock});
    const Trace trace = builder.build();
    // One name in the details, the breakdown's columns and the deadlock sentences.
    QCOMPARE(objectDisplayName(trace, named), QStringLiteral("L1"));
    QCOMPARE(objectDisplayName(trace, unnamed), QStringLiteral("object 2"));
    QCOMPARE(objectDisplayName(QString(), 9), QStringLiteral("object 9"));
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
