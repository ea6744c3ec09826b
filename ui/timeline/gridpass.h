// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

namespace weft::ui {

// Row backgrounds (alternating) and faint vertical grid lines at the ruler's ticks.
class GridPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
};

} // namespace weft::ui
