// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <cstddef>
#include <utility>
#include <vector>

namespace weft {

// Where a live run's snapshot stands in the series its recorder takes
// (Recorder::liveSnapshot): each snapshot is the one before with new events
// merged in, almost always after all of them. It says how many of the first
// events of each of the last few snapshots of its series it keeps unchanged,
// so that whoever derived something from one of them (the live timeline
// model) may extend that derivation with the new events instead of deriving
// it again. A trace of no series (a file, a finished run) keeps nothing.
struct TraceLineage
{
    quint64 series = 0; // 0: not a snapshot of a live series
    quint64 generation = 0; // snapshots of the series before this one
    // (an earlier generation, how many of its first events this one keeps as they were)
    std::vector<std::pair<quint64, std::size_t>> kept;

    // How many earlier generations are remembered: a derivation is extended
    // from the snapshot before or the one before that (LiveModelBuilder's two models).
    static constexpr std::size_t kRemembered = 8;

    // The next snapshot of the series, which changed nothing before its
    // event `firstChanged` (its first new one, where they were merged in).
    TraceLineage next(std::size_t firstChanged) const;
};

} // namespace weft
