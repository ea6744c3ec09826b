// SPDX-License-Identifier: MIT
#pragma once

// Checks on traces of socket scenarios: bytes balance per channel, accepts
// pair with connects, a port is free again, a cancel releases all. They build
// on the common runs, byte sums, socket-op filters and descriptor counts, which
// the socket tests use beside them.

#include "core/scenario.h"
#include "core/trace.h"
#include "processresources.h"
#include "scenariorun.h"
#include "traceassertions.h"

#include <QStringList>

namespace weft::testsupport {

// Every byte sent on a channel was received on it, and every channel has a receiver.
bool bytesBalance(const Trace &trace, QString *why);

// Each accept's peer port is the local port of exactly one successful connect.
bool acceptsPairWithConnects(const Trace &trace, int expected, QString *why);

bool portCanBeBoundAgain(quint16 port);

// The port of the first "listen" socket op, 0 without one.
quint16 listeningPort(const Trace &trace);

// Starts the scenario, cancels it once some thread waits on a socket, and
// checks the run ended as cancelled with its port and descriptors released.
// Uses QVERIFY: call it from a test function and return if it failed.
void cancelWhileWaiting(const Scenario &scenario, const QStringList &assignments);

} // namespace weft::testsupport
