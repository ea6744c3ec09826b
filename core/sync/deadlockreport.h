// SPDX-License-Identifier: MIT
#pragma once

#include "waitforgraph.h"

#include <QString>

namespace weft {

class RunContext;

// Called by a blocked primitive on each wait slice: if the calling thread's
// wait closes a cycle in the run's wait-for graph, the deadlock is reported
// (once per run) and the run is cancelled with Outcome::Status::Deadlocked,
// so every thread unwinds instead of hanging. Returns true if a cycle exists.
bool detectDeadlock(RunContext &context, quint32 actor);

// One edge in words (translated): "T1 waits for L2 held by T2", or for a
// thread target "T1 waits for T2 to finish". Recorded programs use it too.
QString describeWaitEdge(const WaitEdge &edge, const QString &waiter, const QString &object,
                         const QString &holder);

// "T1 waits for L2 held by T2, T2 waits for L1 held by T1" (translated).
QString describeWaitCycle(RunContext &context, const WaitCycle &cycle);

} // namespace weft
