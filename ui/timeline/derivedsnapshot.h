// SPDX-License-Identifier: MIT
#pragma once

#include "axismapping.h"
#include "timelinemodel.h"

#include <memory>

namespace weft::ui {

// What the view draws of one trace: its axis mapping and its model, derived
// together off the window's thread (a live run's snapshot, by
// LiveModelBuilder; an opened file, by TraceLoadJob) and adopted by the view
// (TimelineView) with a swap. On the step axis the model holds the trace's
// step-order map.
struct DerivedSnapshot
{
    AxisMapping axis;
    TimelineModel model;

    // Both derived from `real`, on the step axis or the time axis. A live
    // run's (`liveEndNs`, "now" on the real clock, not 0) reaches "now"
    // already, so that moving "now" on the window's thread copies nothing.
    // Into `reuse` when given: an earlier snapshot of the same run, whose
    // model is extended with the new events rather than derived again.
    static std::shared_ptr<DerivedSnapshot> of(const Trace &real, bool stepAxis,
                                               qint64 liveEndNs = 0,
                                               std::shared_ptr<DerivedSnapshot> reuse = {});
};

} // namespace weft::ui
