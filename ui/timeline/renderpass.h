#pragma once

#include "timelinelayout.h"

#include <QRectF>

#include <algorithm>
#include <cmath>
#include <iterator>

class QPainter;

namespace weft::ui {

class TimelineModel;
class Theme;
struct RenderOptions;

// Everything a pass needs for one frame: the model, the layout, the visible
// window and the time <-> x mapping.
struct RenderContext
{
    const TimelineModel &model;
    const Theme &theme;
    const TimelineLayout &layout;
    const RenderOptions &options;
    qint64 fromNs = 0;
    qint64 toNs = 1;

    double pxPerNs() const { return layout.plotRect().width() / double(toNs - fromNs); }
    double xForTime(qint64 ns) const
    {
        return layout.plotRect().left() + double(ns - fromNs) * pxPerNs();
    }
    qint64 timeForX(double x) const
    {
        return fromNs + qint64(std::llround((x - layout.plotRect().left()) / pxPerNs()));
    }
    // The time span of minPx pixels: items shorter than this merge.
    qint64 nsForPixels(double px) const { return qint64(std::ceil(px / pxPerNs())); }
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
};

} // namespace weft::ui
