// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

namespace weft::ui {

// Locks held: a band in the lock's colour under the owner's state bar.
class LockBandPass : public RenderPass
{
public:
    void paint(QPainter &painter, const RenderContext &context) const override;
};

} // namespace weft::ui
