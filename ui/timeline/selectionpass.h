// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

#include <QString>

namespace weft {
class Trace;
}

namespace weft::ui {

struct TimeRange;

// What the user picked out, in the neutral ink of the text so it never
// borrows a state's colour: the selected event ringed; a selected wait
// outlined on its lane with an arrow from the event that ended it ("who
// unblocked whom") and its label; a marked range shaded across the plot and
// the ruler with its length and event count.
class SelectionPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
    // What the user is looking at claims room right after the step chips.
    void reserve(const RenderContext &context) const override;

    // "2.100 ms · 341 events": the range label.
    static QString rangeText(const Trace &trace, const TimeRange &range);
    static QString rangeText(int events, qint64 durationNs);
    // The label of the range the options draw, with its real length.
    static QString shownRangeText(const RenderContext &context);
    // How many events lie in [fromNs, toNs].
    static int eventCount(const Trace &trace, const TimeRange &range);
};

} // namespace weft::ui
