// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

namespace weft {

// The step-order axis: the same trace with each event in a column of its
// own, in recorded (causal) order, so the time a learner spends thinking
// between two steps, or a thread spends idle, takes no room. Event i is at
// (i + 1) × kUnitNs; ids, objects, texts and the order of events are kept,
// so event index i names the same event in both traces and every view and
// pass draws the mapped trace unchanged.
class StepOrder
{
public:
    // One column. Wide enough that derived spans (a lock held from step 3 to
    // step 4) keep integer midpoints; small enough that no trace overflows.
    static constexpr qint64 kUnitNs = 1000;

    static Trace map(const Trace &trace);
    // The step (1-based) at a mapped time, and the mapped time of a step.
    static qint64 stepAt(qint64 mappedNs) { return mappedNs / kUnitNs; }
    static qint64 timeOfStep(qint64 step) { return step * kUnitNs; }
    // Where "now" is on the step axis during a live run: the next free column.
    static qint64 liveEnd(const Trace &mapped)
    {
        return timeOfStep(qint64(mapped.events().size()) + 1);
    }
};

} // namespace weft
