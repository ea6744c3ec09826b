// SPDX-License-Identifier: MIT
#include "flowpass.h"

#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace weft::ui {

namespace {

constexpr int kMaxFlowsPerBucket = 2; // beyond this, arrows in one few-pixel column merge
// Structural arrows (spawn, join, waits-for) explain a handful of threads; with
// hundreds in view they are only noise, and the lane colours already tell the story.
constexpr int kMaxStructuralFlows = 48;
// Beyond this many arrows in view, they are drawn as plain lines: a dense fan
// reads the same, and antialiased heads would cost most of the frame.
constexpr int kDenseFlows = 400;
// Byte labels on messages and packets: with more of them in view they only hide
// the bars; the selected lane's arrows keep theirs.
constexpr int kMaxLabelledTraffic = 12;
// Many messages and packets cross every lane between sender and receiver: then
// they are drawn light so the bars under them stay readable, and full strength
// when their lane is selected. A few (a pipe's exchange) keep full strength.
constexpr int kTrafficAlpha = 120;

QColor flowColor(const Theme &theme, FlowKind kind)
{
    switch (kind) {
    case FlowKind::Spawn:
        return theme.spawnFlow();
    case FlowKind::Join:
        return theme.joinFlow();
    case FlowKind::WaitsFor:
        return theme.waitFlow();
    case FlowKind::Packet:
        return theme.packetFlow();
    case FlowKind::Message:
        return theme.messageFlow();
    case FlowKind::Notify:
        return theme.notifyFlow();
    }
    return theme.text();
}

bool isTraffic(FlowKind kind)
{
    return kind == FlowKind::Packet || kind == FlowKind::Message;
}

void drawArrow(QPainter &painter, QPointF from, QPointF to, const QColor &color, qreal width,
               bool dashed, bool withHead)
{
    QPen pen(color, width);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.drawLine(from, to);
    if (!withHead)
        return;
    const QPointF d = to - from;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 4)
        return;
    const QPointF unit = d / length;
    const QPointF normal(-unit.y(), unit.x());
    const qreal head = std::min<qreal>(4 + 2.5 * width, length / 2);
    QPainterPath path;
    path.moveTo(to);
    path.lineTo(to - unit * head + normal * head * 0.45);
    path.lineTo(to - unit * head - normal * head * 0.45);
    path.closeSubpath();
    painter.fillPath(path, color);
}

// Arrows between the same two lanes whose ends both lie within a few pixels of
// the last one drawn add nothing at this zoom: they merge into it.
class MergeFilter
{
public:
    explicit MergeFilter(qreal px)
        : m_px(px)
    {
    }
    bool merges(const Flow &flow, int fromLane, int toLane, QPointF from, QPointF to)
    {
        const quint64 key = (quint64(quint32(fromLane)) << 35) ^ (quint64(quint32(toLane)) << 3)
            ^ quint64(flow.kind);
        auto [it, inserted] = m_last.try_emplace(key, from, to);
        if (inserted)
            return false;
        if (std::abs(from.x() - it->second.first.x()) < m_px
            && std::abs(to.x() - it->second.second.x()) < m_px)
            return true;
        it->second = {from, to};
        return false;
    }

private:
    qreal m_px;
    std::unordered_map<quint64, std::pair<QPointF, QPointF>> m_last;
};

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
    const int trafficInView
        = context.model.flowCount(FlowKind::Packet, context.fromNs, context.toNs)
        + context.model.flowCount(FlowKind::Message, context.fromNs, context.toNs);
    const bool dense = inView > kDenseFlows;
    painter.setRenderHint(QPainter::Antialiasing, !dense);
    painter.setFont(context.theme.smallFont());
    const QFontMetricsF metrics(painter.font());
    const qreal minPx = context.theme.minItemWidth();
    const qreal barCenter = context.theme.stateBarCenter();
    const int firstLane = layout.firstVisibleLane(), lastLane = layout.lastVisibleLane();
    const quint32 selected = context.options.selectedActor;

    bool hidden[kFlowKindCount] = {};
    for (FlowKind kind : {FlowKind::Spawn, FlowKind::Join, FlowKind::WaitsFor})
        hidden[std::size_t(kind)]
            = context.model.flowCount(kind, context.fromNs, context.toNs) > kMaxStructuralFlows;

    struct Drawn
    {
        const Flow *flow;
        QPointF from, to;
    };
    std::vector<Drawn> highlighted; // drawn last, over the light ones
    std::vector<QRectF> placedLabels;
    auto drawLabel = [&](const Flow &flow, QPointF from, QPointF to) {
        const QString label
            = QCoreApplication::translate("weft::ui::FlowPass", "%1 B").arg(flow.bytes);
        const qreal width = metrics.horizontalAdvance(label) + 6, height = metrics.height() + 2;
        // Only where it fits: on an arrow long enough to show around it, never on another label.
        if (std::hypot(to.x() - from.x(), to.y() - from.y()) < width + 40
            || placedLabels.size() >= 200)
            return;
        const QPointF mid = (from + to) / 2;
        const QRectF placed(mid.x() - width / 2, mid.y() - height / 2, width, height);
        if (std::any_of(placedLabels.begin(), placedLabels.end(),
                        [&](const QRectF &r) { return r.intersects(placed); }))
            return;
        placedLabels.push_back(placed);
        painter.fillRect(placed, context.theme.labelBackground());
        painter.setPen(flowColor(context.theme, flow.kind));
        painter.drawText(placed, Qt::AlignCenter, label);
    };

    MergeFilter merge(minPx);
    const bool labelTraffic = !dense && trafficInView <= kMaxLabelledTraffic;
    // Waits-for arrows live apart from the flows (TimelineModel::lockWaits());
    // shown only when few are in view, so they are few here, merged in by time.
    std::vector<Flow> waits;
    if (!hidden[std::size_t(FlowKind::WaitsFor)]) {
        const auto &lockWaits = context.model.lockWaits();
        for (std::size_t w = context.model.firstLockWaitFrom(context.fromNs);
             w < lockWaits.size() && lockWaits[w].timeNs <= context.toNs; ++w)
            waits.push_back(context.model.flowOf(lockWaits[w]));
    }
    std::size_t i = context.model.firstFlowFrom(context.fromNs), w = 0;
    int inBucket = 0;
    qreal bucketX = -1e9;
    for (;;) {
        const bool takeWait = w < waits.size()
            && (i >= flows.size() || waits[w].fromNs <= std::min(flows[i].fromNs, flows[i].toNs));
        if (!takeWait && i >= flows.size())
            break;
        const Flow &flow = takeWait ? waits[w] : flows[i];
        const qint64 early = std::min(flow.fromNs, flow.toNs);
        if (early > context.toNs)
            break;
        ++(takeWait ? w : i);
        if (std::max(flow.fromNs, flow.toNs) < context.fromNs || hidden[std::size_t(flow.kind)])
            continue;
        const int fromLane = context.model.laneIndexOf(flow.fromActor);
        const int toLane = context.model.laneIndexOf(flow.toActor);
        if (fromLane < 0 || toLane < 0)
            continue;
        if ((fromLane < firstLane && toLane < firstLane)
            || (fromLane > lastLane && toLane > lastLane))
            continue;
        const qreal x = context.xForTime(early);
        if (x - bucketX >= minPx) {
            bucketX = x;
            inBucket = 0;
        }
        if (++inBucket > kMaxFlowsPerBucket) {
            // Skip the rest of this crowded column.
            const qint64 bucketEnd = context.timeForX(bucketX + minPx);
            const auto next = std::lower_bound(
                flows.begin() + std::ptrdiff_t(i), flows.end(), bucketEnd,
                [](const Flow &f, qint64 t) { return std::min(f.fromNs, f.toNs) < t; });
            i = std::size_t(next - flows.begin());
            continue;
        }
        const QPointF from(context.xForTime(flow.fromNs),
                           layout.laneRect(fromLane).top() + barCenter);
        QPointF to(context.xForTime(flow.toNs), layout.laneRect(toLane).top() + barCenter);
        if (fromLane == toLane && std::abs(to.x() - from.x()) < 2)
            continue;
        // End the arrow at the edge of the target's bar, not in its middle.
        if (toLane != fromLane)
            to.ry() += (toLane > fromLane ? -1 : 1) * context.theme.stateBarHeight() / 2.0;
        const bool light = isTraffic(flow.kind) && !labelTraffic;
        if (light && selected != 0 && (flow.fromActor == selected || flow.toActor == selected)) {
            highlighted.push_back({&flow, from, to});
            continue;
        }
        if (light && merge.merges(flow, fromLane, toLane, from, to))
            continue;
        QColor color = flowColor(context.theme, flow.kind);
        if (light)
            color.setAlpha(kTrafficAlpha);
        drawArrow(painter, from, to, color, dense || light ? 1.0 : 1.6,
                  flow.kind == FlowKind::WaitsFor, !dense);
        if (isTraffic(flow.kind) && labelTraffic)
            drawLabel(flow, from, to);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Drawn &d : highlighted) {
        drawArrow(painter, d.from, d.to, flowColor(context.theme, d.flow->kind), 2.2, false, true);
        drawLabel(*d.flow, d.from, d.to);
    }
}

} // namespace weft::ui
