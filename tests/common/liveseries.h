// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <vector>

namespace weft::testsupport {

// The snapshots a live run of `full` would have been seen through: one per
// count in `counts` (ascending), holding the first that many events, the
// actors those events name (the ones registered by then) and every other
// table, in one lineage (TraceLineage) as Recorder::liveSnapshot() gives
// them, each keeping the one before. The last is `full`'s events in full.
std::vector<Trace> liveSeries(const Trace &full, const std::vector<std::size_t> &counts);

// The first `count` events of `trace` with all of its tables, as a trace of
// no live series: a poll's snapshot whose model is derived whole.
Trace prefixOf(const Trace &trace, std::size_t count);

} // namespace weft::testsupport
