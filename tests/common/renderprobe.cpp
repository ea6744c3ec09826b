// SPDX-License-Identifier: MIT
#include "renderprobe.h"

#include <QPainter>
#include <algorithm>

namespace weft::testsupport {

namespace {

qint64 margin(const ui::TimelineModel &model)
{
    return (model.endNs() - model.startNs()) / 50;
}

QImage blank(QSize size, const QColor &fill)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(fill);
    return image;
}

} // namespace

ui::RenderOptions window(qint64 fromNs, qint64 toNs)
{
    ui::RenderOptions options;
    options.fromNs = fromNs;
    options.toNs = toNs;
    return options;
}

RenderProbe::RenderProbe(const ui::TimelineModel &model, const ui::Theme &theme,
                         const ui::RenderOptions &options, QSize size, QPointF origin)
    : m_model(model)
    , m_theme(theme)
    , m_options(options)
    , m_target(origin, QSizeF(size))
    , m_layout(model, theme, m_target, options.layout)
    , m_context(model, theme, m_layout, m_options, windowFrom(model, options),
                windowTo(model, options))
{
}

QImage RenderProbe::renderAll(std::optional<QSize> canvas, const QColor &outside) const
{
    QImage image = blank(canvas.value_or(m_target.toAlignedRect().size()), outside);
    QPainter painter(&image);
    ui::TimelineRenderer(m_theme).render(painter, m_target, m_model, m_options);
    painter.end();
    return image;
}

QImage RenderProbe::renderPass(const ui::RenderPass &pass, std::optional<QColor> base) const
{
    QImage image = blank(m_target.toAlignedRect().size(), base.value_or(m_theme.background()));
    QPainter painter(&image);
    pass.paint(painter, m_context);
    painter.end();
    return image;
}

QImage RenderProbe::background() const
{
    return blank(m_target.toAlignedRect().size(), m_theme.background());
}

QPoint RenderProbe::barPoint(int lane, qint64 ns) const
{
    return QPointF(x(ns), m_layout.laneRect(lane).top() + m_theme.stateBarCenter()).toPoint();
}

QPoint RenderProbe::bandPoint(int lane, qint64 ns) const
{
    const qreal top = m_layout.laneRect(lane).top() + m_theme.stateBarTop()
        + m_theme.stateBarHeight() + m_theme.px(2);
    return QPointF(x(ns), top + m_theme.lockBandHeight() / 2.0).toPoint();
}

qint64 RenderProbe::windowFrom(const ui::TimelineModel &model, const ui::RenderOptions &options)
{
    return options.toNs > options.fromNs ? options.fromNs : model.startNs() - margin(model);
}

qint64 RenderProbe::windowTo(const ui::TimelineModel &model, const ui::RenderOptions &options)
{
    if (options.toNs > options.fromNs)
        return options.toNs;
    return std::max(model.endNs() + margin(model), windowFrom(model, options) + 1);
}

} // namespace weft::testsupport
