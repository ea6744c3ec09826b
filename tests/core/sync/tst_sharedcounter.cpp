// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/sync/sharedcounter.h"
#include "core/thread.h"
#include "tests/common/functionscenario.h"
#include "tests/common/scopedrun.h"
#include "tests/common/traceassertions.h"

#include <QTest>
#include <chrono>

using namespace weft;
using namespace std::chrono_literals;
using testsupport::abnormalMarks;
using testsupport::FunctionScenario;
using testsupport::ScopedRun;

class TestSharedCounter : public QObject
{
    Q_OBJECT
private slots:
    void aReadAndAWriteAreRecordedOnTheCallersLine();
    void aWriteOverAnotherThreadsUpdateIsALostUpdate();
    void aWriteWithoutAReadIsNoLostUpdate();
    void lostUpdatesOnlyRecordsNoAccessAndCapsItsMarks();
    void readAndWriteAreSeparateSteps();
};

void TestSharedCounter::aReadAndAWriteAreRecordedOnTheCallersLine()
{
    ScopedRun run;
    SharedCounter counter(QStringLiteral("counter"));
    counter.reset(3);
    const int line = __LINE__ + 1;
    const qint64 value = counter.read();
    counter.write(value + 1); // on the next line
    QCOMPARE(value, 3);
    QCOMPARE(counter.value(), 4);
    QCOMPARE(counter.overwrites(), 0);

    const Trace trace = run.trace();
    QCOMPARE(trace.object(counter.object()).kind, ObjectKind::Counter);
    QCOMPARE(trace.object(counter.object()).name, QStringLiteral("counter"));
    const auto &events = trace.events();
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].kind, EventKind::CounterValue); // the reset
    QCOMPARE(events[0].value, 3);
    QCOMPARE(events[1].kind, EventKind::Mark);
    QCOMPARE(events[1].value, 3);
    QVERIFY(!events[1].isAbnormal());
    QCOMPARE(trace.text(events[1].text), QStringLiteral("read counter = 3"));
    QCOMPARE(trace.site(events[1].site).line, line);
    QCOMPARE(events[2].kind, EventKind::CounterValue);
    QCOMPARE(events[2].value, 4);
    QCOMPARE(trace.site(events[2].site).line, line + 1);
    for (const Event &e : events) {
        QCOMPARE(e.object, counter.object());
        QCOMPARE(e.actor, run.mainActor());
        QCOMPARE(trace.site(e.site).file, QStringLiteral("tst_sharedcounter.cpp"));
    }
}

void TestSharedCounter::aWriteOverAnotherThreadsUpdateIsALostUpdate()
{
    int writeLine = 0;
    const Trace trace = testsupport::runFunction([&writeLine](RunContext &) {
        SharedCounter counter(QStringLiteral("counter"));
        const qint64 value = counter.read(); // main reads 0...
        Thread other(QStringLiteral("other"), [&counter] {
            const qint64 seen = counter.read(); // ...so does other, which writes 1, then 2
            counter.write(seen + 1);
            counter.write(counter.read() + 1);
        });
        other.start();
        other.join();
        writeLine = __LINE__ + 1;
        counter.write(value + 1); // main writes 1 over 2: both of other's increments are lost
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const auto lost = abnormalMarks(trace);
    QCOMPARE(lost.size(), std::size_t(1));
    const Event &mark = lost.front();
    QCOMPARE(trace.text(mark.text), QStringLiteral("lost update: read 0, wrote 1 over 2"));
    QCOMPARE(mark.value, 2); // the increments it erased
    QVERIFY(trace.actor(mark.actor).isMainThread);
    QCOMPARE(trace.site(mark.site).line, writeLine);
    QCOMPARE(trace.object(mark.object).name, QStringLiteral("counter"));
}

void TestSharedCounter::aWriteWithoutAReadIsNoLostUpdate()
{
    ScopedRun run;
    SharedCounter counter;
    counter.write(5); // a blind store: it never claimed to build on a value
    counter.write(counter.read() + 1);
    counter.write(9); // the read above belonged to the previous write
    QCOMPARE(counter.value(), 9);
    QCOMPARE(counter.overwrites(), 0);
    QVERIFY(abnormalMarks(run.trace()).empty());
    QCOMPARE(run.trace().object(counter.object()).name, QStringLiteral("counter"));
}

void TestSharedCounter::lostUpdatesOnlyRecordsNoAccessAndCapsItsMarks()
{
    ScopedRun run;
    SharedCounter counter(QStringLiteral("counter"), SharedCounter::Recording::LostUpdatesOnly);
    const qint64 losses = SharedCounter::kMarkedLostUpdates + 20;
    for (qint64 i = 0; i < losses; ++i) {
        const qint64 value = counter.read();
        counter.reset(value + 10); // someone else's ten increments...
        counter.write(value + 1); // ...written over
    }
    QCOMPARE(counter.overwrites(), losses);
    QCOMPARE(counter.markedOverwrites(), SharedCounter::kMarkedLostUpdates);
    QCOMPARE(counter.value(), losses);

    const Trace trace = run.trace();
    QVERIFY(trace.eventsOfKind(EventKind::CounterValue).empty());
    const auto marks = trace.eventsOfKind(EventKind::Mark);
    QCOMPARE(qint64(marks.size()), SharedCounter::kMarkedLostUpdates);
    for (const Event &mark : marks) {
        QVERIFY(mark.isAbnormal());
        QCOMPARE(mark.value, 10); // the ten increments it wrote over
    }
}

void TestSharedCounter::readAndWriteAreSeparateSteps()
{
    FunctionScenario scenario([](RunContext &) {
        SharedCounter counter(QStringLiteral("counter"));
        counter.write(counter.read() + 1);
    });
    Runner runner;
    RunOptions options;
    options.stepping = true;
    QVERIFY(runner.start(scenario, ParameterValues(), options));
    StepGate &gate = *runner.stepGate();
    const auto parked = [&gate] {
        const QList<PendingAction> pending = gate.pending();
        return pending.size() == 1 ? pending.front() : PendingAction {};
    };
    // The read waits at its gate before anything is read...
    QTRY_COMPARE_WITH_TIMEOUT(parked().kind, EventKind::Mark, 20000);
    QCOMPARE(parked().description, QStringLiteral("read counter"));
    QVERIFY(runner.liveSnapshot().eventsOfKind(EventKind::Mark).empty());
    QVERIFY(gate.release(parked().actor));
    // ...and the write at its own, after the read was recorded.
    QTRY_COMPARE_WITH_TIMEOUT(parked().kind, EventKind::CounterValue, 20000);
    QCOMPARE(parked().description, QStringLiteral("write counter = 1"));
    QCOMPARE(runner.liveSnapshot().eventsOfKind(EventKind::Mark).size(), std::size_t(1));
    QVERIFY(runner.liveSnapshot().eventsOfKind(EventKind::CounterValue).empty());
    QVERIFY(gate.release(parked().actor));
    QVERIFY(runner.waitForFinished(30s));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.eventsOfKind(EventKind::CounterValue).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestSharedCounter)
#include "tst_sharedcounter.moc"
