#include "flowpass.h"

#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <vector>
#include <cmath>

namespace weft::ui {

namespace {

constexpr int kMaxFlowsPerBucket = 2;  // beyond this, arrows in one few-pixel column merge
// Structural arrows (spawn, join, waits-for) explain a handful of threads; with
// hundreds in view they are only noise, and the lane colours already tell the story.
constexpr int kMaxStructuralFlows = 48;

QColor flowColor(const Theme &theme, FlowKind kind)
{
    switch (kind) {
    case FlowKind::Spawn: return theme.spawnFlow();
    case FlowKind::Join: return theme.joinFlow();
    case FlowKind::WaitsFor: return theme.waitFlow();
    case FlowKind::Packet: return theme.packetFlow();
    case FlowKind::Message: return theme.messageFlow();
    case FlowKind::Notify: return theme.notifyFlow();
    }
    return theme.text();
}

// Beyond this many arrows in view, they are drawn as plain lines: a dense fan
// reads the same, and antialiased heads would cost most of the frame.
constexpr int kDenseFlows = 400;

void drawArrow(QPainter &painter, QPointF from, QPointF to, const QColor &color, bool dashed,
               bool dense)
{
    QPen pen(color, dense ? 1.0 : 1.6);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.drawLine(from, to);
    if (dense)
        return;
    const QPointF d = to - from;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 4)
        return;
    const QPointF unit = d / length;
    const QPointF normal(-unit.y(), unit.x());
    const qreal head = std::min<qreal>(8, length / 2);
    QPainterPath path;
    path.moveTo(to);
    path.lineTo(to - unit * head + normal * head * 0.45);
    path.lineTo(to - unit * head - normal * head * 0.45);
    path.closeSubpath();
    painter.fillPath(path, color);
}

} // namespace

void FlowPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    const QRectF plot = layout.plotRect();
    const auto &flows = context.model.flows();
    if (flows.empty())
        return;
    painter.setClipRect(plot);
    int inView = 0;
    for (FlowKind kind : {FlowKind::Spawn, FlowKind::Join, FlowKind::WaitsFor, FlowKind::Packet,
                          FlowKind::Message, FlowKind::Notify})
        inView += context.model.flowCount(kind, context.fromNs, context.toNs);
    const bool dense = inView > kDenseFlows;
    painter.setRenderHint(QPainter::Antialiasing, !dense);
    painter.setFont(context.theme.smallFont());
    const qreal minPx = context.theme.minItemWidth();
    const qreal barCenter = context.theme.stateBarCenter();
    const int firstLane = layout.firstVisibleLane(), lastLane = layout.lastVisibleLane();

    bool hidden[std::size_t(FlowKind::Notify) + 1] = {};
    for (FlowKind kind : {FlowKind::Spawn, FlowKind::Join, FlowKind::WaitsFor})
        hidden[std::size_t(kind)] =
            context.model.flowCount(kind, context.fromNs, context.toNs) > kMaxStructuralFlows;

    std::vector<QRectF> placedLabels;
    std::size_t i = context.model.firstFlowFrom(context.fromNs);
    int inBucket = 0;
    qreal bucketX = -1e9;
    while (i < flows.size()) {
        const Flow &flow = flows[i];
        const qint64 early = std::min(flow.fromNs, flow.toNs);
        if (early > context.toNs)
            break;
        ++i;
        if (std::max(flow.fromNs, flow.toNs) < context.fromNs || hidden[std::size_t(flow.kind)])
            continue;
        const int fromLane = context.model.laneIndexOf(flow.fromActor);
        const int toLane = context.model.laneIndexOf(flow.toActor);
        if (fromLane < 0 || toLane < 0)
            continue;
        if ((fromLane < firstLane && toLane < firstLane) || (fromLane > lastLane && toLane > lastLane))
            continue;
        const qreal x = context.xForTime(early);
        if (x - bucketX >= minPx) {
            bucketX = x;
            inBucket = 0;
        }
        if (++inBucket > kMaxFlowsPerBucket) {
            // Skip the rest of this crowded column.
            const qint64 bucketEnd = context.timeForX(bucketX + minPx);
            const auto next = std::lower_bound(flows.begin() + std::ptrdiff_t(i), flows.end(), bucketEnd,
                                               [](const Flow &f, qint64 t) {
                                                   return std::min(f.fromNs, f.toNs) < t;
                                               });
            i = std::size_t(next - flows.begin());
            continue;
        }
        const QPointF from(context.xForTime(flow.fromNs), layout.laneRect(fromLane).top() + barCenter);
        QPointF to(context.xForTime(flow.toNs), layout.laneRect(toLane).top() + barCenter);
        if (fromLane == toLane && std::abs(to.x() - from.x()) < 2)
            continue;
        // End the arrow at the edge of the target's bar, not in its middle.
        if (toLane != fromLane)
            to.ry() += (toLane > fromLane ? -1 : 1) * context.theme.stateBarHeight() / 2.0;
        drawArrow(painter, from, to, flowColor(context.theme, flow.kind),
                  flow.kind == FlowKind::WaitsFor, dense);
        if (!dense && (flow.kind == FlowKind::Packet || flow.kind == FlowKind::Message)
            && std::hypot(to.x() - from.x(), to.y() - from.y()) > 60) {
            const QString label = QCoreApplication::translate("weft::ui::FlowPass", "%1 B").arg(flow.bytes);
            const QPointF mid = (from + to) / 2;
            const QRectF box = painter.fontMetrics().boundingRect(label).adjusted(-3, -1, 3, 1);
            const QRectF placed(mid.x() - box.width() / 2, mid.y() - box.height() / 2, box.width(),
                                box.height());
            // Labels only where they fit: never on top of another label.
            if (placedLabels.size() >= 200
                || std::any_of(placedLabels.begin(), placedLabels.end(),
                            [&](const QRectF &r) { return r.intersects(placed); }))
                continue;
            placedLabels.push_back(placed);
            painter.fillRect(placed, context.theme.labelBackground());
            painter.setPen(flowColor(context.theme, flow.kind));
            painter.drawText(placed, Qt::AlignCenter, label);
        }
    }
}

} // namespace weft::ui
