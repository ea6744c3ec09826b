// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>
#include <QTransform>
#include <limits>
#include <vector>

class QPainter;

namespace weft::ui {

// Many narrow rectangles that share one vertical extent (a lane's state bar,
// its lock band, its row of merged ticks), painted together.
//
// Zoomed out over a million events, a lane is a few hundred 3 px runs, and
// each QPainter::fillRect costs 100-200 ns however small it is: most of a
// frame. On a raster target the runs are written into one row of pixels
// instead and blitted once, stretched to the extent's height. A blit blends
// every pixel of the extent, so a strip with only a few rectangles (zoomed in)
// fills them one by one as before.
//
// Vector targets (SVG, PDF) get real rectangles, so an export stays a vector
// picture, but grouped: the strip's opaque runs are made disjoint (a later one
// covers an earlier one) and painted one colour at a time. QSvgGenerator writes
// a group with the whole painter state for every change of brush, about 250
// bytes; a run per group made a 2000-lane export 60 MB, and the generator
// keeps the whole document in memory until it ends. Translucent colours are
// painted at once, on any target.
class ColumnStrip
{
public:
    ColumnStrip(QPainter &painter, const QRectF &extent);
    ~ColumnStrip();
    ColumnStrip(const ColumnStrip &) = delete;
    ColumnStrip &operator=(const ColumnStrip &) = delete;

    // Covers [x0, x1) in the painter's logical coordinates, at least one device
    // pixel wide; a later fill covers an earlier one.
    void fill(qreal x0, qreal x1, const QColor &color);
    // Paints what was filled; the strip can be filled again afterwards.
    void flush();

private:
    struct Run
    {
        qreal x0, x1;
        QColor color;
    };
    void fillRect(const Run &run);
    void fillRow(const Run &run);
    void blitRow();
    void addDisjoint(Run run);
    void paintGrouped();

    QPainter &m_painter;
    QRectF m_extent;
    bool m_raster = false;
    bool m_vector = false;
    qreal m_scale = 1;
    std::vector<Run>
        m_runs; // fills not yet painted: while there are few, or sorted and disjoint (vector)
    QImage m_row; // once there are many: their pixels
    bool m_usingRow = false;
    QTransform m_device; // logical -> device pixels, on raster targets
    qreal m_deviceLeft = 0; // the extent's left edge in device pixels (may be fractional)
    int m_rowBegin = std::numeric_limits<int>::max(); // the columns of m_row filled so far
    int m_rowEnd = 0;
};

} // namespace weft::ui
