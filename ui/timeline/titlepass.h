// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

namespace weft::ui {

// The title and outcome summary on exports.
class TitlePass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
};

} // namespace weft::ui
