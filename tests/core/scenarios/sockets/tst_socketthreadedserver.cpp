// SPDX-License-Identifier: MIT
#include "core/scenarios/sockets/socketscenarios.h"
#include "tests/common/socketchecks.h"

#include <QTest>

using namespace weft;
using namespace weft::testsupport;

class TestSocketThreadedServer : public QObject
{
    Q_OBJECT
private slots:
    void cancelLeavesNothingBehind();
    void bothServersAnswerEveryClient();
};

void TestSocketThreadedServer::bothServersAnswerEveryClient()
{
    const int clients = 3;
    const auto scenario = makeSocketThreadedServerScenario();
    const Trace trace = runWith(
        *scenario, {QStringLiteral("clients=%1").arg(clients), QStringLiteral("work_ms=50")});
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QVERIFY(trace.outcome().value(QStringLiteral("single_ms")) > 0);
    QVERIFY(trace.outcome().value(QStringLiteral("threaded_ms")) > 0);

    QString why;
    QVERIFY2(acceptsPairWithConnects(trace, 2 * clients, &why), qPrintable(why));
    QVERIFY2(bytesBalance(trace, &why), qPrintable(why));

    // Single-threaded: every request is worked on by the main thread, one after
    // another. Threaded: each by its own handler thread.
    const quint32 mainThread = trace.findActor(QStringLiteral("MainThread"));
    QSet<quint32> workers;
    int onMain = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::SleepBegin)) {
        if (e.actor == mainThread)
            ++onMain;
        else
            workers.insert(e.actor);
    }
    QCOMPARE(onMain, clients);
    QCOMPARE(workers.size(), clients);
    for (quint32 worker : workers)
        QVERIFY(trace.actor(worker).name.startsWith(QStringLiteral("handler")));
    QVERIFY(trace.eventsOfKind(EventKind::Error).empty());
}

void TestSocketThreadedServer::cancelLeavesNothingBehind()
{
    const auto scenario = makeSocketThreadedServerScenario();
    cancelWhileWaiting(*scenario, {QStringLiteral("clients=4"), QStringLiteral("work_ms=2000")});
}

QTEST_GUILESS_MAIN(TestSocketThreadedServer)
#include "tst_socketthreadedserver.moc"
