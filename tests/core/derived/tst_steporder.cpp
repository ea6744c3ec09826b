// SPDX-License-Identifier: MIT
#include "core/derived/steporder.h"
#include "core/tracebuilder.h"

#include <QTest>

using namespace weft;

class TestStepOrder : public QObject
{
    Q_OBJECT

private slots:
    void eachEventHasItsOwnColumnInRecordedOrder();
    void idsAndTablesAreKept();
    void anEmptyTraceStaysEmpty();
};

namespace {

// Two threads, long idle gaps, two events at the same instant (recorded
// worker first, then main) and a lock between them.
Trace makeSample()
{
    TraceBuilder b;
    const quint32 p = b.addProcess({1000, QStringLiteral("p")});
    const quint32 main = b.addActor({QStringLiteral("main"), 1, p, true, false});
    const quint32 worker = b.addActor({QStringLiteral("worker"), 2, p, false, false});
    const quint32 lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    const quint32 text = b.intern(QStringLiteral("lost update"));
    const quint16 site = b.addSite({QStringLiteral("a.cpp"), 7});
    auto add = [&](qint64 t, quint32 actor, EventKind kind, quint32 object = 0, quint32 text = 0) {
        b.addEvent({t, 0, actor, object, text, site, kind, NoFlags});
    };
    add(100, main, EventKind::ThreadStart);
    add(5'000'000'000, worker, EventKind::ThreadStart); // five seconds of thinking
    add(5'000'000'000, main, EventKind::LockAcquired, lock);
    add(9'000'000'000, worker, EventKind::LockWait, lock);
    add(9'000'000'001, main, EventKind::LockReleased, lock);
    add(9'000'000'002, worker, EventKind::Mark, 0, text);
    b.metadata().scenarioId = QStringLiteral("locks.race");
    return b.build();
}

} // namespace

void TestStepOrder::eachEventHasItsOwnColumnInRecordedOrder()
{
    const Trace real = makeSample();
    const Trace steps = StepOrder::map(real);
    QCOMPARE(steps.events().size(), real.events().size());
    for (std::size_t i = 0; i < steps.events().size(); ++i) {
        const Event &e = steps.events()[i];
        // Column i + 1, whatever the real gap was: equal times get two columns.
        QCOMPARE(e.timeNs, StepOrder::timeOfStep(qint64(i) + 1));
        QCOMPARE(StepOrder::stepAt(e.timeNs), qint64(i) + 1);
        // The same event at the same index: only its time differs.
        Event same = real.events()[i];
        same.timeNs = e.timeNs;
        QCOMPARE(e, same);
    }
    QCOMPARE(steps.startNs(), StepOrder::kUnitNs);
    QCOMPARE(steps.endNs(), StepOrder::timeOfStep(6));
    QCOMPARE(StepOrder::liveEnd(steps), StepOrder::timeOfStep(7));
}

void TestStepOrder::idsAndTablesAreKept()
{
    const Trace real = makeSample();
    const Trace steps = StepOrder::map(real);
    QCOMPARE(steps.actorCount(), real.actorCount());
    QCOMPARE(steps.findActor(QStringLiteral("worker")), real.findActor(QStringLiteral("worker")));
    QCOMPARE(steps.object(1).name, QStringLiteral("L"));
    QCOMPARE(steps.process(1).pid, real.process(1).pid);
    QCOMPARE(steps.text(steps.events().back().text), QStringLiteral("lost update"));
    QCOMPARE(steps.site(1).line, 7);
    QCOMPARE(steps.metadata().scenarioId, QStringLiteral("locks.race"));
}

void TestStepOrder::anEmptyTraceStaysEmpty()
{
    const Trace steps = StepOrder::map(Trace());
    QVERIFY(steps.isEmpty());
    QCOMPARE(StepOrder::liveEnd(steps), StepOrder::timeOfStep(1));
}

QTEST_GUILESS_MAIN(TestStepOrder)
#include "tst_steporder.moc"
