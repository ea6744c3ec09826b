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
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>
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

// The part of the segment [from, to] inside `rect`, as fractions of its length
// (Liang-Barsky); none when it misses the rectangle.
std::optional<std::pair<qreal, qreal>> partInside(QPointF from, QPointF to, const QRectF &rect)
{
    qreal t0 = 0, t1 = 1;
    const QPointF d = to - from;
    // Keeps the t where p * t <= q.
    const auto keep = [&](qreal p, qreal q) {
        if (p == 0)
            return q >= 0;
        const qreal r = q / p;
        if (p < 0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        return t0 <= t1;
    };
    if (keep(-d.x(), from.x() - rect.left()) && keep(d.x(), rect.right() - from.x())
        && keep(-d.y(), from.y() - rect.top()) && keep(d.y(), rect.bottom() - from.y()))
        return std::pair(t0, t1);
    return std::nullopt;
}

// A vertical line in Qt's DashLine pattern for a wide pen, as aliased
// rectangles: dashes of 4 pen widths with square caps (half a width more at
// either end), gaps of 2 widths. The line starts at `fromY` and runs in
// `direction` (+1 down, -1 up); only [along0, along1] of it (pixels along the
// line) is drawn. Each dash's edges are measured from the line's start, not
// from the cut, so a dash ends on the same pixel however the view cuts it.
// Waits-for arrows are all vertical. Qt strokes a dashed line into a polygon
// per dash and antialiases each, and fills a tall one on its thread pool: 54
// arrows with their heads took ~0.9 ms of a 5 ms frame to draw, as these
// rectangles ~0.5 ms. A vertical line gains nothing from antialiasing but a
// softer edge.
void drawVerticalDashes(QPainter &painter, qreal x, qreal fromY, qreal direction, qreal along0,
                        qreal along1, qreal width, const QColor &color)
{
    const qreal dash = 4 * width, period = 6 * width;
    std::vector<QRectF> rects;
    rects.reserve(std::size_t((along1 - along0) / period) + 2);
    // From the first dash that reaches into [along0, along1].
    for (auto k = qint64(std::floor((along0 - dash - width) / period));; ++k) {
        const qreal start = qreal(k) * period;
        if (start - width / 2 > along1)
            break;
        const qreal a = std::max(start - width / 2, along0);
        const qreal b = std::min(start + dash + width / 2, along1);
        if (b <= a)
            continue;
        const qreal ya = fromY + direction * a, yb = fromY + direction * b;
        rects.emplace_back(x - width / 2, std::min(ya, yb), width, std::abs(yb - ya));
    }
    const bool antialiased = painter.testRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRects(rects.data(), int(rects.size()));
    painter.setRenderHint(QPainter::Antialiasing, antialiased);
}

// An arrow, of which only the part near `visible` is stroked: a waits-for arrow
// to a lane scrolled far out of view is mostly off screen, and Qt dashes and
// rasterises a line's whole length before clipping it (54 such arrows were
// 95,000 px of dashes, a third of a 10 M-event frame). The dashes keep their
// phase: the pattern starts where the whole line's would be at the cut.
void drawArrow(QPainter &painter, const Theme &theme, QPointF from, QPointF to, const QColor &color,
               qreal width, bool dashed, bool withHead, const QRectF &visible)
{
    const QPointF d = to - from;
    const qreal length = std::hypot(d.x(), d.y());
    const qreal head = std::min<qreal>(theme.px(4) + 2.5 * width, length / 2);
    // Room for the caps, the head and antialiasing: what is cut away is never drawn.
    const qreal margin = head + 2 * width + 2;
    const std::optional<std::pair<qreal, qreal>> part
        = partInside(from, to, visible.adjusted(-margin, -margin, margin, margin));
    if (!part)
        return;
    // A pen of one device pixel or less is drawn by Qt's thin-line path, whose
    // dashes have no caps (4 on, 2 off): QPen draws those, and fast.
    const bool widePen = width * painter.deviceTransform().m22() > 1;
    if (dashed && d.x() == 0 && length > 0 && widePen) {
        drawVerticalDashes(painter, from.x(), from.y(), d.y() > 0 ? 1 : -1, part->first * length,
                           part->second * length, width, color);
    } else {
        QPen pen(color, width);
        if (dashed) {
            pen.setStyle(Qt::DashLine);
            pen.setDashOffset(part->first * length / width); // in pen widths
        }
        painter.setPen(pen);
        painter.drawLine(from + d * part->first, from + d * part->second);
    }
    if (!withHead || length < 4)
        return;
    const QPointF unit = d / length;
    const QPointF normal(-unit.y(), unit.x());
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

constexpr FlowKind kAllKinds[] = {FlowKind::Spawn,  FlowKind::Join,    FlowKind::WaitsFor,
                                  FlowKind::Packet, FlowKind::Message, FlowKind::Notify};

bool isDense(const RenderContext &context)
{
    int inView = 0;
    for (FlowKind kind : kAllKinds)
        inView += context.model.flowCount(kind, context.fromNs, context.toNs);
    return inView > kDenseFlows;
}

// An arrow in view, before the budget picks what is drawn.
struct Candidate
{
    Flow flow;
    QPointF from, to;
    int fromLane = 0, toLane = 0;
};

// Every flow in view, a few per pixel column at most (the rest of a crowded
// column add nothing but its start and join arrows, which bundle into fans);
// waits-for arrows merged in by time.
std::vector<Candidate> candidatesOf(const RenderContext &context, bool allArrows)
{
    std::vector<Candidate> result;
    const TimelineLayout &layout = context.layout;
    const TimelineModel &model = context.model;
    const auto &flows = model.flows();
    const qreal minPx = context.theme.minItemWidth();
    const qreal barCenter = context.theme.stateBarCenter();
    const int firstLane = layout.firstVisibleLane(), lastLane = layout.lastVisibleLane();
    // With All Arrows, as before the budget: structural arrows (spawn, join,
    // waits-for) explain a handful of threads; hundreds of them are only noise.
    bool hidden[kFlowKindCount] = {};
    if (allArrows)
        for (FlowKind kind : {FlowKind::Spawn, FlowKind::Join, FlowKind::WaitsFor})
            hidden[std::size_t(kind)]
                = model.flowCount(kind, context.fromNs, context.toNs) > kMaxStructuralFlows;
    // Where a flow is drawn, if it touches the visible lanes at all; -1 when not.
    const auto lanesOf = [&](const Flow &flow) -> std::pair<int, int> {
        if (std::max(flow.fromNs, flow.toNs) < context.fromNs || hidden[std::size_t(flow.kind)])
            return {-1, -1};
        const int fromLane = model.laneIndexOf(flow.fromActor);
        const int toLane = model.laneIndexOf(flow.toActor);
        if (fromLane < 0 || toLane < 0 || (fromLane < firstLane && toLane < firstLane)
            || (fromLane > lastLane && toLane > lastLane))
            return {-1, -1};
        return {fromLane, toLane};
    };
    const auto add = [&](const Flow &flow, int fromLane, int toLane) {
        const QPointF from(context.xForTime(flow.fromNs),
                           layout.laneRect(fromLane).top() + barCenter);
        QPointF to(context.xForTime(flow.toNs), layout.laneRect(toLane).top() + barCenter);
        if (fromLane == toLane && std::abs(to.x() - from.x()) < 2)
            return;
        // End the arrow at the edge of the target's bar, not in its middle.
        if (toLane != fromLane)
            to.ry() += (toLane > fromLane ? -1 : 1) * context.theme.stateBarHeight() / 2.0;
        result.push_back({flow, from, to, fromLane, toLane});
    };
    const auto isFan = [](const Flow &flow) {
        return flow.kind == FlowKind::Spawn || flow.kind == FlowKind::Join;
    };
    const auto earlyOf = [](const Flow &f) {
        return std::min(f.fromNs, f.toNs);
    };
    // Waits-for arrows live apart from the flows (TimelineModel::lockWaits()), in
    // time order; each is made into a Flow only when it is reached (not all of
    // those in view copied first: a zoomed-out frame has a million).
    const auto &lockWaits = model.lockWaits();
    const std::size_t waitsEnd = hidden[std::size_t(FlowKind::WaitsFor)] ? 0 : lockWaits.size();
    std::size_t i = model.firstFlowFrom(context.fromNs),
                w = model.firstLockWaitFrom(context.fromNs);
    int inBucket = 0;
    qreal bucketX = -1e9;
    Flow wait;
    for (;;) {
        const bool takeWait = w < waitsEnd && lockWaits[w].timeNs <= context.toNs
            && (i >= flows.size() || lockWaits[w].timeNs <= earlyOf(flows[i]));
        if (!takeWait && i >= flows.size())
            break;
        if (takeWait)
            wait = model.flowOf(lockWaits[w]);
        const Flow &flow = takeWait ? wait : flows[i];
        const qint64 early = earlyOf(flow);
        if (early > context.toNs)
            break;
        ++(takeWait ? w : i);
        const auto [fromLane, toLane] = lanesOf(flow);
        if (fromLane < 0)
            continue;
        const qreal x = context.xForTime(early);
        if (x - bucketX >= minPx) {
            bucketX = x;
            inBucket = 0;
        }
        // Start and join arrows leave the count to the fans they bundle into
        // (or, with All Arrows, are each drawn: one per thread, never millions).
        if (isFan(flow) || ++inBucket <= kMaxFlowsPerBucket) {
            add(flow, fromLane, toLane);
            continue;
        }
        // A crowded column: what else starts in it adds nothing but its start and
        // join arrows (a thread starting two dozen others). The model's index of
        // those finds them without reading the column's other flows and lock
        // waits (a zoomed-out frame has thousands per column); reading every item
        // keeps the same ones.
        // (Only up to the window's end: a start beyond it is not in view.)
        const qint64 bucketEnd = std::min(
            context.timeForX(bucketX + minPx),
            context.toNs < std::numeric_limits<qint64>::max() ? context.toNs + 1 : context.toNs);
        if (context.options.summaries) {
            const std::size_t next = std::size_t(
                gallopLowerBound(flows.begin() + std::ptrdiff_t(i), flows.end(), bucketEnd,
                                 [&](const Flow &f, qint64 t) { return earlyOf(f) < t; })
                - flows.begin());
            const auto &fans = model.fanFlows();
            for (auto f = std::lower_bound(fans.begin(), fans.end(), quint32(i));
                 f != fans.end() && *f < next; ++f)
                if (const auto [a, b] = lanesOf(flows[*f]); a >= 0)
                    add(flows[*f], a, b);
            i = next;
            w = std::size_t(
                gallopLowerBound(lockWaits.begin() + std::ptrdiff_t(w), lockWaits.end(), bucketEnd,
                                 [](const LockWaitEdge &e, qint64 t) { return e.timeNs < t; })
                - lockWaits.begin());
        } else {
            for (; i < flows.size() && earlyOf(flows[i]) < bucketEnd; ++i)
                if (const auto [a, b] = lanesOf(flows[i]); a >= 0 && isFan(flows[i]))
                    add(flows[i], a, b);
            while (w < lockWaits.size() && lockWaits[w].timeNs < bucketEnd)
                ++w;
        }
    }
    return result;
}

FlowArrow arrowOf(const Candidate &c)
{
    FlowArrow arrow;
    arrow.flow = c.flow;
    arrow.from = c.from;
    arrow.to = c.to;
    return arrow;
}

int trafficInView(const RenderContext &context)
{
    return context.model.flowCount(FlowKind::Packet, context.fromNs, context.toNs)
        + context.model.flowCount(FlowKind::Message, context.fromNs, context.toNs);
}

// Every arrow, as before the budget: many messages light, the selected lane's strong.
std::vector<FlowArrow> allOf(const RenderContext &context, std::vector<Candidate> &candidates)
{
    const bool dense = isDense(context);
    const bool labelTraffic = !dense && trafficInView(context) <= kMaxLabelledTraffic;
    const quint32 selected = context.options.selectedActor;
    MergeFilter merge(context.theme.minItemWidth());
    std::vector<FlowArrow> result, highlighted;
    for (const Candidate &c : candidates) {
        FlowArrow arrow = arrowOf(c);
        arrow.light = isTraffic(c.flow.kind) && !labelTraffic;
        if (arrow.light && selected != 0
            && (c.flow.fromActor == selected || c.flow.toActor == selected)) {
            arrow.light = false;
            arrow.highlighted = true;
            highlighted.push_back(arrow);
            continue;
        }
        if (arrow.light && merge.merges(c.flow, c.fromLane, c.toLane, c.from, c.to))
            continue;
        result.push_back(arrow);
    }
    result.insert(result.end(), highlighted.begin(), highlighted.end());
    return result;
}

// Which arrows keep their room first when a column is over budget: a fan says
// the most per arrow; then the rarer kind (a lesson's few starts and joins are
// its outline, hundreds of lock waits are texture); among equals, the traffic
// the socket and process lessons are about.
int rankOf(const FlowArrow &arrow, const std::array<int, kFlowKindCount> &perKind)
{
    if (!arrow.ends.empty())
        return 0;
    return 1 + 2 * perKind[std::size_t(arrow.flow.kind)] + (isTraffic(arrow.flow.kind) ? 0 : 1);
}

// Start arrows leave their hub (the starter) and join arrows reach it (the joiner).
bool isFanKind(FlowKind kind)
{
    return kind == FlowKind::Spawn || kind == FlowKind::Join;
}

QPointF hubOf(const Candidate &c)
{
    return c.flow.kind == FlowKind::Spawn ? c.from : c.to;
}

quint32 hubActorOf(const Flow &flow)
{
    return flow.kind == FlowKind::Spawn ? flow.fromActor : flow.toActor;
}

// The default: the selected lane's arrows, fans bundled, the rest within the budget.
std::vector<FlowArrow> budgetedOf(const RenderContext &context,
                                  const std::vector<Candidate> &candidates)
{
    const Theme &theme = context.theme;
    const quint32 selected = context.options.selectedActor;
    const auto touchesSelected = [&](const Flow &flow) {
        return selected != 0 && (flow.fromActor == selected || flow.toActor == selected);
    };
    // Fans: start (join) arrows from (to) one lane within a few pixels of each other.
    std::vector<std::size_t> fanOrder;
    for (std::size_t k = 0; k < candidates.size(); ++k)
        if (isFanKind(candidates[k].flow.kind))
            fanOrder.push_back(k);
    std::stable_sort(fanOrder.begin(), fanOrder.end(), [&](std::size_t a, std::size_t b) {
        const Flow &fa = candidates[a].flow, &fb = candidates[b].flow;
        if (fa.kind != fb.kind)
            return fa.kind < fb.kind;
        if (hubActorOf(fa) != hubActorOf(fb))
            return hubActorOf(fa) < hubActorOf(fb);
        return hubOf(candidates[a]).x() < hubOf(candidates[b]).x();
    });
    std::vector<bool> bundled(candidates.size(), false);
    struct Ranked
    {
        FlowArrow arrow;
        std::size_t order = 0; // time order, for drawing
    };
    std::vector<Ranked> pool;
    const qreal fanPx = theme.px(12);
    for (std::size_t g = 0; g < fanOrder.size();) {
        const Candidate &first = candidates[fanOrder[g]];
        std::size_t end = g + 1;
        while (end < fanOrder.size()) {
            const Candidate &c = candidates[fanOrder[end]];
            if (c.flow.kind != first.flow.kind || hubActorOf(c.flow) != hubActorOf(first.flow)
                || hubOf(c).x() - hubOf(first).x() > fanPx)
                break;
            ++end;
        }
        if (end - g >= std::size_t(FlowPass::kMinFan)) {
            FlowArrow fan = arrowOf(first);
            const bool spawn = first.flow.kind == FlowKind::Spawn;
            const QPointF hub = hubOf(first);
            fan.from = fan.to = hub;
            for (std::size_t k = g; k < end; ++k) {
                const Candidate &c = candidates[fanOrder[k]];
                bundled[fanOrder[k]] = true;
                fan.ends.push_back(spawn ? c.to : c.from);
            }
            fan.highlighted = selected != 0 && hubActorOf(first.flow) == selected;
            pool.push_back({fan, fanOrder[g]});
        }
        g = end;
    }
    std::vector<FlowArrow> highlighted;
    MergeFilter merge(theme.minItemWidth());
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const Candidate &c = candidates[k];
        FlowArrow arrow = arrowOf(c);
        // The selected lane's own arrows show whatever else is drawn, even out of a fan.
        if (touchesSelected(c.flow) && !(bundled[k] && hubActorOf(c.flow) == selected)) {
            arrow.highlighted = true;
            highlighted.push_back(arrow);
        } else if (!bundled[k] && !merge.merges(c.flow, c.fromLane, c.toLane, c.from, c.to)) {
            // Arrows landing on the same pixels as one already kept add nothing.
            pool.push_back({arrow, k});
        }
    }
    // The budget, per column: the best ranked keep their room.
    const QRectF plot = context.layout.plotRect();
    const qreal column = theme.px(100);
    const auto columnOf = [&](const FlowArrow &a) {
        qreal x = a.from.x();
        for (const QPointF &p : a.ends)
            x = std::min(x, p.x());
        x = std::min(x, a.to.x());
        return int(std::floor((std::clamp(x, plot.left(), plot.right()) - plot.left()) / column));
    };
    std::array<int, kFlowKindCount> perKind {};
    for (const Ranked &r : pool)
        ++perKind[std::size_t(r.arrow.flow.kind)];
    // Sorted as keys, not as arrows (a thousand 120-byte moves per merge pass);
    // the pool index breaks ties, so the order is what a stable sort gives.
    struct Key
    {
        int column = 0, rank = 0;
        std::uint32_t at = 0;
        bool operator<(const Key &o) const
        {
            return std::tie(column, rank, at) < std::tie(o.column, o.rank, o.at);
        }
    };
    std::vector<Key> keys;
    keys.reserve(pool.size());
    for (std::size_t k = 0; k < pool.size(); ++k)
        keys.push_back({columnOf(pool[k].arrow), rankOf(pool[k].arrow, perKind), std::uint32_t(k)});
    std::sort(keys.begin(), keys.end());
    // Within the budget on average (N per 100 px of the plot), every arrow shows;
    // beyond it, each column keeps its best N.
    const bool overBudget = qreal(pool.size()) > FlowPass::kArrowsPer100Px * plot.width() / column;
    std::vector<std::uint32_t> kept;
    int currentColumn = std::numeric_limits<int>::min(), inColumn = 0;
    for (const Key &key : keys) {
        if (key.column != currentColumn) {
            currentColumn = key.column;
            inColumn = 0;
        }
        if (!overBudget || inColumn++ < FlowPass::kArrowsPer100Px)
            kept.push_back(key.at);
    }
    std::sort(kept.begin(), kept.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(pool[a].order, a) < std::tie(pool[b].order, b);
    });
    std::vector<FlowArrow> result;
    result.reserve(kept.size() + highlighted.size());
    int traffic = 0;
    for (const std::uint32_t at : kept) {
        result.push_back(std::move(pool[at].arrow));
        traffic += isTraffic(result.back().flow.kind) ? 1 : 0;
    }
    // Many messages even within the budget: light, so the bars under them stay readable.
    if (traffic > kMaxLabelledTraffic)
        for (FlowArrow &a : result)
            a.light = isTraffic(a.flow.kind);
    result.insert(result.end(), highlighted.begin(), highlighted.end());
    return result;
}

} // namespace

qreal FlowPass::penWidth(const Theme &theme, bool highlighted)
{
    return theme.px(highlighted ? 2.2 : 1.6);
}

std::vector<FlowArrow> FlowPass::arrows(const RenderContext &context)
{
    if (context.model.flows().empty() && context.model.lockWaits().empty())
        return {};
    const bool all = context.options.allArrows;
    std::vector<Candidate> candidates = candidatesOf(context, all);
    return all ? allOf(context, candidates) : budgetedOf(context, candidates);
}

void FlowPass::paint(QPainter &painter, const RenderContext &context) const
{
    const std::vector<FlowArrow> drawn = arrows(context);
    if (drawn.empty())
        return;
    const Theme &theme = context.theme;
    const QRectF plot = context.layout.plotRect();
    painter.setClipRect(plot);
    const bool dense = isDense(context) && context.options.allArrows;
    painter.setFont(theme.smallFont());
    const QFontMetricsF metrics(painter.font());
    int traffic = 0;
    for (const FlowArrow &a : drawn)
        traffic += isTraffic(a.flow.kind) ? 1 : 0;
    const bool labelTraffic = !dense
        && (context.options.allArrows ? trafficInView(context) : traffic) <= kMaxLabelledTraffic;

    // A byte count on its arrow; left out where the arrow is too short or every
    // place holds other text.
    auto drawLabel = [&](const FlowArrow &arrow) {
        const QString label
            = QCoreApplication::translate("weft::ui::FlowPass", "%1 B").arg(arrow.flow.bytes);
        const qreal width = metrics.horizontalAdvance(label) + theme.px(6);
        const qreal height = metrics.height() + theme.px(2);
        if (std::hypot(arrow.to.x() - arrow.from.x(), arrow.to.y() - arrow.from.y())
            < width + theme.px(40))
            return;
        // On the arrow: its middle, else a third of the way from either end.
        const auto along = [&](qreal f) {
            const QPointF p = arrow.from + (arrow.to - arrow.from) * f;
            return QRectF(p.x() - width / 2, p.y() - height / 2, width, height);
        };
        const std::optional<QRectF> placed
            = context.labels.place(label, {along(0.5), along(0.35), along(0.65)}, plot);
        if (!placed)
            return;
        painter.fillRect(*placed, theme.labelBackground());
        painter.setPen(flowColor(theme, arrow.flow.kind));
        painter.drawText(*placed, Qt::AlignCenter, label);
    };
    // A fan: one trunk from the hub past every lane it reaches, a head (start)
    // or a tick (join) on each, and how many arrows it stands for.
    auto drawFan = [&](const FlowArrow &fan, const QColor &color, qreal width) {
        const bool spawn = fan.flow.kind == FlowKind::Spawn;
        const QPointF hub = fan.from;
        qreal top = hub.y(), bottom = hub.y();
        for (const QPointF &end : fan.ends) {
            top = std::min(top, end.y());
            bottom = std::max(bottom, end.y());
        }
        painter.setPen(QPen(color, width));
        painter.drawLine(QPointF(hub.x(), top), QPointF(hub.x(), bottom));
        const qreal tick = theme.px(7);
        for (const QPointF &end : fan.ends) {
            const qreal toward = end.y() >= hub.y() ? 1 : -1;
            if (spawn)
                drawArrow(painter, theme, QPointF(hub.x(), end.y() - toward * tick),
                          QPointF(hub.x(), end.y()), color, width, false, true, plot);
            else
                painter.drawLine(QPointF(hub.x() - tick / 2, end.y()),
                                 QPointF(hub.x() + tick / 2, end.y()));
        }
        if (!spawn) {
            const qreal toward = (top + bottom) / 2 >= hub.y() ? -1 : 1;
            drawArrow(painter, theme, QPointF(hub.x(), hub.y() - toward * tick * 2), hub, color,
                      width, false, true, plot);
        }
        const QString count
            = QCoreApplication::translate("weft::ui::FlowPass", "×%1").arg(fan.ends.size());
        const QSizeF size(metrics.horizontalAdvance(count) + theme.px(6),
                          metrics.height() + theme.px(2));
        const qreal y = (hub.y() + (spawn ? fan.ends.front().y() : fan.ends.back().y())) / 2;
        const qreal gap = theme.px(3);
        const std::optional<QRectF> placed = context.labels.place(
            count,
            {QRectF(QPointF(hub.x() + gap, y - size.height() / 2), size),
             QRectF(QPointF(hub.x() - gap - size.width(), y - size.height() / 2), size)},
            plot);
        if (!placed)
            return;
        painter.fillRect(*placed, theme.labelBackground());
        painter.setPen(color);
        painter.drawText(*placed, Qt::AlignCenter, count);
    };

    for (const FlowArrow &arrow : drawn) {
        painter.setRenderHint(QPainter::Antialiasing, arrow.highlighted || !dense);
        QColor color = flowColor(theme, arrow.flow.kind);
        if (arrow.light)
            color.setAlpha(kTrafficAlpha);
        const qreal width = arrow.highlighted ? penWidth(theme, true)
            : dense || arrow.light            ? std::max<qreal>(1.0, theme.px(1.0))
                                              : penWidth(theme, false);
        if (!arrow.ends.empty()) {
            drawFan(arrow, color, width);
            continue;
        }
        drawArrow(painter, theme, arrow.from, arrow.to, color, width,
                  arrow.flow.kind == FlowKind::WaitsFor && !arrow.highlighted,
                  arrow.highlighted || !dense, plot);
        if (isTraffic(arrow.flow.kind) && (labelTraffic || arrow.highlighted))
            drawLabel(arrow);
    }
}

} // namespace weft::ui
