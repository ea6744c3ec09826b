// SPDX-License-Identifier: MIT
#pragma once

#include "ui/timeline/renderpass.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QColor>
#include <QImage>
#include <QRect>
#include <QSize>
#include <optional>

// Paints a model offscreen, through one pass or the whole renderer, and says
// where things must be in the picture: the same TimelineLayout and time <-> x
// mapping (RenderContext) the renderer uses, never margins written down in a test.
namespace weft::testsupport {

// Options that show the trace from fromNs to toNs.
ui::RenderOptions window(qint64 fromNs, qint64 toNs);

class RenderProbe
{
public:
    RenderProbe(const ui::TimelineModel &model, const ui::Theme &theme,
                const ui::RenderOptions &options, QSize size, QPointF origin = {0, 0});
    // The context and layout refer to the probe's own members.
    RenderProbe(const RenderProbe &) = delete;
    RenderProbe &operator=(const RenderProbe &) = delete;

    const ui::Theme &theme() const { return m_theme; }
    const ui::TimelineLayout &layout() const { return m_layout; }
    const ui::RenderContext &context() const { return m_context; }
    QRectF target() const { return m_target; }

    // The image as the whole renderer paints it into the target; `canvas` is the
    // image's size when the target is only part of it, `outside` what is there before.
    QImage renderAll(std::optional<QSize> canvas = {},
                     const QColor &outside = Qt::transparent) const;
    // One pass alone over a plain `base` (the background unless given).
    QImage renderPass(const ui::RenderPass &pass, std::optional<QColor> base = {}) const;
    // An image of the target's size filled with the background: what a pass that
    // draws nothing leaves.
    QImage background() const;

    qreal x(qint64 ns) const { return m_context.xForTime(ns); }
    // The pixel in the middle of a lane's state bar at a time.
    QPoint barPoint(int lane, qint64 ns) const;
    // The pixel in the middle of a lane's lock band (under its state bar) at a time.
    QPoint bandPoint(int lane, qint64 ns) const;

    // The window TimelineRenderer::render shows for these options: theirs, or the
    // whole trace with 2 % of room each side (repeated here: the renderer keeps
    // it private; tests that rely on it check the picture, not these numbers).
    static qint64 windowFrom(const ui::TimelineModel &model, const ui::RenderOptions &options);
    static qint64 windowTo(const ui::TimelineModel &model, const ui::RenderOptions &options);

private:
    const ui::TimelineModel &m_model;
    const ui::Theme &m_theme;
    const ui::RenderOptions m_options;
    const QRectF m_target;
    const ui::TimelineLayout m_layout;
    const ui::RenderContext m_context;
};

} // namespace weft::testsupport
