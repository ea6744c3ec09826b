// SPDX-License-Identifier: MIT
#include "pendingactionpass.h"

#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace weft::ui {

namespace {
constexpr qreal kGapPx = 6; // between the lane's end and its chip
constexpr qreal kPaddingPx = 7; // text inside the chip
constexpr qreal kMaxChipPx = 320; // a long print preview must not cover the lane
} // namespace

QColor PendingActionPass::chipColor(const Theme &theme)
{
    return theme.playhead();
}

qreal PendingActionPass::widestChipPx(const QList<PendingMark> &marks, const Theme &theme)
{
    const QFontMetricsF metrics(theme.smallFont());
    qreal widest = 0;
    for (const PendingMark &mark : marks) {
        const QString &text = mark.isBlocked() ? mark.blockedText : mark.text;
        widest = std::max(widest,
                          std::min(kMaxChipPx, metrics.horizontalAdvance(text) + 2 * kPaddingPx));
    }
    return widest > 0 ? widest + 2 * kGapPx : 0;
}

std::vector<PendingChip> PendingActionPass::chips(const RenderContext &context)
{
    std::vector<PendingChip> result;
    const QList<PendingMark> &marks = context.options.pending;
    if (marks.isEmpty())
        return result;
    const TimelineLayout &layout = context.layout;
    const QRectF plot = layout.plotRect();
    const QFontMetricsF metrics(context.theme.smallFont());
    const qreal height = std::min<qreal>(context.theme.laneHeight() - 6, metrics.height() + 8);
    const qreal maxWidth = std::min(kMaxChipPx, plot.width() - 2 * kGapPx);
    if (maxWidth < 2 * kPaddingPx + 10)
        return result;
    for (const PendingMark &mark : marks) {
        const int laneIndex = context.model.laneIndexOf(mark.actor);
        const QRectF row = layout.laneRect(laneIndex);
        if (row.isEmpty() || row.bottom() <= plot.top() || row.top() >= plot.bottom())
            continue;
        const Lane &lane = context.model.lanes()[std::size_t(laneIndex)];
        const QString full = mark.isBlocked() ? mark.blockedText : mark.text;
        const QString text = metrics.elidedText(full, Qt::ElideRight, maxWidth - 2 * kPaddingPx);
        const qreal width = std::min(maxWidth, metrics.horizontalAdvance(text) + 2 * kPaddingPx);
        // Just after the lane's live end; pulled back inside the plot when the
        // end is at (or past) the right edge, as it is while following a live run.
        const qreal end = context.xForTime(lane.endNs);
        const qreal left
            = std::clamp(end + kGapPx, plot.left() + kGapPx, plot.right() - kGapPx - width);
        PendingChip chip;
        chip.actor = mark.actor;
        chip.rect = QRectF(left, row.center().y() - height / 2, width, height);
        chip.text = text;
        chip.blocked = mark.isBlocked();
        result.push_back(chip);
    }
    return result;
}

void PendingActionPass::reserve(const RenderContext &context) const
{
    for (const PendingChip &chip : chips(context))
        context.labels.reserve(chip.rect, chip.text, this);
}

void PendingActionPass::paint(QPainter &painter, const RenderContext &context) const
{
    const std::vector<PendingChip> all = chips(context);
    if (all.empty())
        return;
    const Theme &theme = context.theme;
    painter.setClipRect(context.layout.plotRect());
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setFont(theme.smallFont());
    const QColor solid = chipColor(theme);
    for (const PendingChip &chip : all) {
        QPainterPath shape;
        shape.addRoundedRect(chip.rect, 4, 4);
        if (chip.blocked) {
            // Hatched grey: visibly "there", visibly not on offer.
            painter.fillPath(shape, theme.background());
            painter.fillPath(shape, QBrush(theme.gridLine(), Qt::BDiagPattern));
            painter.setPen(QPen(theme.mutedText(), 1, Qt::DashLine));
            painter.drawPath(shape);
            painter.setPen(theme.mutedText());
        } else {
            painter.fillPath(shape, solid);
            painter.setPen(QPen(solid.darker(130), 1));
            painter.drawPath(shape);
            painter.setPen(Qt::white);
        }
        painter.drawText(chip.rect.adjusted(kPaddingPx, 0, -kPaddingPx + 2, 0),
                         Qt::AlignVCenter | Qt::AlignLeft, chip.text);
    }
}

} // namespace weft::ui
