// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

namespace weft::ui {

// Lane labels, group (process) headers and counter names in the left column.
class LabelPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
};

} // namespace weft::ui
