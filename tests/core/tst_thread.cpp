// SPDX-License-Identifier: MIT
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/scopedrun.h"
#include "tests/common/traceassertions.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <stdexcept>

using namespace weft;
using namespace weft::testsupport;
using namespace std::chrono_literals;

namespace {

// A subclass whose run() fails, like a Python thread raising an exception.
class FailingThread : public Thread
{
public:
    FailingThread()
        : Thread(QStringLiteral("failing"))
    {
    }

protected:
    void run() override { throw std::runtime_error("boom in run()"); }
};

} // namespace

class TestThread : public QObject
{
    Q_OBJECT
private slots:
    void startAndJoinAreRecorded();
    void exceptionInRunIsAnErrorAndAnAbnormalEnd();
    void destructorWaitsForTheThread();
    void defaultNamesAreNumberedPerRun();
    void misuseThrows();
};

void TestThread::startAndJoinAreRecorded()
{
    ScopedRun run;
    std::atomic<int> argumentSeen {0};
    Thread t(
        QStringLiteral("worker"), [&](int n) { argumentSeen = n; }, 42);
    QVERIFY(!t.isAlive());
    t.start();
    t.join();
    QCOMPARE(argumentSeen.load(), 42);
    QVERIFY(!t.isAlive());
    QVERIFY(t.errorMessage().isEmpty());

    const Trace trace = run.trace();
    const quint32 lane = t.actor();
    QCOMPARE(trace.findActor(QStringLiteral("worker")), lane);
    QCOMPARE(trace.actor(lane).nativeId, t.nativeId());
    QVERIFY(t.nativeId() > 0);

    // Main spawned it, it started (with its native id) and ended normally.
    const auto spawns = eventsOfActor(trace, run.mainActor(), EventKind::ThreadSpawn);
    QCOMPARE(spawns.size(), std::size_t(1));
    QCOMPARE(quint32(spawns.front().value), lane);
    const auto own = eventsOfActor(trace, lane);
    QCOMPARE(own.size(), std::size_t(2));
    QCOMPARE(own.front().kind, EventKind::ThreadStart);
    QCOMPARE(own.front().value, t.nativeId());
    QCOMPARE(own.back().kind, EventKind::ThreadEnd);
    QVERIFY(!own.back().isAbnormal());
    QVERIFY(spawns.front().timeNs <= own.front().timeNs);

    // Main's join waited for it and ended after its end.
    const auto waits = pairedSpans(trace, EventKind::JoinWait, EventKind::JoinDone);
    QCOMPARE(waits.size(), std::size_t(1));
    QCOMPARE(waits.front().actor, run.mainActor());
    QVERIFY(!waits.front().isOpen());
    QVERIFY(waits.front().endNs >= own.back().timeNs);
    QCOMPARE(quint32(eventsOfActor(trace, run.mainActor(), EventKind::JoinDone).front().value),
             lane);
}

void TestThread::exceptionInRunIsAnErrorAndAnAbnormalEnd()
{
    ScopedRun run;
    FailingThread t;
    t.start();
    t.join();
    QCOMPARE(t.errorMessage(), QStringLiteral("boom in run()"));

    const Trace trace = run.trace();
    const auto errors = eventsOfActor(trace, t.actor(), EventKind::Error);
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(errors.front().isAbnormal());
    QCOMPARE(trace.text(errors.front().text), QStringLiteral("boom in run()"));
    const auto ends = eventsOfActor(trace, t.actor(), EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(ends.front().isAbnormal());
    QVERIFY(errors.front().timeNs <= ends.front().timeNs);
    // The failure stays on its lane: the joining thread carries on normally.
    QVERIFY(eventsOfActor(trace, run.mainActor(), EventKind::Error).empty());
}

void TestThread::destructorWaitsForTheThread()
{
    ScopedRun run;
    std::atomic<bool> finishedWork {false};
    quint32 lane = 0;
    {
        Thread t(QStringLiteral("sleeper"), [&] {
            sleepFor(30ms);
            finishedWork = true;
        });
        t.start();
        lane = t.actor();
    } // no join(): the destructor waits
    QVERIFY(finishedWork.load());
    QCOMPARE(run.context().liveThreads(), 0);
    const Trace trace = run.trace();
    const auto ends = eventsOfActor(trace, lane, EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QVERIFY(!ends.front().isAbnormal());
    // A silent wait: no join is recorded for it.
    QVERIFY(trace.eventsOfKind(EventKind::JoinWait).empty());
}

void TestThread::defaultNamesAreNumberedPerRun()
{
    for (int round = 0; round < 2; ++round) {
        ScopedRun run;
        Thread first;
        Thread named(QStringLiteral("named"), [] {});
        Thread second;
        first.start();
        named.start();
        second.start();
        QCOMPARE(first.name(), QStringLiteral("Thread-1"));
        QCOMPARE(named.name(), QStringLiteral("named"));
        QCOMPARE(second.name(), QStringLiteral("Thread-2"));
        first.join();
        named.join();
        second.join();
        const Trace trace = run.trace();
        QCOMPARE(trace.actor(first.actor()).name, QStringLiteral("Thread-1"));
        QCOMPARE(trace.actor(second.actor()).name, QStringLiteral("Thread-2"));
    }
}

void TestThread::misuseThrows()
{
    {
        Thread outside(QStringLiteral("outside"), [] {});
        QVERIFY_THROWS_EXCEPTION(std::logic_error, outside.start());
    }
    ScopedRun run;
    Thread twice(QStringLiteral("twice"), [] {});
    twice.start();
    QVERIFY_THROWS_EXCEPTION(std::logic_error, twice.start());
    twice.join();
}

QTEST_GUILESS_MAIN(TestThread)
#include "tst_thread.moc"
