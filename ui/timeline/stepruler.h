// SPDX-License-Identifier: MIT
#pragma once

#include "timeruler.h"

namespace weft::ui {

// The ruler of the step-order axis (StepOrder): step N sits at N × unitNs and
// the labels say "step 12", not a time. Majors every 1, 2, 5, 10 … steps, as
// far apart as the widest label needs; a minor tick on every step that has
// room for one.
class StepRuler
{
public:
    static std::vector<TimeRuler::Tick> ticks(qint64 fromNs, qint64 toNs, double widthPx,
                                              qint64 unitNs,
                                              const TimeRuler::LabelWidth &labelWidth,
                                              double gapPx);
    static QString label(qint64 step);
};

} // namespace weft::ui
