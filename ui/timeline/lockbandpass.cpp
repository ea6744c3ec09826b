// SPDX-License-Identifier: MIT
#include "lockbandpass.h"

#include "columnstrip.h"
#include "core/saturating.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QPainter>
#include <algorithm>

namespace weft::ui {

void LockBandPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    painter.setClipRect(layout.plotRect());
    const auto &lanes = context.model.lanes();
    const qreal minPx = context.theme.minItemWidth();
    const int barBottom = context.theme.stateBarTop() + context.theme.stateBarHeight();
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const Lane &lane = lanes[std::size_t(li)];
        if (lane.locks.empty())
            continue;
        const QRectF row = layout.laneRect(li);
        const qreal top = row.top() + barBottom + context.theme.px(2);
        const qreal height = context.theme.lockBandHeight();
        const QRectF plot = layout.plotRect();
        ColumnStrip strip(painter, QRectF(plot.left(), top, plot.width(), height));
        // Bands may nest, so search from the earliest start that could still reach the window.
        auto it = std::lower_bound(lane.locks.begin(), lane.locks.end(),
                                   saturatingSub(context.fromNs, lane.longestLockNs),
                                   [](const LockBand &b, qint64 t) { return b.startNs < t; });
        qint64 clipStart = context.fromNs;
        while (it != lane.locks.end() && it->startNs < context.toNs) {
            if (it->endNs < context.fromNs) {
                ++it;
                continue;
            }
            const qint64 start = std::max(it->startNs, clipStart);
            const qreal x0 = context.xForTime(start);
            const qreal x1 = context.xForTime(it->endNs);
            const qreal width = std::max(x1 - x0, minPx);
            strip.fill(x0, x0 + width, context.theme.objectColor(it->lock));
            if (x1 - x0 >= minPx) {
                ++it;
                continue;
            }
            // Bands starting inside these few pixels merge; a long one among them goes on.
            const qint64 bucketEnd = std::max(start + 1, context.timeForX(x0 + minPx));
            const auto next
                = gallopLowerBound(it + 1, lane.locks.end(), bucketEnd,
                                   [](const LockBand &b, qint64 t) { return b.startNs < t; });
            const auto last = next - 1;
            if (last != it && last->endNs > bucketEnd) {
                it = last;
                clipStart = bucketEnd;
            } else {
                it = next;
                clipStart = context.fromNs;
            }
        }
    }
}

} // namespace weft::ui
