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
    QString object = boundedText(trace.object(edge.object).name);
    if (object.isEmpty())
        object = Tr::tr("object %1").arg(edge.object);
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

void DeadlockPass::paint(QPainter &painter, const RenderContext &context) const
{
    const auto &cycle = context.model.deadlockCycle();
    if (cycle.empty())
        return;
    const TimelineLayout &layout = context.layout;
    const Theme &theme = context.theme;
    const QRectF plot = layout.plotRect();

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
    const qreal bow = theme.px(56);
    auto visibleMiddle = [&](qint64 from, qint64 to, qreal minWidth) -> std::optional<qreal> {
        from = std::max(from, context.fromNs);
        to = std::min(to, context.toNs);
        if (to < from || context.xForTime(to) - context.xForTime(from) < minWidth)
            return std::nullopt;
        return context.xForTime(from + (to - from) / 2);
    };
    std::optional<qreal> where
        = visibleMiddle(stuckFrom, std::min(detected, stuckTo), 2 * bow + theme.px(24));
    if (!where)
        where = visibleMiddle(stuckFrom, stuckTo, 0);
    if (!where)
        return;
    const qreal x = *where;

    const qreal barCenter = theme.stateBarCenter();
    const qreal bandCenter
        = theme.stateBarTop() + theme.stateBarHeight() + theme.px(2) + theme.lockBandHeight() / 2.0;
    std::vector<Curve> curves;
    for (const DeadlockEdge &edge : cycle) {
        const int waiterLane = context.model.laneIndexOf(edge.waiter);
        const int holderLane = context.model.laneIndexOf(edge.holder);
        if (waiterLane < 0 || holderLane < 0)
            continue;
        Curve curve;
        curve.edge = &edge;
        curve.from = QPointF(x, layout.laneRect(waiterLane).top() + barCenter);
        curve.to = QPointF(
            x, layout.laneRect(holderLane).top() + (edge.object ? bandCenter : barCenter));
        // Down the right, up the left: the arrows of a cycle close into a ring.
        curve.side = holderLane >= waiterLane ? 1 : -1;
        const qreal reach = bow * 4.0 / 3.0; // a cubic's apex lies at 3/4 of its control offset
        curve.c1 = curve.from + QPointF(curve.side * reach, 0);
        curve.c2 = curve.to + QPointF(curve.side * reach, 0);
        curves.push_back(curve);
    }
    if (curves.empty())
        return;

    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor strong = theme.waitFlow();
    const qreal width = theme.px(3.5), head = theme.px(11);

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

    for (const Curve &curve : curves) {
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

    // Labels beside each arrow's apex, outside the ring; dropped where they would
    // leave the plot or cover another label.
    painter.setFont(theme.boldFont());
    const QFontMetricsF metrics(painter.font());
    std::vector<QRectF> placed;
    for (const Curve &curve : curves) {
        const QString text = edgeLabel(context.model.trace(), *curve.edge);
        const QSizeF size(metrics.horizontalAdvance(text) + theme.px(8),
                          metrics.height() + theme.px(2));
        const qreal apexX = x + curve.side * bow;
        const qreal apexY = (curve.from.y() + curve.to.y()) / 2;
        QRectF box(curve.side > 0 ? apexX + theme.px(6) : apexX - theme.px(6) - size.width(),
                   apexY - size.height() / 2, size.width(), size.height());
        if (!plot.contains(box))
            box.moveLeft(curve.side > 0 ? apexX - theme.px(6) - size.width() - 2 * bow
                                        : apexX + theme.px(6) + 2 * bow);
        if (!plot.contains(box) || std::any_of(placed.begin(), placed.end(), [&](const QRectF &r) {
                return r.intersects(box);
            }))
            continue;
        placed.push_back(box);
        painter.setPen(QPen(strong, theme.px(1.5)));
        painter.setBrush(theme.labelBackground());
        painter.drawRoundedRect(box, theme.px(3), theme.px(3));
        painter.setPen(strong);
        painter.drawText(box, Qt::AlignCenter, text);
    }

    // The badge sits in the ring, where the cycle closes.
    qreal top = curves.front().from.y(), bottom = top;
    for (const Curve &curve : curves) {
        top = std::min({top, curve.from.y(), curve.to.y()});
        bottom = std::max({bottom, curve.from.y(), curve.to.y()});
    }
    const QString badge = Tr::tr("deadlock");
    const QSizeF badgeSize(metrics.horizontalAdvance(badge) + theme.px(14),
                           metrics.height() + theme.px(4));
    const QRectF badgeRect(x - badgeSize.width() / 2, (top + bottom) / 2 - badgeSize.height() / 2,
                           badgeSize.width(), badgeSize.height());
    painter.setPen(QPen(theme.background(), theme.px(2)));
    painter.setBrush(strong);
    painter.drawRoundedRect(badgeRect, badgeSize.height() / 2, badgeSize.height() / 2);
    painter.setPen(Qt::white);
    painter.drawText(badgeRect, Qt::AlignCenter, badge);
}

} // namespace weft::ui
