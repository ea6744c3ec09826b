// SPDX-License-Identifier: MIT
#include "rulerpass.h"

#include "core/derived/steporder.h"
#include "stepruler.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timeruler.h"

#include <QFontMetricsF>
#include <QPainter>

namespace weft::ui {

qreal RulerPass::labelGap(const Theme &theme)
{
    return theme.px(3);
}

qreal RulerPass::labelMargin(const Theme &theme)
{
    return theme.px(8);
}

std::vector<TimeRuler::Tick> RulerPass::ticks(const RenderContext &context, double widthPx)
{
    const QFontMetricsF metrics(context.theme.smallFont());
    if (context.options.stepAxis)
        return StepRuler::ticks(
            context.fromNs, context.toNs, widthPx, StepOrder::kUnitNs,
            [&metrics](const QString &label) { return metrics.horizontalAdvance(label); },
            labelGap(context.theme) + labelMargin(context.theme));
    return TimeRuler::ticks(
        context.fromNs, context.toNs, widthPx, context.model.startNs(),
        [&metrics](const QString &label) { return metrics.horizontalAdvance(label); },
        labelGap(context.theme) + labelMargin(context.theme));
}

void RulerPass::paint(QPainter &painter, const RenderContext &context) const
{
    const QRectF ruler = context.layout.rulerRect();
    if (!ruler.isValid())
        return;
    const Theme &theme = context.theme;
    // The corner above the labels belongs to the ruler's band too.
    const QRectF band(context.layout.labelsRect().left(), ruler.top(),
                      ruler.right() - context.layout.labelsRect().left(), ruler.height());
    painter.fillRect(band, theme.rulerBackground());
    // The band's own last row (a line through bottom() would cover the plot's
    // first row, and its end one pixel beyond the target).
    painter.fillRect(QRectF(band.left(), band.bottom() - 1, band.width(), 1), theme.gridLine());
    painter.setClipRect(ruler);
    painter.setFont(theme.smallFont());
    const QFontMetricsF metrics(painter.font());
    qreal lastLabelEnd = -1e9;
    for (const TimeRuler::Tick &tick : ticks(context, ruler.width())) {
        const qreal x = std::round(context.xForTime(tick.timeNs)) + 0.5;
        const qreal length = theme.px(tick.major ? 10 : 4);
        painter.setPen(QPen(tick.major ? theme.text() : theme.mutedText(), 1));
        painter.drawLine(QPointF(x, ruler.bottom() - length), QPointF(x, ruler.bottom()));
        const qreal gap = labelGap(theme);
        if (!tick.major || x + gap < lastLabelEnd)
            continue;
        const qreal width = metrics.horizontalAdvance(tick.label);
        if (x + gap + width > ruler.right())
            continue; // a label cut by the edge reads as a different time ("100 m")
        painter.setPen(theme.text());
        painter.drawText(QPointF(x + gap, ruler.top() + metrics.ascent() + theme.px(4)),
                         tick.label);
        lastLabelEnd = x + gap + width + labelMargin(theme);
    }
}

} // namespace weft::ui
