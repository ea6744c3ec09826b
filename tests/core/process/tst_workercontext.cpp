// SPDX-License-Identifier: MIT
// WorkerContext: what a worker's functions reach without being handed it, and
// the threads that belong to its process rather than to a function.
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "tests/common/functionscenario.h"

#include <QTest>
#include <atomic>
#include <stdexcept>

using namespace weft;
using namespace std::chrono_literals;
using testsupport::runFunction;

class TestWorkerContext : public QObject
{
    Q_OBJECT
private slots:
    void currentIsTheWorkerOfThisProcess();
    void aProcessThreadOutlivesTheFunctionThatStartedIt();
};

void TestWorkerContext::currentIsTheWorkerOfThisProcess()
{
    QVERIFY_THROWS_EXCEPTION(std::logic_error, WorkerContext::current());
    const WorkerContext *seen = nullptr;
    const WorkerContext *made = nullptr;
    const Trace trace = runFunction([&](RunContext &context) {
        WorkerContext worker(context, {}, {});
        made = &worker;
        seen = &WorkerContext::current();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(seen, made);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, WorkerContext::current());
}

void TestWorkerContext::aProcessThreadOutlivesTheFunctionThatStartedIt()
{
    quint32 lane = 0;
    bool aliveAfterReturn = false;
    const Trace trace = runFunction([&](RunContext &context) {
        WorkerContext worker(context, {}, {});
        std::atomic<bool> release {false};
        const auto target = [&] {
            Thread &t = processThread(QStringLiteral("kept"), [&release] {
                while (!release.load())
                    sleepFor(1ms);
            });
            t.start();
            lane = t.actor();
            return &t;
        };
        const Thread *kept = target();
        aliveAfterReturn = kept->isAlive();
        release = true;
        // As the worker host does once the role returned.
        worker.waitForNonDaemonThreads();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(aliveAfterReturn);
    // The process's wait for it follows the function's return: no line of it to show.
    const auto joins = trace.eventsOfKind(EventKind::JoinDone);
    QCOMPARE(joins.size(), std::size_t(1));
    QCOMPARE(quint32(joins[0].value), lane);
    QCOMPARE(joins[0].site, quint16(0));
}

QTEST_GUILESS_MAIN(TestWorkerContext)
#include "tst_workercontext.moc"
