// SPDX-License-Identifier: MIT
#pragma once

#include "labelplacer.h"
#include "timelinelayout.h"

#include <QRectF>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

class QPainter;

namespace weft::ui {

class TimelineModel;
class Theme;
struct RenderOptions;

// Everything a pass needs for one frame: the model, the layout, the visible
// window and the time <-> x mapping. The mapping runs for every item drawn, so
// its scale is worked out once per frame.
struct RenderContext
{
    RenderContext(const TimelineModel &model, const Theme &theme, const TimelineLayout &layout,
                  const RenderOptions &options, qint64 fromNs, qint64 toNs)
        : model(model)
        , theme(theme)
        , layout(layout)
        , options(options)
        , fromNs(fromNs)
        , toNs(toNs > fromNs ? toNs
                             : fromNs + (fromNs < std::numeric_limits<qint64>::max() ? 1 : 0))
        , m_left(layout.plotRect().left())
        // In double: a window wider than qint64 (which loaded traces cannot
        // have, see kMaxTraceSpanNs) must not overflow here either.
        , m_pxPerNs(std::max(1e-12,
                             layout.plotRect().width()
                                 / std::max(1.0, double(this->toNs) - double(fromNs))))
        , m_nsPerPx(1 / m_pxPerNs)
    {
    }

    const TimelineModel &model;
    const Theme &theme;
    const TimelineLayout &layout;
    const RenderOptions &options;
    qint64 fromNs = 0;
    qint64 toNs = 1;
    // This frame's text placement: passes draw text only where it is free.
    mutable LabelPlacer labels;

    // The difference in integers keeps nanosecond precision far from zero
    // (epoch-based times); loaded traces keep it in range (kMaxTraceSpanNs).
    double xForTime(qint64 ns) const { return m_left + double(ns - fromNs) * m_pxPerNs; }
    qint64 timeForX(double x) const { return fromNs + qRound64((x - m_left) * m_nsPerPx); }
    // The time span of minPx pixels: items shorter than this merge.
    qint64 nsForPixels(double px) const { return qint64(std::ceil(px * m_nsPerPx)); }

private:
    double m_left = 0;
    double m_pxPerNs = 1;
    double m_nsPerPx = 1;
};

// lower_bound for a target that is usually near `first`: each merged pixel
// skips a few items, so probing 1, 2, 4 ... ahead touches far less memory than
// bisecting the whole remaining lane.
template<typename It, typename T, typename Less>
It gallopLowerBound(It first, It last, const T &value, Less less)
{
    std::ptrdiff_t step = 1;
    It low = first;
    while (true) {
        if (last - low <= step)
            return std::lower_bound(low, last, value, less);
        It probe = low + step;
        if (!less(*probe, value))
            return std::lower_bound(low, probe + 1, value, less);
        low = probe;
        step *= 2;
    }
}

// One concern of the picture. A new kind of mark is a new pass, not an `if`
// inside a big paint function.
class RenderPass
{
public:
    virtual ~RenderPass() = default;
    virtual void paint(QPainter &painter, const RenderContext &context) const = 0;
    // Before any pass paints, front to back: a pass whose text is drawn over the
    // others (chips, the deadlock callouts) claims its room in context.labels here.
    virtual void reserve(const RenderContext &context) const { (void)context; }
};

} // namespace weft::ui
