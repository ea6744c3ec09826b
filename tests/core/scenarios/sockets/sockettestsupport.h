// SPDX-License-Identifier: MIT
#pragma once

// Shared checks for the socket scenario tests: bytes balance per channel,
// accepts pair with connects, a port is free again, a cancel releases all.
// Running with parameters, byte sums and socket-op filters are the common
// ones in tests/common.

#include "core/runner.h"
#include "core/scenario.h"
#include "tests/common/processresources.h"
#include "tests/common/scenariorun.h"
#include "tests/common/traceassertions.h"

#include <QMultiHash>
#include <QTcpServer>
#include <QTest>
#include <vector>

namespace weft::test {

using testsupport::bytesPerChannel;
using testsupport::eventsWithText;
using testsupport::parametersFrom;
using testsupport::ProcessResources;
using testsupport::runWith;
using testsupport::socketOps;

// Every byte sent on a channel was received on it, and every channel has a receiver.
inline bool bytesBalance(const Trace &trace, QString *why)
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

// Each accept's peer port is the local port of exactly one successful connect.
inline bool acceptsPairWithConnects(const Trace &trace, int expected, QString *why)
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

inline bool portCanBeBoundAgain(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

inline quint16 listeningPort(const Trace &trace)
{
    const auto listens = socketOps(trace, QStringLiteral("listen"));
    return listens.empty() ? 0 : quint16(listens.front().value);
}

// Starts the scenario, cancels it once some thread waits on a socket, and
// checks the run ended as cancelled with its port, threads and descriptors
// released (as /proc sees them).
inline void cancelWhileWaiting(const Scenario &scenario, const QStringList &assignments)
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
    QTRY_COMPARE(ProcessResources::ofThisProcess().describe(), before.describe());
}

} // namespace weft::test
