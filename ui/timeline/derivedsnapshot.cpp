// SPDX-License-Identifier: MIT
#include "derivedsnapshot.h"

namespace weft::ui {

std::shared_ptr<DerivedSnapshot> DerivedSnapshot::of(const Trace &real, bool stepAxis,
                                                     qint64 liveEndNs,
                                                     std::shared_ptr<DerivedSnapshot> reuse)
{
    auto snapshot = reuse ? std::move(reuse) : std::make_shared<DerivedSnapshot>();
    snapshot->axis.setStepAxis(stepAxis);
    snapshot->axis.setTrace(real);
    snapshot->model.setLiveTrace(snapshot->axis.shown(), snapshot->axis.shownLiveEnd(liveEndNs));
    return snapshot;
}

} // namespace weft::ui
