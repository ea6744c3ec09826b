// SPDX-License-Identifier: MIT
#pragma once

#include "ui/timeline/renderpass.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QRect>
#include <QSize>
#include <algorithm>
#include <cstdlib>
#include <optional>

// Paints a model offscreen, through one pass or the whole renderer, and says
// where things must be in the picture: the same TimelineLayout and time <-> x
// mapping (RenderContext) the renderer uses, never margins written down in a test.
namespace weft::testing {

// Options that show the trace from fromNs to toNs.
inline ui::RenderOptions window(qint64 fromNs, qint64 toNs)
{
    ui::RenderOptions options;
    options.fromNs = fromNs;
    options.toNs = toNs;
    return options;
}

using ui::RenderContext;
using ui::RenderOptions;
using ui::RenderPass;
using ui::Theme;
using ui::TimelineLayout;
using ui::TimelineModel;
using ui::TimelineRenderer;

class RenderProbe
{
public:
    RenderProbe(const TimelineModel &model, const Theme &theme, const RenderOptions &options,
                QSize size, QPointF origin = {0, 0})
        : m_model(model)
        , m_theme(theme)
        , m_options(options)
        , m_target(origin, QSizeF(size))
        , m_layout(model, theme, m_target, options.layout)
        , m_context(model, theme, m_layout, m_options, windowFrom(model, options),
                    windowTo(model, options))
    {
    }
    // The context and layout refer to the probe's own members.
    RenderProbe(const RenderProbe &) = delete;
    RenderProbe &operator=(const RenderProbe &) = delete;

    const Theme &theme() const { return m_theme; }
    const TimelineLayout &layout() const { return m_layout; }
    const RenderContext &context() const { return m_context; }
    QRectF target() const { return m_target; }

    // The image as the whole renderer paints it into the target; `canvas` is the
    // image's size when the target is only part of it, `outside` what is there before.
    QImage renderAll(std::optional<QSize> canvas = {},
                     const QColor &outside = Qt::transparent) const
    {
        QImage image = blank(canvas.value_or(m_target.toAlignedRect().size()), outside);
        QPainter painter(&image);
        TimelineRenderer(m_theme).render(painter, m_target, m_model, m_options);
        painter.end();
        return image;
    }

    // One pass alone over a plain `base` (the background unless given).
    QImage renderPass(const RenderPass &pass, std::optional<QColor> base = {}) const
    {
        QImage image = blank(m_target.toAlignedRect().size(), base.value_or(m_theme.background()));
        QPainter painter(&image);
        pass.paint(painter, m_context);
        painter.end();
        return image;
    }

    // An image of the target's size filled with the background: what a pass that
    // draws nothing leaves.
    QImage background() const
    {
        return blank(m_target.toAlignedRect().size(), m_theme.background());
    }

    qreal x(qint64 ns) const { return m_context.xForTime(ns); }
    // The pixel in the middle of a lane's state bar at a time.
    QPoint barPoint(int lane, qint64 ns) const
    {
        return QPointF(x(ns), m_layout.laneRect(lane).top() + m_theme.stateBarCenter()).toPoint();
    }
    // The pixel in the middle of a lane's lock band (under its state bar) at a time.
    QPoint bandPoint(int lane, qint64 ns) const
    {
        const qreal top = m_layout.laneRect(lane).top() + m_theme.stateBarTop()
            + m_theme.stateBarHeight() + m_theme.px(2);
        return QPointF(x(ns), top + m_theme.lockBandHeight() / 2.0).toPoint();
    }

    // The window TimelineRenderer::render shows for these options: theirs, or the
    // whole trace with 2 % of room each side (repeated here: the renderer keeps it private).
    static qint64 windowFrom(const TimelineModel &model, const RenderOptions &options)
    {
        return options.toNs > options.fromNs ? options.fromNs : model.startNs() - margin(model);
    }
    static qint64 windowTo(const TimelineModel &model, const RenderOptions &options)
    {
        if (options.toNs > options.fromNs)
            return options.toNs;
        return std::max(model.endNs() + margin(model), windowFrom(model, options) + 1);
    }

private:
    static qint64 margin(const TimelineModel &model)
    {
        return (model.endNs() - model.startNs()) / 50;
    }
    static QImage blank(QSize size, const QColor &fill)
    {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(fill);
        return image;
    }

    const TimelineModel &m_model;
    const Theme &m_theme;
    const RenderOptions m_options;
    const QRectF m_target;
    const TimelineLayout m_layout;
    const RenderContext m_context;
};

// Within a few levels per channel: antialiasing and premultiplied rounding.
inline bool near(const QColor &a, const QColor &b, int tolerance = 12)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

// How many pixels of `rect` (clipped to the image) are near `color`.
inline int countNear(const QImage &image, const QRect &rect, const QColor &color,
                     int tolerance = 12)
{
    const QRect r = rect.intersected(image.rect());
    int count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            count += near(image.pixelColor(x, y), color, tolerance) ? 1 : 0;
    return count;
}

// How many pixels of `rect` are not exactly `color`: ink over a plain fill.
inline int countOther(const QImage &image, const QRect &rect, const QColor &color)
{
    const QRect r = rect.intersected(image.rect());
    int count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            count += image.pixelColor(x, y) != color ? 1 : 0;
    return count;
}

// The square of radius r around p, for glyphs whose exact pixel antialiasing decides.
inline QRect around(QPoint p, int r)
{
    return QRect(p.x() - r, p.y() - r, 2 * r + 1, 2 * r + 1);
}

// What a translucent colour looks like painted over an opaque one.
inline QColor over(const QColor &base, const QColor &overlay)
{
    QImage pixel(1, 1, QImage::Format_ARGB32_Premultiplied);
    pixel.fill(base);
    QPainter painter(&pixel);
    painter.fillRect(QRect(0, 0, 1, 1), overlay);
    painter.end();
    return pixel.pixelColor(0, 0);
}

} // namespace weft::testing
