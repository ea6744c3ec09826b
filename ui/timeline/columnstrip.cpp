// SPDX-License-Identifier: MIT
#include "columnstrip.h"

#include <QPaintEngine>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace weft::ui {

namespace {
// Beyond this many rectangles in one strip, one blit of the row is cheaper.
constexpr std::size_t kDirectFills = 48;
} // namespace

ColumnStrip::ColumnStrip(QPainter &painter, const QRectF &extent)
    : m_painter(painter)
    , m_extent(extent)
{
    const QTransform device = painter.deviceTransform();
    m_raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster
        && device.type() <= QTransform::TxScale && device.m11() > 0
        && qFuzzyCompare(device.m11(), device.m22()) && extent.width() > 0
        && !painter.viewTransformEnabled() && !painter.testRenderHint(QPainter::Antialiasing);
    if (m_raster) {
        m_scale = device.m11();
        m_device = device;
        m_deviceLeft = device.map(QPointF(extent.left(), extent.top())).x();
    }
    m_vector = painter.paintEngine() && painter.paintEngine()->type() != QPaintEngine::Raster;
}

ColumnStrip::~ColumnStrip()
{
    flush();
}

void ColumnStrip::fill(qreal x0, qreal x1, const QColor &color)
{
    const Run run {x0, x1, color};
    if (m_vector && color.alpha() == 255) {
        addDisjoint(run);
        return;
    }
    if (!m_raster || color.alpha() != 255) {
        fillRect(run); // the row holds opaque pixels only
        return;
    }
    if (m_usingRow) {
        fillRow(run);
        return;
    }
    m_runs.push_back(run);
    if (m_runs.size() <= kDirectFills)
        return;
    m_row = QImage(std::max(1, qRound(m_extent.width() * m_scale)), 1,
                   QImage::Format_ARGB32_Premultiplied);
    m_row.fill(Qt::transparent);
    m_usingRow = true;
    for (const Run &r : m_runs)
        fillRow(r);
    m_runs.clear();
}

void ColumnStrip::fillRect(const Run &run)
{
    m_painter.fillRect(QRectF(run.x0, m_extent.top(), std::max<qreal>(run.x1 - run.x0, 1 / m_scale),
                              m_extent.height()),
                       run.color);
}

void ColumnStrip::fillRow(const Run &run)
{
    // The same rounding as an aliased fillRect: device pixels from round(x0) to round(x1),
    // clamped before rounding (zoomed far in, x can be beyond any integer). Rounded
    // where they are on the device, then counted from the row's first column (the
    // extent's left edge, rounded): a widget at a fractional device offset (an odd
    // position at 1.5x) would otherwise have every run a column off.
    const int columns = m_row.width();
    const int firstColumn = qRound(m_deviceLeft);
    const auto column = [&](qreal x) {
        const qreal offset = std::clamp((x - m_extent.left()) * m_scale, -1.0, double(columns) + 1);
        return qRound(m_deviceLeft + offset) - firstColumn;
    };
    const int first = std::clamp(column(run.x0), 0, columns);
    const int last = std::clamp(std::max(column(run.x1), first + 1), 0, columns);
    auto *pixels = reinterpret_cast<QRgb *>(m_row.scanLine(0));
    if (first >= last)
        return;
    std::fill(pixels + first, pixels + last, run.color.rgba()); // opaque: premultiplied == straight
    m_rowBegin = std::min(m_rowBegin, first);
    m_rowEnd = std::max(m_rowEnd, last);
}

void ColumnStrip::blitRow()
{
    // The row copied onto each device row of the extent, unscaled: a stretched
    // blit gathers and blends every pixel of the extent through Qt's scaling
    // code, ~4 ns apiece where ticks and gaps alternate (a third of a zoomed-out
    // frame); an unscaled one blends four pixels at a time. Only the columns
    // that were filled, and the device rows fillRect would cover.
    if (m_rowBegin < m_rowEnd) {
        const QRectF device = m_device.mapRect(m_extent);
        const int left = qRound(m_deviceLeft); // the row's first column, as fillRow() counts
        const int top = qRound(device.top()), bottom = qRound(device.bottom());
        const QRect source(m_rowBegin, 0, m_rowEnd - m_rowBegin, 1);
        m_painter.save();
        // Device pixels: a world transform that undoes what the painter adds
        // beyond its own world transform (the device's pixel ratio, and for a
        // widget painted into its window, where the widget sits), so that the
        // whole mapping is the identity; the offset is already in `device`.
        m_painter.setWorldTransform(m_painter.deviceTransform().inverted()
                                    * m_painter.worldTransform());
        for (int y = top; y < bottom; ++y)
            m_painter.drawImage(QPoint(left + m_rowBegin, y), m_row, source);
        m_painter.restore();
    }
    m_row.fill(Qt::transparent);
    m_rowBegin = std::numeric_limits<int>::max();
    m_rowEnd = 0;
}

void ColumnStrip::addDisjoint(Run run)
{
    run.x1 = std::max(run.x1, run.x0 + 1 / m_scale);
    // m_runs is sorted and disjoint, so its ends are sorted too; runs mostly
    // arrive left to right, so this is usually an append.
    const auto first = std::upper_bound(m_runs.begin(), m_runs.end(), run.x0,
                                        [](qreal x, const Run &r) { return x < r.x1; });
    auto last = first;
    while (last != m_runs.end() && last->x0 < run.x1)
        ++last;
    // At most three runs replace the covered ones: what is left of the first
    // on the left, the new run, what is left of the last on the right.
    std::array<Run, 3> replacement;
    std::size_t count = 0;
    if (first != last && first->x0 < run.x0)
        replacement[count++] = {first->x0, run.x0, first->color};
    replacement[count++] = run;
    if (first != last && (last - 1)->x1 > run.x1)
        replacement[count++] = {run.x1, (last - 1)->x1, (last - 1)->color};
    const auto at = m_runs.erase(first, last);
    m_runs.insert(at, replacement.begin(), replacement.begin() + std::ptrdiff_t(count));
}

void ColumnStrip::paintGrouped()
{
    std::vector<std::pair<QRgb, QList<QRectF>>> byColor; // in order of first use
    for (const Run &run : m_runs) {
        auto it = std::find_if(byColor.begin(), byColor.end(),
                               [&](const auto &group) { return group.first == run.color.rgba(); });
        if (it == byColor.end())
            it = byColor.insert(byColor.end(), {run.color.rgba(), {}});
        it->second.append(QRectF(run.x0, m_extent.top(), run.x1 - run.x0, m_extent.height()));
    }
    m_runs.clear();
    m_painter.save();
    m_painter.setPen(Qt::NoPen);
    for (const auto &[rgba, rects] : byColor) {
        m_painter.setBrush(QColor::fromRgba(rgba));
        m_painter.drawRects(rects.constData(), int(rects.size()));
    }
    m_painter.restore();
}

void ColumnStrip::flush()
{
    if (m_vector) {
        paintGrouped();
        return;
    }
    for (const Run &run : m_runs)
        fillRect(run);
    m_runs.clear();
    if (m_usingRow)
        blitRow();
}

} // namespace weft::ui
