// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "tests/common/scenariorun.h"
#include "tests/common/traceassertions.h"

#include <QSet>
#include <QTest>

using namespace weft;
using namespace weft::testsupport;

class TestThreadsIdentity : public QObject
{
    Q_OBJECT
private slots:
    void everyThreadPrintsItsNameAndNativeId();
    void sourceIsEmbedded();
};

void TestThreadsIdentity::everyThreadPrintsItsNameAndNativeId()
{
    const auto scenario = makeThreadsIdentityScenario();
    const Trace trace = runWith(*scenario, {"threads=3"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);

    // The main thread and three unnamed threads, named Thread-1..3 by default.
    QCOMPARE(trace.actorCount(), 4);
    QSet<qint64> nativeIds;
    for (quint32 lane = 1; lane <= quint32(trace.actorCount()); ++lane) {
        const ActorInfo actor = trace.actor(lane);
        if (!actor.isMainThread)
            QVERIFY2(actor.name.startsWith(QStringLiteral("Thread-")), qPrintable(actor.name));
        QVERIFY(actor.nativeId > 0);
        nativeIds.insert(actor.nativeId);

        // The lane's ThreadStart carries the same id the OS gave the thread.
        const auto starts = eventsOfActor(trace, lane, EventKind::ThreadStart);
        QCOMPARE(starts.size(), std::size_t(1));
        QCOMPARE(starts.front().value, actor.nativeId);

        // What the thread printed about itself matches its lane.
        const QStringList prints = printsOf(trace, lane);
        QCOMPARE(prints.size(), 1);
        QCOMPARE(prints.front(),
                 QStringLiteral("%1: native id %2").arg(actor.name).arg(actor.nativeId));

        // And the outcome lists it.
        QVERIFY2(trace.outcome().hasValue(actor.name), qPrintable(actor.name));
        QCOMPARE(trace.outcome().value(actor.name), actor.nativeId);
        QVERIFY(trace.outcome().summary.contains(QString::number(actor.nativeId)));
    }
    QCOMPARE(nativeIds.size(), 4); // every thread has its own id
    QVERIFY(trace.actor(trace.findActor(QStringLiteral("MainThread"))).isMainThread);
}

void TestThreadsIdentity::sourceIsEmbedded()
{
    const auto scenario = makeThreadsIdentityScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("class ThreadsIdentityScenario")));
}

QTEST_GUILESS_MAIN(TestThreadsIdentity)
#include "tst_threadsidentity.moc"
