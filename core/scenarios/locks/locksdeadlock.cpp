// SPDX-License-Identifier: MIT
// locks.deadlock — two threads take two locks in opposite orders.
//
// The Python this mirrors:
//     l1, l2 = threading.Lock(), threading.Lock()
//     def worker(first, second):
//         with first:
//             print(f"{threading.current_thread().name} holds {first}")
//             time.sleep(hold)
//             print(f"... wants {second}")
//             with second:
//                 print(f"... holds {first} and {second}")
//     t1 = threading.Thread(target=worker, args=(l1, l2), name="T1")
//     t2 = threading.Thread(target=worker, args=(l2, l1), name="T2")  # fixed_order: (l1, l2)
//     t1.start(); t2.start()
//     t1.join(); t2.join()
//
// In Python this hangs for ever. Here every lock wait is entered in a
// wait-for graph; when T1 waits for a lock held by T2 while T2 waits for one
// held by T1, the cycle is found, drawn, and the run ends as "deadlocked".
// One wait is not in the Python: each thread holds its first lock until the
// other has started too, so the hold time alone decides the race, not a
// thread that a busy machine starts late. Thread's arguments are copied, as
// std::thread's are, so the locks are passed with std::ref.

#include "core/mutex.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "lockscenarios.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>
#include <thread>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocksDeadlockScenario)
};

void takeLocks(bool fixedOrder, std::chrono::milliseconds hold)
{
    Mutex l1(QStringLiteral("L1")); // l1, l2 = threading.Lock(), threading.Lock()
    Mutex l2(QStringLiteral("L2"));

    std::atomic<int> started {0}; // (not in the Python: see the note above)
    auto worker = [&](Mutex &first, Mutex &second) {
        started.fetch_add(1); // (this thread has started)
        LockGuard a(first); // with first:
        print(Tr::tr("%1 holds %2").arg(currentThreadName(), first.name()));
        while (started.load() < 2) { // (wait until the other thread has started too)
            checkCancelled();
            std::this_thread::yield();
        }
        sleepFor(hold); // time.sleep(hold)
        print(Tr::tr("%1 wants %2").arg(currentThreadName(), second.name()));
        LockGuard b(second); // with second:
        print(Tr::tr("%1 holds %2 and %3").arg(currentThreadName(), first.name(), second.name()));
    };

    Thread t1(QStringLiteral("T1"), worker, std::ref(l1), std::ref(l2));
    Thread t2 = fixedOrder ? Thread(QStringLiteral("T2"), worker, std::ref(l1), std::ref(l2))
                           : Thread(QStringLiteral("T2"), worker, std::ref(l2), std::ref(l1));
    t1.start();
    t2.start();
    // A deadlock is reported by the threads' lock waits: the run is then
    // cancelled and these joins end with it.
    t1.join();
    t2.join();
}

Outcome deadlockOutcome(bool fixedOrder)
{
    Outcome outcome;
    outcome.summary = fixedOrder
        ? Tr::tr("Both threads took L1 before L2 and finished: with one lock order no wait-for "
                 "cycle can form.")
        : Tr::tr("Both threads finished: this time one thread took both locks before the other "
                 "took its first, so no cycle formed. Increase the hold time.");
    outcome.setValue(QStringLiteral("completed_threads"), 2);
    return outcome;
}

class LocksDeadlockScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(LocksDeadlockScenario)
public:
    QString id() const override { return QStringLiteral("locks.deadlock"); }
    Topic topic() const override { return Topic::Locks; }
    QString title() const override { return tr("Deadlock: two locks, opposite orders"); }
    QString explanation() const override
    {
        return tr("T1 takes L1 and then wants L2; T2 takes L2 and then wants L1. Each now waits "
                  "for a lock the other holds, and neither can ever go on: a cycle in the "
                  "wait-for graph. Weft finds the cycle, marks it on both lanes and stops the "
                  "run, where Python would hang. Take the locks in one fixed order (both L1 "
                  "first) and no cycle can form: both threads finish.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::boolean(QStringLiteral("fixed_order"), tr("Fixed lock order"), false,
                                       tr("Both threads take L1 before L2")),
                ParameterSpec::integer(QStringLiteral("hold_ms"), tr("Hold time (ms)"), 50, 0, 5000,
                                       tr("How long each thread holds its first lock before it "
                                          "reaches for the second"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/locks/locksdeadlock.cpp");
    }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &) const override
    {
        return std::chrono::seconds(30);
    }

    void run(RunContext &context) const override
    {
        const bool fixedOrder = context.parameters().boolean(QStringLiteral("fixed_order"));
        takeLocks(
            fixedOrder,
            std::chrono::milliseconds(context.parameters().integer(QStringLiteral("hold_ms"))));
        context.setOutcome(deadlockOutcome(fixedOrder));
    }
};

} // namespace

std::unique_ptr<Scenario> makeLocksDeadlockScenario()
{
    return std::make_unique<LocksDeadlockScenario>();
}

} // namespace weft
