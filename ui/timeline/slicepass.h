// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

namespace weft::ui {

// Named slices, nested under their lane's bars the way Perfetto and Tracy
// stack them: one row per depth, the name inside when it fits, slices under
// minItemWidth merged per row.
class SlicePass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
};

} // namespace weft::ui
