// SPDX-License-Identifier: MIT
#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/sync/conditionvariable.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"

#include <QTest>
#include <thread>

using namespace weft;
using weft::testsupport::runFunction;

class TestConditionVariable : public QObject
{
    Q_OBJECT
private slots:
    void pingPongWakesEachWaiterByANotify();
    void notifyAllWakesEveryWaiter();
    void aWaitIsCancellable();
};

void TestConditionVariable::pingPongWakesEachWaiterByANotify()
{
    constexpr int kRounds = 20;
    const Trace trace = runFunction([](RunContext &) {
        Mutex lock(QStringLiteral("L"));
        ConditionVariable turnChanged(QStringLiteral("turn"));
        int turn = 0; // even: ping's turn; odd: pong's
        auto player = [&](int parity) {
            for (int i = 0; i < kRounds; ++i) {
                LockGuard guard(lock);
                turnChanged.wait(lock, [&] { return turn % 2 == parity; });
                ++turn;
                turnChanged.notifyAll();
            }
        };
        Thread ping(QStringLiteral("ping"), player, 0);
        Thread pong(QStringLiteral("pong"), player, 1);
        ping.start();
        pong.start();
        ping.join();
        pong.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const quint32 cv = trace.findObject(QStringLiteral("turn"));
    QCOMPARE(trace.object(cv).kind, ObjectKind::Condition);

    // Every wake names its notifier, and that notifier's latest notify on this
    // condition came before the wake and woke someone: the arrow can be drawn.
    QHash<quint32, Event> lastNotify;
    int wakes = 0;
    int waits = 0;
    for (const Event &e : trace.events()) {
        if (e.object != cv)
            continue;
        if (e.kind == EventKind::CondNotify) {
            lastNotify.insert(e.actor, e);
        } else if (e.kind == EventKind::CondWait) {
            ++waits;
        } else if (e.kind == EventKind::CondWake) {
            ++wakes;
            const quint32 notifier = quint32(e.value);
            QVERIFY(notifier != 0);
            QVERIFY(notifier != e.actor);
            QVERIFY2(lastNotify.contains(notifier), "a wake before any notify by its notifier");
            QVERIFY(lastNotify.value(notifier).value >= 1);
        }
    }
    QCOMPARE(wakes, waits);
    // Each wait released the lock and re-took it: the lock shows no double holder.
    quint32 holder = 0;
    const quint32 l = trace.findObject(QStringLiteral("L"));
    for (const Event &e : trace.events()) {
        if (e.object != l)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            QCOMPARE(holder, 0u);
            holder = e.actor;
        } else if (e.kind == EventKind::LockReleased) {
            QCOMPARE(holder, e.actor);
            holder = 0;
        }
    }
}

void TestConditionVariable::notifyAllWakesEveryWaiter()
{
    const Trace trace = runFunction([](RunContext &) {
        Mutex lock(QStringLiteral("L"));
        ConditionVariable go(QStringLiteral("go"));
        bool started = false;
        auto waiter = [&] {
            LockGuard guard(lock);
            go.wait(lock, [&] { return started; });
        };
        Thread a(QStringLiteral("a"), waiter), b(QStringLiteral("b"), waiter),
            c(QStringLiteral("c"), waiter);
        a.start();
        b.start();
        c.start();
        // Structural, not timed: wait until all three are really waiting.
        while (go.waiterCount() < 3) {
            checkCancelled();
            std::this_thread::yield();
        }
        {
            LockGuard guard(lock);
            started = true;
            go.notifyAll();
        }
        a.join();
        b.join();
        c.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    const auto notifies = trace.eventsOfKind(EventKind::CondNotify);
    QCOMPARE(notifies.size(), std::size_t(1));
    QCOMPARE(notifies.front().value, 3);
    QCOMPARE(trace.eventsOfKind(EventKind::CondWake).size(), std::size_t(3));
    for (const Event &wake : trace.eventsOfKind(EventKind::CondWake))
        QCOMPARE(quint32(wake.value), notifies.front().actor);
}

void TestConditionVariable::aWaitIsCancellable()
{
    const Trace trace = runFunction(
        [](RunContext &) {
            Mutex lock(QStringLiteral("L"));
            ConditionVariable never(QStringLiteral("never"));
            LockGuard guard(lock);
            never.wait(lock);
        },
        std::chrono::milliseconds(200));
    QCOMPARE(trace.outcome().status, Outcome::Status::TimedOut);
    const auto wakes = trace.eventsOfKind(EventKind::CondWake);
    QCOMPARE(wakes.size(), std::size_t(1));
    QVERIFY(wakes.front().isAbnormal());
}

QTEST_GUILESS_MAIN(TestConditionVariable)
#include "tst_conditionvariable.moc"
