// SPDX-License-Identifier: MIT
#include "core/cancelled.h"
#include "core/runcontext.h"
#include "core/sync/gil.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"
#include "tests/common/scopedrun.h"

#include <QTest>
#include <memory>
#include <thread>
#include <vector>

using namespace weft;
using weft::testsupport::runFunction;

namespace {
// Busy work that the compiler cannot drop.
quint64 spin(quint64 seed, int rounds)
{
    for (int i = 0; i < rounds; ++i)
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed;
}

// CPU-bound threads under one GIL that keep working until the GIL has changed
// hands `switches` times. Nobody releases it of their own accord, so every
// switch after the first hold is forced by a waiter's drop request, however the
// machine schedules the threads (a fixed amount of work could end before a
// descheduled waiter ever timed out).
Trace runCpuThreadsUnderGil(int threads, quint64 switches)
{
    return runFunction([threads, switches](RunContext &) {
        Gil gil(QStringLiteral("GIL"), std::chrono::milliseconds(1));
        std::vector<std::unique_ptr<Thread>> workers;
        workers.reserve(std::size_t(threads));
        for (int t = 0; t < threads; ++t) {
            workers.push_back(std::make_unique<Thread>(QString(), [&gil, switches] {
                GilHold hold(&gil);
                quint64 x = 1;
                while (gil.switchCount() < switches) {
                    x = spin(x, 2000);
                    checkCancelled();
                    gil.yieldIfRequested();
                }
                if (x == 42)
                    print(QStringLiteral("unlikely"));
            }));
        }
        for (auto &w : workers)
            w->start();
        for (auto &w : workers)
            w->join();
    });
}

struct GilHoldSpan
{
    quint32 actor = 0;
    qint64 acquired = 0;
    qint64 released = -1;
};
} // namespace

class TestGil : public QObject
{
    Q_OBJECT
private slots:
    void atMostOneHolderAtAnyInstant();
    void dropRequestsPrecedeForcedSwitches();
    void ioReleasesTheGil();
    void aWaiterIsCancellable();
    void holdingTheGilWhileJoiningItsWaiterIsADeadlock();
    void aHoldLetsGoForIoOnTheCallersLine();
    void aHoldWithoutAGilRunsIoAndStillStopsWhenCancelled();
};

void TestGil::atMostOneHolderAtAnyInstant()
{
    const Trace trace = runCpuThreadsUnderGil(3, 6);
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 gil = trace.findObject(QStringLiteral("GIL"));
    QVERIFY(gil != 0);
    QCOMPARE(trace.object(gil).kind, ObjectKind::Gil);

    // Holds are numbered 1, 2, 3 ... by the lock itself; each release names its hold.
    std::vector<GilHoldSpan> holds;
    for (const Event &e : trace.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(e.value, qint64(holds.size() + 1));
            if (!holds.empty())
                QVERIFY2(holds.back().released >= 0, "acquired while another thread held it");
            holds.push_back({e.actor, e.timeNs, -1});
        } else if (e.kind == EventKind::LockReleased) {
            QVERIFY(!holds.empty());
            QCOMPARE(e.value, qint64(holds.size()));
            QCOMPARE(e.actor, holds.back().actor);
            QCOMPARE(holds.back().released, qint64(-1));
            holds.back().released = e.timeNs;
        }
    }
    QVERIFY(!holds.empty());
    QVERIFY(holds.back().released >= 0);
    // More holds than threads: the threads took turns, they did not run one after another.
    QVERIFY2(holds.size() > 3, qPrintable(QString::number(holds.size())));
}

void TestGil::dropRequestsPrecedeForcedSwitches()
{
    const Trace trace = runCpuThreadsUnderGil(2, 4);
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 gil = trace.findObject(QStringLiteral("GIL"));

    int dropRequests = 0;
    int forcedSwitches = 0;
    bool requestPending = false;
    quint32 holder = 0;
    quint32 forcedFrom = 0; // a thread that dropped on request; someone else must take it next
    for (const Event &e : trace.events()) {
        if (e.object != gil)
            continue;
        if (e.kind == EventKind::Mark && e.value == qint64(GilMark::DropRequest)) {
            QVERIFY2(e.actor != holder, "the holder asked itself to drop");
            ++dropRequests;
            requestPending = true;
        } else if (e.kind == EventKind::Mark && e.value == qint64(GilMark::ForcedSwitch)) {
            QVERIFY2(requestPending, "a forced switch without a drop request before it");
            ++forcedSwitches;
            forcedFrom = e.actor;
        } else if (e.kind == EventKind::LockAcquired) {
            if (forcedFrom != 0)
                QVERIFY2(e.actor != forcedFrom,
                         "the thread that dropped on request took it straight back");
            forcedFrom = 0;
            requestPending = false;
            holder = e.actor;
        } else if (e.kind == EventKind::LockReleased) {
            holder = 0;
        }
    }
    QVERIFY(dropRequests > 0);
    QVERIFY(forcedSwitches > 0);
    QVERIFY(forcedSwitches <= dropRequests);
}

void TestGil::ioReleasesTheGil()
{
    // The I/O thread waits, inside withoutGil(), until the CPU thread has
    // held the GIL: if I/O did not release it, this run could never finish.
    const Trace trace = runFunction(
        [](RunContext &) {
            Gil gil(QStringLiteral("GIL"));
            std::atomic<bool> inIo {false}, cpuRan {false};
            Thread io(QStringLiteral("io"), [&] {
                GilHold hold(&gil);
                gil.withoutGil([&] {
                    inIo = true;
                    while (!cpuRan.load()) {
                        checkCancelled();
                        std::this_thread::yield();
                    }
                });
            });
            Thread cpu(QStringLiteral("cpu"), [&] {
                while (!inIo.load()) {
                    checkCancelled();
                    std::this_thread::yield();
                }
                GilHold hold(&gil);
                cpuRan = true;
            });
            io.start();
            cpu.start();
            io.join();
            cpu.join();
        },
        std::chrono::seconds(30));
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 gil = trace.findObject(QStringLiteral("GIL"));
    const quint32 io = trace.findActor(QStringLiteral("io"));
    const quint32 cpu = trace.findActor(QStringLiteral("cpu"));
    QList<quint32> holders;
    for (const Event &e : trace.events()) {
        if (e.object == gil && e.kind == EventKind::LockAcquired)
            holders.append(e.actor);
    }
    // io takes it, drops it for I/O, cpu takes it, io takes it back after its I/O.
    QCOMPARE(holders, (QList<quint32> {io, cpu, io}));
}

void TestGil::aWaiterIsCancellable()
{
    const Trace trace = runFunction(
        [](RunContext &) {
            Gil gil(QStringLiteral("GIL"));
            Thread holder(QStringLiteral("holder"), [&] {
                GilHold hold(&gil); // never released: spins until cancelled
                for (;;)
                    checkCancelled();
            });
            Thread waiter(QStringLiteral("waiter"), [&] {
                while (gil.holder() == 0)
                    checkCancelled();
                GilHold mine(&gil);
            });
            holder.start();
            waiter.start();
            holder.join();
            waiter.join();
        },
        std::chrono::milliseconds(300));
    QCOMPARE(trace.outcome().status, Outcome::Status::TimedOut);
    const auto ends = trace.eventsOfKind(EventKind::ThreadEnd);
    QCOMPARE(ends.size(), std::size_t(3));
    QCOMPARE(trace.eventsOfKind(EventKind::LockWait).size(), std::size_t(1));
}

void TestGil::holdingTheGilWhileJoiningItsWaiterIsADeadlock()
{
    const Trace trace = runFunction([](RunContext &) {
        Gil gil(QStringLiteral("GIL"));
        GilHold hold(&gil); // main holds it and joins a thread that wants it
        Thread waiter(QStringLiteral("waiter"), [&] { GilHold mine(&gil); });
        waiter.start();
        waiter.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Deadlocked);
    const QString summary = trace.outcome().summary;
    QVERIFY2(summary.contains(QStringLiteral("waiter waits for GIL held by MainThread")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("MainThread waits for waiter to finish")),
             qPrintable(summary));
}

void TestGil::aHoldLetsGoForIoOnTheCallersLine()
{
    testsupport::ScopedRun run;
    Gil gil(QStringLiteral("GIL"));
    int ioLine = 0;
    int result = 0;
    {
        GilHold hold(&gil);
        ioLine = __LINE__ + 1;
        result = hold.withoutGil([&gil] { return gil.holder() == 0 ? 7 : -1; });
        QCOMPARE(gil.holder(), run.mainActor()); // taken back after the I/O
    }
    QCOMPARE(result, 7); // the I/O ran without the GIL and its result came through
    QCOMPARE(gil.holder(), 0u);

    // Taken, let go and taken back for the I/O (on the I/O's line), let go at the end.
    const Trace trace = run.trace();
    QList<QPair<EventKind, int>> steps;
    for (const Event &e : trace.events()) {
        if (e.object == gil.object())
            steps.append({e.kind, trace.site(e.site).line});
    }
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps[1], qMakePair(EventKind::LockReleased, ioLine));
    QCOMPARE(steps[2], qMakePair(EventKind::LockAcquired, ioLine));
    QCOMPARE(steps[0].first, EventKind::LockAcquired);
    QCOMPARE(steps[3].first, EventKind::LockReleased);
    QVERIFY(steps[0].second != ioLine);
}

void TestGil::aHoldWithoutAGilRunsIoAndStillStopsWhenCancelled()
{
    testsupport::ScopedRun run;
    GilHold hold(nullptr);
    QCOMPARE(hold.withoutGil([] { return 42; }), 42);
    hold.yieldIfRequested(); // nobody asks, nothing to hand over
    QVERIFY(run.trace().events().empty());
    // CPU-bound work checks only here, so a cancelled run must stop here too.
    run.context().cancel();
    QVERIFY_THROWS_EXCEPTION(Cancelled, hold.yieldIfRequested());
}

QTEST_GUILESS_MAIN(TestGil)
#include "tst_gil.moc"
