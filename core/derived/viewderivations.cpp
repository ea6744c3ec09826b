// SPDX-License-Identifier: MIT
#include "viewderivations.h"

#include "tracearrows.h"
#include "traceslices.h"
#include "tracestates.h"

#include <thread>

namespace weft {

void deriveForViews(const Trace &trace)
{
    // The states are about half of the work; the slices and arrows, the other.
    // A derivation that fails (out of memory) is left to whoever asks next.
    std::thread other([&trace] {
        try {
            TraceSlices::of(trace);
            TraceArrows::of(trace, TraceArrows::Handoffs::Skip);
        } catch (const std::exception &) { // NOLINT(bugprone-empty-catch)
        }
    });
    try {
        TraceStates::of(trace);
    } catch (const std::exception &) { // NOLINT(bugprone-empty-catch)
    }
    other.join();
}

} // namespace weft
