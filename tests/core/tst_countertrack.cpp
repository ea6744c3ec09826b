// SPDX-License-Identifier: MIT
#include "core/countertrack.h"
#include "core/thread.h"
#include "core/trace.h"
#include "tests/common/functionscenario.h"
#include "tests/common/scopedrun.h"

#include <QTest>
#include <algorithm>
#include <atomic>
#include <thread>

using namespace weft;
using testsupport::runFunction;
using testsupport::ScopedRun;

class TestCounterTrack : public QObject
{
    Q_OBJECT
private slots:
    void eachChangeIsAStepAtTheCallersLine();
    void concurrentAddsRecordEveryValueOnce();
};

void TestCounterTrack::eachChangeIsAStepAtTheCallersLine()
{
    ScopedRun run;
    CounterTrack depth(QStringLiteral("depth"), 5);
    QCOMPARE(run.trace().object(depth.object()).kind, ObjectKind::Counter);
    QCOMPARE(run.trace().object(depth.object()).name, QStringLiteral("depth"));
    QVERIFY(run.trace().events().empty()); // a new track draws nothing yet
    QCOMPARE(depth.value(), 5);

    const int addLine = __LINE__ + 1;
    QCOMPARE(depth.add(2), 7);
    const int setLine = __LINE__ + 1;
    depth.set(3);
    QCOMPARE(depth.value(), 3);

    const Trace trace = run.trace();
    const auto steps = trace.eventsOfKind(EventKind::CounterValue);
    QCOMPARE(steps.size(), std::size_t(2));
    QCOMPARE(steps[0].object, depth.object());
    QCOMPARE(steps[0].value, 7);
    QCOMPARE(steps[1].value, 3);
    QCOMPARE(steps[0].actor, run.mainActor());
    QCOMPARE(trace.site(steps[0].site).line, addLine);
    QCOMPARE(trace.site(steps[1].site).line, setLine);
    QCOMPARE(trace.site(steps[0].site).file, QStringLiteral("tst_countertrack.cpp"));
}

void TestCounterTrack::concurrentAddsRecordEveryValueOnce()
{
    constexpr int kAdds = 5000;
    quint32 object = 0;
    const Trace trace = runFunction([&](RunContext &) {
        CounterTrack count(QStringLiteral("count"));
        object = count.object();
        std::atomic<int> ready {0};
        auto adder = [&] {
            ++ready;
            while (ready.load() < 2) // both add at once, or there is no contest
                std::this_thread::yield();
            for (int i = 0; i < kAdds; ++i)
                count.add(1);
        };
        Thread a(QStringLiteral("a"), adder);
        Thread b(QStringLiteral("b"), adder);
        a.start();
        b.start();
        a.join();
        b.join();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    // Each add is recorded with the value it made, under one lock: no add is
    // lost and no value is drawn twice, whichever thread made it.
    QList<qint64> values;
    for (const Event &e : trace.eventsOfKind(EventKind::CounterValue)) {
        QCOMPARE(e.object, object);
        values << e.value;
    }
    std::sort(values.begin(), values.end());
    QList<qint64> expected;
    for (qint64 v = 1; v <= 2 * kAdds; ++v)
        expected << v;
    QCOMPARE(values, expected);
}

QTEST_GUILESS_MAIN(TestCounterTrack)
#include "tst_countertrack.moc"
