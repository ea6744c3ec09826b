// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/gil/gilscenarios.h"
#include "core/sync/gil.h"
#include "tests/common/scenariorun.h"

#include <QTest>

using namespace weft;
using weft::testsupport::runWith;

class TestGilIo : public QObject
{
    Q_OBJECT
private slots:
    void theIoThreadMustAskForTheGilAfterEveryCall();
};

void TestGilIo::theIoThreadMustAskForTheGilAfterEveryCall()
{
    const auto scenario = makeGilIoScenario();
    const Trace trace = runWith(*scenario, {"round_trips=5", "switch_interval_ms=2"});
    const Outcome &outcome = trace.outcome();
    QVERIFY2(outcome.status == Outcome::Status::Completed, qPrintable(outcome.summary));
    QVERIFY(outcome.value(QStringLiteral("gil_median_us")) > 0);
    QVERIFY(outcome.value(QStringLiteral("nogil_median_us")) > 0);

    // Every round trip really went over the socket, in both modes: the echo
    // peer received and sent back 5 + 5 messages.
    const quint32 echo = trace.findActor(QStringLiteral("echo peer"));
    const quint32 ioGil = trace.findActor(QStringLiteral("io (GIL)"));
    const quint32 cpuGil = trace.findActor(QStringLiteral("cpu (GIL)"));
    QVERIFY(echo && ioGil && cpuGil);
    qint64 echoedBytes = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::PacketSend))
        echoedBytes += e.actor == echo ? e.value : 0;
    QCOMPARE(echoedBytes, qint64(2 * 5 * 64));

    // The convoy, structurally: coming back from I/O, the I/O thread found the
    // CPU-bound thread holding the GIL and had to request a drop, which the
    // CPU thread honoured by a forced switch.
    const quint32 gil = trace.findObject(QStringLiteral("GIL"));
    int ioDropRequests = 0;
    int cpuForcedSwitches = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::Mark)) {
        if (e.object != gil)
            continue;
        if (e.value == qint64(GilMark::DropRequest) && e.actor == ioGil)
            ++ioDropRequests;
        if (e.value == qint64(GilMark::ForcedSwitch) && e.actor == cpuGil)
            ++cpuForcedSwitches;
    }
    QVERIFY2(ioDropRequests >= 1, qPrintable(QString::number(ioDropRequests)));
    QVERIFY(cpuForcedSwitches >= 1);
}

QTEST_GUILESS_MAIN(TestGilIo)
#include "tst_gilio.moc"
