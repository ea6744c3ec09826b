// SPDX-License-Identifier: MIT
#include "selectionpass.h"

#include "arrowhead.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timeruler.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace weft::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::SelectionPass)
};

constexpr int kRangeTag = 1;
constexpr int kWaitTag = 2;

QColor ink(const Theme &theme, int alpha = 255)
{
    QColor color = theme.text();
    color.setAlpha(alpha);
    return color;
}

QSizeF chipSize(const Theme &theme, const QString &text)
{
    const QFontMetricsF metrics(theme.smallFont());
    return {metrics.horizontalAdvance(text) + theme.px(10), metrics.height() + theme.px(4)};
}

// The range's x extent on the plot, or an empty span when it is off screen.
std::pair<qreal, qreal> rangeSpan(const RenderContext &context, const TimeRange &range)
{
    const QRectF plot = context.layout.plotRect();
    const qreal x0 = std::max(plot.left(), context.xForTime(range.fromNs));
    const qreal x1 = std::min(plot.right(), context.xForTime(range.toNs));
    return {x0, x1};
}

QRectF rangeLabelRect(const RenderContext &context, const QString &text)
{
    const auto [x0, x1] = rangeSpan(context, *context.options.range);
    const QSizeF size = chipSize(context.theme, text);
    const QRectF plot = context.layout.plotRect();
    // Centred on the range at the top of the plot, kept on screen.
    const qreal left = std::clamp((x0 + x1) / 2 - size.width() / 2, plot.left(),
                                  std::max(plot.left(), plot.right() - size.width()));
    return {QPointF(left, plot.top() + context.theme.px(2)), size};
}

// A lane's state-bar centre line, or a negative y when the actor has no lane.
qreal barY(const RenderContext &context, quint32 actor)
{
    const int lane = context.model.laneIndexOf(actor);
    if (lane < 0)
        return -1;
    return context.layout.laneRect(lane).top() + context.theme.stateBarCenter();
}

struct LinkGeometry
{
    QPointF from, to; // cause -> the waiter going on
    QRectF wait; // the wait's span on the waiter's bar
};

std::optional<LinkGeometry> linkGeometry(const RenderContext &context)
{
    const WaitLink &link = *context.options.waitLink;
    const qreal waiterY = barY(context, link.waiter);
    if (waiterY < 0)
        return std::nullopt;
    const Theme &theme = context.theme;
    LinkGeometry g;
    const qreal half = theme.stateBarHeight() / 2.0 + theme.px(2);
    g.wait = QRectF(QPointF(context.xForTime(link.waitStartNs), waiterY - half),
                    QPointF(context.xForTime(link.waitEndNs), waiterY + half));
    g.to = QPointF(g.wait.right(), waiterY);
    const qreal causeY = link.causeActor ? barY(context, link.causeActor) : -1;
    g.from = causeY < 0 ? g.to : QPointF(context.xForTime(link.causeNs), causeY);
    // From above or below, the head lands on the bar's edge rather than inside it.
    if (g.from.y() < g.to.y())
        g.to.setY(g.wait.top());
    else if (g.from.y() > g.to.y())
        g.to.setY(g.wait.bottom());
    return g;
}

} // namespace

int SelectionPass::eventCount(const Trace &trace, const TimeRange &range)
{
    const std::vector<Event> &events = trace.events();
    const auto first = std::lower_bound(events.begin(), events.end(), range.fromNs,
                                        [](const Event &e, qint64 t) { return e.timeNs < t; });
    const auto last = std::upper_bound(first, events.end(), range.toNs,
                                       [](qint64 t, const Event &e) { return t < e.timeNs; });
    return int(last - first);
}

QString SelectionPass::rangeText(const Trace &trace, const TimeRange &range)
{
    return rangeText(eventCount(trace, range), range.durationNs());
}

QString SelectionPass::rangeText(int events, qint64 durationNs)
{
    return Tr::tr("%1 · %Ln event(s)", nullptr, events).arg(TimeRuler::formatDuration(durationNs));
}

QString SelectionPass::shownRangeText(const RenderContext &context)
{
    const TimeRange &range = *context.options.range;
    const qint64 duration = context.options.rangeDurationNs > 0 ? context.options.rangeDurationNs
                                                                : range.durationNs();
    return rangeText(eventCount(context.model.trace(), range), duration);
}

void SelectionPass::reserve(const RenderContext &context) const
{
    const Theme &theme = context.theme;
    const QRectF plot = context.layout.plotRect();
    if (context.options.range) {
        const QString text = shownRangeText(context);
        const QRectF rect = rangeLabelRect(context, text);
        context.labels.place(text, {rect, rect.translated(0, rect.height() + theme.px(2))}, plot,
                             this, kRangeTag);
    }
    if (context.options.waitLink && !context.options.waitLink->label.isEmpty()) {
        const std::optional<LinkGeometry> g = linkGeometry(context);
        if (!g)
            return;
        const QString &text = context.options.waitLink->label;
        const QSizeF size = chipSize(theme, text);
        const qreal gap = theme.px(6);
        // Beside the cause (where the eye starts), else beside the end of the wait.
        const auto at = [&](QPointF p, qreal dx, qreal dy) {
            return QRectF(QPointF(p.x() + dx, p.y() + dy), size);
        };
        const qreal up = -size.height() - gap, down = gap;
        context.labels.place(
            text,
            {at(g->from, gap, up), at(g->from, gap, down), at(g->from, -gap - size.width(), up),
             at(g->from, -gap - size.width(), down), at(g->to, gap, up), at(g->to, gap, down)},
            plot, this, kWaitTag);
    }
}

void SelectionPass::paint(QPainter &painter, const RenderContext &context) const
{
    const RenderOptions &options = context.options;
    if (!options.range && !options.waitLink && options.selectedEvent < 0)
        return;
    if (!context.labels.hasOwner(this))
        reserve(context);
    const Theme &theme = context.theme;
    const QRectF plot = context.layout.plotRect();
    const QRectF ruler = context.layout.rulerRect();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);

    if (options.range) {
        const auto [x0, x1] = rangeSpan(context, *options.range);
        if (x1 >= x0) {
            painter.setClipRect(plot.united(ruler));
            painter.fillRect(QRectF(x0, plot.top(), std::max<qreal>(1, x1 - x0), plot.height()),
                             ink(theme, 22));
            if (ruler.isValid())
                painter.fillRect(
                    QRectF(x0, ruler.top(), std::max<qreal>(1, x1 - x0), ruler.height()),
                    ink(theme, 60));
            painter.setPen(QPen(ink(theme, 160), theme.px(1), Qt::DashLine));
            const qreal top = ruler.isValid() ? ruler.top() : plot.top();
            painter.drawLine(QPointF(x0, top), QPointF(x0, plot.bottom()));
            painter.drawLine(QPointF(x1, top), QPointF(x1, plot.bottom()));
        }
    }

    painter.setClipRect(plot);
    if (options.waitLink) {
        if (const std::optional<LinkGeometry> g = linkGeometry(context)) {
            const QColor strong = ink(theme);
            painter.setPen(QPen(strong, theme.px(2)));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(g->wait);
            if (g->from != g->to) {
                const qreal width = theme.px(2.5), head = theme.px(10);
                painter.setPen(QPen(strong, width));
                const QPointF d = g->to - g->from;
                const qreal length = std::hypot(d.x(), d.y());
                const QPointF stop = length > head ? g->to - d / length * head * 0.8 : g->from;
                painter.drawLine(g->from, stop);
                drawArrowHead(painter, g->to, d, head, head * 0.8, strong);
                painter.setBrush(strong);
                painter.setPen(Qt::NoPen);
                painter.drawEllipse(g->from, theme.px(3.5), theme.px(3.5));
            }
        }
    }

    if (options.selectedEvent >= 0
        && std::size_t(options.selectedEvent) < context.model.trace().events().size()) {
        const Event &event = context.model.trace().events()[std::size_t(options.selectedEvent)];
        const qreal y = barY(context, event.actor);
        if (y >= 0) {
            const qreal r = theme.px(7);
            painter.setPen(QPen(ink(theme), theme.px(2)));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(QPointF(context.xForTime(event.timeNs), y), r, r);
        }
    }

    // The labels this pass placed, on a background so they read over any bar.
    painter.setClipRect(plot);
    painter.setFont(theme.smallFont());
    for (const PlacedLabel &label : context.labels.placed()) {
        if (label.owner != this)
            continue;
        painter.setPen(QPen(ink(theme), theme.px(1)));
        painter.setBrush(theme.labelBackground());
        painter.drawRoundedRect(label.rect, theme.px(3), theme.px(3));
        painter.setPen(theme.text());
        painter.drawText(label.rect, Qt::AlignCenter, label.text);
    }
    painter.restore();
}

} // namespace weft::ui
