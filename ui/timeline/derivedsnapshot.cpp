// SPDX-License-Identifier: MIT
#include "derivedsnapshot.h"

namespace weft::ui {

std::shared_ptr<DerivedSnapshot> DerivedSnapshot::of(const Trace &real, bool stepAxis)
{
    auto snapshot = std::make_shared<DerivedSnapshot>();
    snapshot->axis.setStepAxis(stepAxis);
    snapshot->axis.setTrace(real);
    snapshot->model.setTrace(snapshot->axis.shown());
    return snapshot;
}

} // namespace weft::ui
