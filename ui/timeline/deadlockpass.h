// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

namespace weft::ui {

// A detected wait-for cycle, drawn so a learner sees the loop at once: from
// each blocked waiter's bar a thick curved arrow to the band of the lock its
// holder keeps, all at one moment when every member is stuck, the arrows
// bowing out on either side into a ring, a "deadlock" badge where the ring
// closes and a label per arrow ("T1 waits for L2 (held by T2)") where it fits.
class DeadlockPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
    // The callouts and the badge are what a learner looks for: they claim their
    // room before print labels and byte counts, after the step chips.
    void reserve(const RenderContext &context) const override;
};

} // namespace weft::ui
