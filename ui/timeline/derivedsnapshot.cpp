// SPDX-License-Identifier: MIT
#include "derivedsnapshot.h"

#include "core/derived/steporder.h"

namespace weft::ui {

std::shared_ptr<DerivedSnapshot> DerivedSnapshot::of(const Trace &real, bool stepAxis,
                                                     qint64 liveEndNs)
{
    auto snapshot = std::make_shared<DerivedSnapshot>();
    snapshot->axis.setStepAxis(stepAxis);
    snapshot->axis.setTrace(real);
    const Trace &shown = snapshot->axis.shown();
    // On the step axis "now" is the next column (as TimelineView::setLiveEnd has it).
    const qint64 shownEnd = liveEndNs && stepAxis ? StepOrder::liveEnd(shown) : liveEndNs;
    snapshot->model.setLiveTrace(shown, shownEnd);
    return snapshot;
}

} // namespace weft::ui
