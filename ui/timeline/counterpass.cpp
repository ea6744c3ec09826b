// SPDX-License-Identifier: MIT
#include "counterpass.h"

#include "theme.h"
#include "timelinemodel.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace weft::ui {

void CounterPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    painter.setClipRect(layout.plotRect());
    painter.setRenderHint(QPainter::Antialiasing, false);
    const auto &counters = context.model.counters();
    for (std::size_t ci = 0; ci < counters.size(); ++ci) {
        const CounterTrack &track = counters[ci];
        const QRectF row
            = layout.counterRect(int(ci)).adjusted(0, context.theme.px(4), 0, -context.theme.px(4));
        if (!row.intersects(layout.plotRect()) || track.samples.empty())
            continue;
        const qint64 lo = std::min<qint64>(0, track.minValue);
        const double range = double(std::max<qint64>(1, track.maxValue - lo));
        auto yFor = [&](qint64 v) {
            return row.bottom() - double(v - lo) / range * row.height();
        };
        const auto &samples = track.samples;
        // Start from the sample in force at the window's start.
        auto it = std::upper_bound(samples.begin(), samples.end(), context.fromNs,
                                   [](qint64 t, const CounterSample &s) { return t < s.timeNs; });
        if (it != samples.begin())
            --it;
        QPainterPath path;
        qreal x = std::max(layout.plotRect().left(), context.xForTime(it->timeNs));
        path.moveTo(x, yFor(it->value));
        qint64 value = it->value;
        while (it != samples.end() && it->timeNs <= context.toNs) {
            x = std::max(layout.plotRect().left(), context.xForTime(it->timeNs));
            path.lineTo(x, yFor(value));
            value = it->value;
            path.lineTo(x, yFor(value));
            // One sample per pixel is all a screen can show.
            const qint64 next = context.timeForX(x + 1);
            it = gallopLowerBound(it + 1, samples.end(), next,
                                  [](const CounterSample &s, qint64 t) { return s.timeNs < t; });
            value = (it - 1)->value; // the latest of the samples merged into this pixel
            path.lineTo(x, yFor(value));
        }
        const qreal endX
            = std::min(layout.plotRect().right(), context.xForTime(context.model.endNs()));
        path.lineTo(std::max(x, endX), yFor(value));
        QPainterPath fill = path;
        fill.lineTo(std::max(x, endX), row.bottom());
        fill.lineTo(path.elementAt(0).x, row.bottom());
        fill.closeSubpath();
        painter.fillPath(fill, context.theme.counterFill());
        painter.setPen(QPen(context.theme.counterLine(), context.theme.px(1.5)));
        painter.drawPath(path);
        painter.setFont(context.theme.smallFont());
        painter.setPen(context.theme.mutedText());
        painter.drawText(row.adjusted(context.theme.px(4), 0, -context.theme.px(4), 0),
                         Qt::AlignRight | Qt::AlignTop, QString::number(track.maxValue));
    }
}

} // namespace weft::ui
