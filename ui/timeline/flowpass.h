// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"
#include "timelinemodel.h"

#include <QPointF>
#include <vector>

namespace weft::ui {

class Theme;

// One arrow as the pass draws it in a frame, or a fan of them bundled into one.
struct FlowArrow
{
    Flow flow; // the arrow's flow; a fan's first member
    QPointF from, to;
    bool highlighted = false; // touches the selected lane: drawn strong, on top
    bool light = false; // one of many messages: drawn faint so the bars stay readable
    // A fan: start (or join) arrows between one lane and `ends.size()` others at
    // one moment, drawn as one trunk from `from` to the farthest lane with a
    // tick at each lane's end, and a count. Empty for a plain arrow.
    std::vector<QPointF> ends;
};

// Arrows between lanes: spawn, join, waits-for, packets, messages, notifies.
// By default the selected lane's arrows, fans of start/join arrows bundled, and
// the rest within a density budget (traffic first); RenderOptions::allArrows
// draws every one.
class FlowPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;

    // What paint() draws, in drawing order; tests count it.
    static std::vector<FlowArrow> arrows(const RenderContext &context);
    // Pen widths grow with the text size, so arrows stay visible on a projector.
    static qreal penWidth(const Theme &theme, bool highlighted);
    // The density budget: when more arrows than this per 100 px (at 100 %) of the
    // plot's width are in view, each 100 px column keeps only this many (fans count one).
    static constexpr int kArrowsPer100Px = 3;
    // Fewer arrows than this between one lane and others at one moment stay apart.
    static constexpr int kMinFan = 3;
};

} // namespace weft::ui
