// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

// Two threads take two locks in opposite orders, as locks.deadlock records it:
//   T1  holds L1 from 1, waits for L2 from 50
//   T2  holds L2 from 1, waits for L1 from 50
//   the detector marks both lanes at 100 (value = the holder), the trace ends at 104
namespace weft::testsupport {

struct DeadlockTrace
{
    Trace trace;
    quint32 t1 = 0, t2 = 0, l1 = 0, l2 = 0;
};

DeadlockTrace makeDeadlockTrace(bool withMarks = true);

} // namespace weft::testsupport
