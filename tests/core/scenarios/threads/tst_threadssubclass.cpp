// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "tests/common/scenariorun.h"
#include "tests/common/traceassertions.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;

class TestThreadsSubclass : public QObject
{
    Q_OBJECT
private slots:
    void twoNamedThreadsRunTheirOwnRun();
    void sourceIsEmbedded();
};

void TestThreadsSubclass::twoNamedThreadsRunTheirOwnRun()
{
    const auto scenario = makeThreadsSubclassScenario();
    const Trace trace = runWith(*scenario, {"steps=4", "delay_ms=2"});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);

    for (const QString &name : {QStringLiteral("Alpha"), QStringLiteral("Beta")}) {
        const quint32 lane = trace.findActor(name);
        QVERIFY2(lane != 0, qPrintable(name));
        QVERIFY(!trace.actor(lane).isMainThread);
        // Its own run() printed every step, on its own lane, naming itself.
        const auto prints = eventsOfActor(trace, lane, EventKind::Print);
        QCOMPARE(prints.size(), std::size_t(4));
        for (std::size_t i = 0; i < prints.size(); ++i) {
            QCOMPARE(trace.text(prints[i].text),
                     QStringLiteral("%1: step %2 of 4").arg(name).arg(i + 1));
            // The print was made inside the subclass's run(), in the scenario file.
            QCOMPARE(trace.site(prints[i].site).file,
                     QStringLiteral("threads/threadssubclass.cpp"));
        }
        // The prints lie inside the lane's lifetime, so they ran on that thread.
        const auto lives = threadLifetimes(trace);
        const auto life = std::find_if(lives.begin(), lives.end(),
                                       [lane](const Interval &i) { return i.actor == lane; });
        QVERIFY(life != lives.end());
        QVERIFY(life->beginNs <= prints.front().timeNs && prints.back().timeNs <= life->endNs);
        QCOMPARE(trace.outcome().value(name.toLower() + QStringLiteral("_steps")), 4);
    }
    // Nothing else printed: the main thread only started and joined them.
    QCOMPARE(trace.eventsOfKind(EventKind::Print).size(), std::size_t(8));
    QCOMPARE(trace.eventsOfKind(EventKind::JoinDone).size(), std::size_t(2));
}

void TestThreadsSubclass::sourceIsEmbedded()
{
    const auto scenario = makeThreadsSubclassScenario();
    QVERIFY(scenario->sourceText().contains(QStringLiteral("void run() override")));
}

QTEST_GUILESS_MAIN(TestThreadsSubclass)
#include "tst_threadssubclass.moc"
