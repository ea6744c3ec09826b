// SPDX-License-Identifier: MIT
#include "playheadpass.h"

#include "theme.h"
#include "timelinerenderer.h"

#include <QPainter>
#include <QPainterPath>

namespace weft::ui {

void PlayheadPass::paint(QPainter &painter, const RenderContext &context) const
{
    if (!context.options.showPlayhead)
        return;
    const QRectF plot = context.layout.plotRect();
    const qreal x = context.xForTime(context.options.playheadNs);
    painter.setClipRect(plot.united(context.layout.rulerRect()));
    if (context.options.dimAfterPlayhead && x < plot.right())
        painter.fillRect(QRectF(QPointF(std::max(x, plot.left()), plot.top()), plot.bottomRight()),
                         context.theme.dimOverlay());
    if (x < plot.left() - 1 || x > plot.right() + 1)
        return;
    const QRectF ruler = context.layout.rulerRect();
    const qreal top = ruler.isValid() ? ruler.top() : plot.top();
    const Theme &theme = context.theme;
    painter.setPen(QPen(theme.playhead(), theme.px(2)));
    painter.drawLine(QPointF(x, top), QPointF(x, plot.bottom()));
    if (ruler.isValid()) {
        // A handle on the ruler says "drag me".
        QPainterPath handle;
        const qreal half = theme.px(7), shoulder = theme.px(8), tip = theme.px(14);
        handle.moveTo(x - half, ruler.top());
        handle.lineTo(x + half, ruler.top());
        handle.lineTo(x + half, ruler.top() + shoulder);
        handle.lineTo(x, ruler.top() + tip);
        handle.lineTo(x - half, ruler.top() + shoulder);
        handle.closeSubpath();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.fillPath(handle, context.theme.playhead());
    }
}

} // namespace weft::ui
