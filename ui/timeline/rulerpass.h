// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"
#include "timeruler.h"

#include <vector>

namespace weft::ui {

// The time axis: ticks in ns/µs/ms/s relative to the trace's start.
class RulerPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
    // The ruler's ticks across widthPx, spaced for its labels at the theme's
    // text size; the grid draws its lines on the same majors.
    static std::vector<TimeRuler::Tick> ticks(const RenderContext &context, double widthPx);
    // Space kept before a label (after its tick) and after it.
    static qreal labelGap(const Theme &theme);
    static qreal labelMargin(const Theme &theme);
};

} // namespace weft::ui
