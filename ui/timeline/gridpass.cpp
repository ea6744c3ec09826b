// SPDX-License-Identifier: MIT
#include "gridpass.h"

#include "rulerpass.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timeruler.h"

#include <QPainter>

namespace weft::ui {

void GridPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    const QRectF plot = layout.plotRect();
    painter.setClipRect(plot);
    const auto &lanes = context.model.lanes();
    for (int i = std::max(0, layout.firstVisibleLane()); i <= layout.lastVisibleLane(); ++i) {
        const QRectF row = layout.laneRect(i);
        const bool selected = lanes[std::size_t(i)].actor == context.options.selectedActor
            && context.options.selectedActor != 0;
        if (selected)
            painter.fillRect(row, context.theme.selectedRow());
        else if (i % 2)
            painter.fillRect(row, context.theme.alternateRow());
    }
    painter.setPen(QPen(context.theme.gridLine(), 1));
    for (const TimeRuler::Tick &tick : RulerPass::ticks(context, plot.width())) {
        if (!tick.major)
            continue;
        const qreal x = std::round(context.xForTime(tick.timeNs)) + 0.5;
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
}

} // namespace weft::ui
