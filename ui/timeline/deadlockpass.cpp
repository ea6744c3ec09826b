// SPDX-License-Identifier: MIT
#include "deadlockpass.h"

#include "core/interchange/untrustedtext.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace weft::ui {

namespace {

// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::DeadlockPass)
};

QString actorName(const Trace &trace, quint32 actor)
{
    return boundedText(actorDisplayName(trace, actor));
}

QString edgeLabel(const Trace &trace, const DeadlockEdge &edge)
{
    const QString waiter = actorName(trace, edge.waiter), holder = actorName(trace, edge.holder);
    if (edge.object == 0)
        return Tr::tr("%1 waits for %2 to finish").arg(waiter, holder);
    const QString object = boundedText(objectDisplayName(trace, edge.object));
    return Tr::tr("%1 waits for %2 (held by %3)").arg(waiter, object, holder);
}

void drawHead(QPainter &painter, QPointF tip, QPointF direction, qreal size, const QColor &color)
{
    const qreal length = std::hypot(direction.x(), direction.y());
    if (length <= 0)
        return;
    const QPointF unit = direction / length, normal(-unit.y(), unit.x());
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip - unit * size + normal * size * 0.5);
    head.lineTo(tip - unit * size - normal * size * 0.5);
    head.closeSubpath();
    painter.fillPath(head, color);
}

struct Curve
{
    QPointF from, to, c1, c2;
    qreal side = 1; // +1 bows right, -1 bows left
    const DeadlockEdge *edge = nullptr;
};

} // namespace

namespace {

struct Ring
{
    qreal x = 0; // where the ring stands
    qreal bow = 0;
    qreal top = 0, bottom = 0; // the ring's ends, top to bottom
    std::vector<Curve> curves;
};

// Where the ring stands in this frame; none when it is out of view. reserve()
// and paint() both ask, so the callouts they place and draw are the same.
std::optional<Ring> ringOf(const RenderContext &context)
{
    const auto &cycle = context.model.deadlockCycle();
    if (cycle.empty())
        return std::nullopt;
    const TimelineLayout &layout = context.layout;
    const Theme &theme = context.theme;

    // One moment when every member is blocked and every holder holds: the ring
    // stands there, in the middle of that stretch (or of its visible part), and
    // before the detector's marks if there is room, so their labels stay readable.
    qint64 stuckFrom = context.model.startNs(), stuckTo = context.model.endNs();
    qint64 detected = stuckTo;
    for (const DeadlockEdge &edge : cycle) {
        stuckFrom = std::max({stuckFrom, edge.waitFromNs, edge.heldFromNs});
        stuckTo = std::min(stuckTo, edge.heldToNs);
        detected = std::min(detected, edge.detectedNs);
    }
    if (stuckTo < stuckFrom)
        stuckTo = stuckFrom;
    Ring ring;
    ring.bow = theme.px(56);
    auto visibleMiddle = [&](qint64 from, qint64 to, qreal minWidth) -> std::optional<qreal> {
        from = std::max(from, context.fromNs);
        to = std::min(to, context.toNs);
        if (to < from || context.xForTime(to) - context.xForTime(from) < minWidth)
            return std::nullopt;
        return context.xForTime(from + (to - from) / 2);
    };
    std::optional<qreal> where
        = visibleMiddle(stuckFrom, std::min(detected, stuckTo), 2 * ring.bow + theme.px(24));
    if (!where)
        where = visibleMiddle(stuckFrom, stuckTo, 0);
    if (!where)
        return std::nullopt;
    ring.x = *where;

    const qreal barCenter = theme.stateBarCenter();
    const qreal bandCenter
        = theme.stateBarTop() + theme.stateBarHeight() + theme.px(2) + theme.lockBandHeight() / 2.0;
    for (const DeadlockEdge &edge : cycle) {
        const int waiterLane = context.model.laneIndexOf(edge.waiter);
        const int holderLane = context.model.laneIndexOf(edge.holder);
        if (waiterLane < 0 || holderLane < 0)
            continue;
        Curve curve;
        curve.edge = &edge;
        curve.from = QPointF(ring.x, layout.laneRect(waiterLane).top() + barCenter);
        curve.to = QPointF(
            ring.x, layout.laneRect(holderLane).top() + (edge.object ? bandCenter : barCenter));
        // Down the right, up the left: the arrows of a cycle close into a ring.
        curve.side = holderLane >= waiterLane ? 1 : -1;
        const qreal reach
            = ring.bow * 4.0 / 3.0; // a cubic's apex lies at 3/4 of its control offset
        curve.c1 = curve.from + QPointF(curve.side * reach, 0);
        curve.c2 = curve.to + QPointF(curve.side * reach, 0);
        ring.curves.push_back(curve);
    }
    if (ring.curves.empty())
        return std::nullopt;
    ring.top = ring.bottom = ring.curves.front().from.y();
    for (const Curve &curve : ring.curves) {
        ring.top = std::min({ring.top, curve.from.y(), curve.to.y()});
        ring.bottom = std::max({ring.bottom, curve.from.y(), curve.to.y()});
    }
    return ring;
}

constexpr int kBadgeTag = -2;

} // namespace

void DeadlockPass::reserve(const RenderContext &context) const
{
    const std::optional<Ring> ring = ringOf(context);
    if (!ring)
        return;
    const Theme &theme = context.theme;
    const QRectF plot = context.layout.plotRect();
    const QFontMetricsF metrics(theme.boldFont());

    // The badge sits in the ring, where the cycle closes.
    const QString badge = Tr::tr("deadlock");
    const QSizeF badgeSize(metrics.horizontalAdvance(badge) + theme.px(14),
                           metrics.height() + theme.px(4));
    // Even the badge yields to a step chip: the chip is what the user acts on.
    const QRectF badgeRect(ring->x - badgeSize.width() / 2,
                           (ring->top + ring->bottom) / 2 - badgeSize.height() / 2,
                           badgeSize.width(), badgeSize.height());
    context.labels.place(badge, {badgeRect}, badgeRect, this, kBadgeTag);

    // A label per arrow: beside its apex outside the ring, else above or below
    // the ring on that side, else on the other side; left out (and named on
    // hover) where every place is taken.
    const qreal gap = theme.px(6);
    for (std::size_t i = 0; i < ring->curves.size(); ++i) {
        const Curve &curve = ring->curves[i];
        const QString text = edgeLabel(context.model.trace(), *curve.edge);
        const QSizeF size(metrics.horizontalAdvance(text) + theme.px(8),
                          metrics.height() + theme.px(2));
        const qreal apexX = ring->x + curve.side * ring->bow;
        const qreal middle = (curve.from.y() + curve.to.y()) / 2 - size.height() / 2;
        const qreal above = ring->top - theme.px(6) - size.height();
        const qreal below = ring->bottom + theme.px(6);
        // Outside the apex, and ending at it (over the ring's side, clear of its middle).
        const qreal outside = curve.side > 0 ? apexX + gap : apexX - gap - size.width();
        const qreal inside = curve.side > 0 ? apexX - size.width() : apexX;
        const qreal mirrored = curve.side > 0 ? apexX - gap - size.width() - 2 * ring->bow
                                              : apexX + gap + 2 * ring->bow;
        const auto at = [&](qreal left, qreal top) {
            return QRectF(QPointF(left, top), size);
        };
        context.labels.place(text,
                             {at(outside, middle), at(outside, above), at(outside, below),
                              at(inside, above), at(inside, below), at(mirrored, middle)},
                             plot, this, int(i));
    }
}

void DeadlockPass::paint(QPainter &painter, const RenderContext &context) const
{
    const std::optional<Ring> ring = ringOf(context);
    if (!ring)
        return;
    // Painted alone (not by the renderer), the pass places its own text first.
    if (!context.labels.hasOwner(this))
        reserve(context);
    const Theme &theme = context.theme;
    const TimelineLayout &layout = context.layout;
    const QRectF plot = layout.plotRect();
    const auto &cycle = context.model.deadlockCycle();

    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor strong = theme.waitFlow();
    const qreal width = theme.px(3.5), head = theme.px(11);
    const qreal barCenter = theme.stateBarCenter();

    // The cycle's marks: rings around them, so "where it was found" stands out too.
    for (const DeadlockEdge &edge : cycle) {
        const int lane = context.model.laneIndexOf(edge.waiter);
        if (lane < 0 || edge.detectedNs < context.fromNs || edge.detectedNs > context.toNs)
            continue;
        const QPointF mark(context.xForTime(edge.detectedNs),
                           layout.laneRect(lane).top() + barCenter);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(strong, theme.px(2.5)));
        painter.drawEllipse(mark, theme.px(10), theme.px(10));
    }

    for (const Curve &curve : ring->curves) {
        QPainterPath path(curve.from);
        path.cubicTo(curve.c1, curve.c2, curve.to);
        // A halo in the background colour keeps a red arrow readable over red "blocked" bars.
        painter.strokePath(
            path, QPen(theme.background(), width + theme.px(4), Qt::SolidLine, Qt::RoundCap));
        painter.strokePath(path, QPen(strong, width, Qt::SolidLine, Qt::RoundCap));
        painter.setPen(QPen(theme.background(), theme.px(1.5)));
        painter.setBrush(strong);
        painter.drawEllipse(curve.from, theme.px(4), theme.px(4));
        drawHead(painter, curve.to, curve.to - curve.c2, head, strong);
    }

    painter.setFont(theme.boldFont());
    for (const PlacedLabel &label : context.labels.placed()) {
        if (label.owner != this)
            continue;
        if (label.tag == kBadgeTag) {
            const qreal radius = label.rect.height() / 2;
            painter.setPen(QPen(theme.background(), theme.px(2)));
            painter.setBrush(strong);
            painter.drawRoundedRect(label.rect, radius, radius);
            painter.setPen(Qt::white);
        } else {
            painter.setPen(QPen(strong, theme.px(1.5)));
            painter.setBrush(theme.labelBackground());
            painter.drawRoundedRect(label.rect, theme.px(3), theme.px(3));
            painter.setPen(strong);
        }
        painter.drawText(label.rect, Qt::AlignCenter, label.text);
    }
}

} // namespace weft::ui
