// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "renderpass.h"

namespace weft::ui {

// Says where a lost update happened, in words, beside its red mark: "T2
// overwrote T1's write: an update is lost" (T1 the thread whose write was
// overwritten, found as the counter's last write by another thread). Drawn
// live too, the moment the mark arrives, so a stepping learner sees what
// their step caused: for the latest lost update in view, while only a few are
// (locks.counter marks thousands: their glyphs say it there). The callout
// claims its room after the step chips, before print labels.
class LostUpdatePass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
    void reserve(const RenderContext &context) const override;

    static constexpr int kMaxCallouts = 4;
    // The sentence for the lost update the Mark at eventIndex records.
    static QString calloutText(const Trace &trace, int eventIndex);
};

} // namespace weft::ui
