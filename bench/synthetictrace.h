// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

namespace weft::bench {

// A locks.counter-like trace of about eventCount events: `threads` threads
// contend for 4 locks, print, sleep and send packets to their neighbour, over
// one second. With slices, each cycle is a named slice with the critical
// section nested in it (as a Chrome trace stores them: begins that know their
// durations).
Trace syntheticTrace(int eventCount, bool withSlices = true, int threads = 64);

} // namespace weft::bench
