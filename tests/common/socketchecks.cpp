// SPDX-License-Identifier: MIT
#include "socketchecks.h"

#include "core/runner.h"

#include <QMultiHash>
#include <QTcpServer>
#include <QTest>

namespace weft::testsupport {

bool bytesBalance(const Trace &trace, QString *why)
{
    const auto sent = bytesPerChannel(trace, EventKind::PacketSend);
    const auto received = bytesPerChannel(trace, EventKind::PacketRecv);
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (received.value(it.key()) != it.value()) {
            *why = QStringLiteral("%1: sent %2, received %3")
                       .arg(trace.object(it.key()).name)
                       .arg(it.value())
                       .arg(received.value(it.key()));
            return false;
        }
        if (trace.object(it.key()).kind != ObjectKind::Channel) {
            *why = QStringLiteral("packet object is not a channel");
            return false;
        }
    }
    if (received.size() != sent.size()) {
        *why = QStringLiteral("%1 channels sent on, %2 received on")
                   .arg(sent.size())
                   .arg(received.size());
        return false;
    }
    return true;
}

bool acceptsPairWithConnects(const Trace &trace, int expected, QString *why)
{
    QMultiHash<qint64, int> connects;
    for (const Event &e : socketOps(trace, QStringLiteral("connect")))
        connects.insert(e.value, 0);
    const auto accepts = socketOps(trace, QStringLiteral("accept"));
    if (int(accepts.size()) != expected || connects.size() != expected) {
        *why = QStringLiteral("%1 accepts, %2 connects, expected %3")
                   .arg(accepts.size())
                   .arg(connects.size())
                   .arg(expected);
        return false;
    }
    for (const Event &a : accepts) {
        if (connects.count(a.value) != 1) {
            *why = QStringLiteral("accept from port %1 has no single connect").arg(a.value);
            return false;
        }
        connects.remove(a.value);
    }
    return true;
}

bool portCanBeBoundAgain(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

quint16 listeningPort(const Trace &trace)
{
    const auto listens = socketOps(trace, QStringLiteral("listen"));
    return listens.empty() ? 0 : quint16(listens.front().value);
}

void cancelWhileWaiting(const Scenario &scenario, const QStringList &assignments)
{
    const ParameterValues params = parametersFrom(scenario, assignments);
    const ProcessResources before = ProcessResources::ofThisProcess();
    quint16 port = 0;
    {
        Runner runner;
        QVERIFY(runner.start(scenario, params));
        QTRY_VERIFY_WITH_TIMEOUT(
            !runner.liveSnapshot().eventsOfKind(EventKind::IoWaitBegin).empty(), 20000);
        runner.cancel();
        QVERIFY(runner.waitForFinished(std::chrono::seconds(10)));
        QCOMPARE(runner.result().outcome().status, Outcome::Status::Cancelled);
        port = listeningPort(runner.result());
    }
    QVERIFY(port != 0);
    QVERIFY(portCanBeBoundAgain(port));
    QTRY_VERIFY2(
        ProcessResources::ofThisProcess().holdsNoMoreThan(before),
        qPrintable(QStringLiteral("before: %1, now: %2")
                       .arg(before.describe(), ProcessResources::ofThisProcess().describe())));
}

} // namespace weft::testsupport
