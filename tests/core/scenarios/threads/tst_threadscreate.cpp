// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestThreadsCreate : public QObject
{
    Q_OBJECT
private slots:
    void threeLanesEachPrintTheirId();
    void sourceIsEmbedded();
};

void TestThreadsCreate::threeLanesEachPrintTheirId()
{
    const auto scenario = makeThreadsCreateScenario();
    const Trace trace = runWith(*scenario, {"delay_ms=5"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);

    // MainThread + three workers, each with a native id and one print naming it.
    QCOMPARE(trace.actorCount(), 4);
    const auto prints = trace.eventsOfKind(EventKind::Print);
    QCOMPARE(prints.size(), std::size_t(3));
    QSet<quint32> printers;
    for (const Event &e : prints) {
        const ActorInfo actor = trace.actor(e.actor);
        QVERIFY(!actor.isMainThread);
        QVERIFY(actor.nativeId > 0);
        QVERIFY2(trace.text(e.text).contains(QString::number(actor.nativeId)),
                 qPrintable(trace.text(e.text)));
        QVERIFY(trace.text(e.text).contains(actor.name));
        printers.insert(e.actor);
        QVERIFY(e.site != 0);
        QCOMPARE(trace.site(e.site).file, QStringLiteral("threads/threadscreate.cpp"));
    }
    QCOMPARE(printers.size(), 3);
    // Main joined all three, each after the thread's end.
    const auto joins = trace.eventsOfKind(EventKind::JoinDone);
    QCOMPARE(joins.size(), std::size_t(3));
    for (const Event &join : joins) {
        const auto ends = trace.eventsOfKind(EventKind::ThreadEnd);
        const auto end = std::find_if(ends.begin(), ends.end(), [&](const Event &e) {
            return e.actor == quint32(join.value);
        });
        QVERIFY(end != ends.end());
        QVERIFY(end->timeNs <= join.timeNs);
    }
}

void TestThreadsCreate::sourceIsEmbedded()
{
    const auto scenario = makeThreadsCreateScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("class ThreadsCreateScenario")));
}

QTEST_GUILESS_MAIN(TestThreadsCreate)
#include "tst_threadscreate.moc"
