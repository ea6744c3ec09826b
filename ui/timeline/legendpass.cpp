// SPDX-License-Identifier: MIT
#include "legendpass.h"

#include "core/interchange/untrustedtext.h"
#include "core/saturating.h"
#include "instantglyph.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace weft::ui {

namespace {

// Legend metrics at 100 %; every one grows with the theme's font scale.
struct Metrics
{
    explicit Metrics(const Theme &theme)
        : rowHeight(theme.px(22))
        , padding(theme.px(8))
        , swatchWidth(theme.px(22))
        , swatchGap(theme.px(6))
        , gap(theme.px(18))
    {
    }
    qreal rowHeight, padding, swatchWidth, swatchGap, gap;
};

// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::LegendPass)
};

// Positions of the entries flowed into rows of the given width.
std::vector<QRectF> flow(const std::vector<LegendPass::Entry> &entries, const Theme &theme,
                         const QRectF &rect)
{
    const Metrics m(theme);
    const QFontMetricsF metrics(theme.font());
    std::vector<QRectF> placed;
    qreal x = rect.left() + m.padding, y = rect.top() + m.padding;
    for (const auto &entry : entries) {
        const qreal width = m.swatchWidth + m.swatchGap + metrics.horizontalAdvance(entry.text);
        if (x + width > rect.right() - m.padding && x > rect.left() + m.padding) {
            x = rect.left() + m.padding;
            y += m.rowHeight;
        }
        placed.emplace_back(x, y, width, m.rowHeight);
        x += width + m.gap;
    }
    return placed;
}

void paintSwatch(QPainter &painter, const LegendPass::Entry &entry, const QRectF &box,
                 const Theme &theme)
{
    const qreal u = theme.scale(); // the swatches are designed at 100 %
    const qreal cy = box.center().y();
    painter.setRenderHint(QPainter::Antialiasing, true);
    switch (entry.swatch) {
    case LegendPass::Swatch::Bar:
        painter.fillRect(QRectF(box.left(), cy - 7 * u, box.width(), 14 * u), entry.color);
        break;
    case LegendPass::Swatch::Hatched: {
        const QRectF bar(box.left(), cy - 7 * u, box.width(), 14 * u);
        painter.fillRect(bar, entry.color);
        painter.setClipRect(bar, Qt::IntersectClip);
        painter.setPen(QPen(theme.startingHatch(), 1.2 * u));
        for (qreal x = bar.left() - bar.height(); x < bar.right(); x += 7 * u)
            painter.drawLine(QPointF(x, bar.bottom()), QPointF(x + bar.height(), bar.top()));
        break;
    }
    case LegendPass::Swatch::Line:
        painter.fillRect(QRectF(box.left(), cy - 2 * u, box.width(), 4 * u), entry.color);
        break;
    case LegendPass::Swatch::Band:
        painter.fillRect(QRectF(box.left(), cy - 3 * u, box.width(), 6 * u), entry.color);
        break;
    case LegendPass::Swatch::Arrow: {
        painter.setPen(QPen(entry.color, 1.6 * u));
        painter.drawLine(QPointF(box.left(), cy + 4 * u), QPointF(box.right() - 2 * u, cy - 4 * u));
        QPainterPath head;
        head.moveTo(box.right(), cy - 5 * u);
        head.lineTo(box.right() - 7 * u, cy - 5 * u);
        head.lineTo(box.right() - 2 * u, cy + 1 * u);
        head.closeSubpath();
        painter.fillPath(head, entry.color);
        break;
    }
    case LegendPass::Swatch::Glyph:
        drawInstantGlyph(painter, theme, entry.glyph, box.center().x(), cy, cy - 9 * u, cy + 9 * u);
        break;
    }
}

// The states (bit 1 << state) of the lanes' spans that reach into [fromNs, toNs].
quint16 statesShown(const TimelineModel &model, qint64 fromNs, qint64 toNs)
{
    quint16 states = 0;
    for (const Lane &lane : model.lanes()) {
        if (!lane.statesKnown)
            continue; // drawn as a plain life line, in no state's colour
        const auto &spans = lane.spans;
        const auto first
            = std::upper_bound(spans.begin(), spans.end(), fromNs,
                               [](qint64 t, const StateSpan &s) { return t < s.endNs; });
        const auto last = std::lower_bound(
            first, spans.end(), toNs, [](const StateSpan &s, qint64 t) { return s.startNs < t; });
        // A span that ends at fromNs is not drawn; one that starts at toNs shows a pixel.
        const auto end = last != spans.end() && last->startNs == toNs ? last + 1 : last;
        if (first < end)
            states |= lane.statesIn(std::size_t(first - spans.begin()),
                                    std::size_t(end - spans.begin()));
    }
    return states;
}

// The locks whose bands reach into [fromNs, toNs], in id order.
std::vector<quint32> locksShown(const TimelineModel &model, qint64 fromNs, qint64 toNs)
{
    std::set<quint32> locks;
    for (const Lane &lane : model.lanes()) {
        // Saturating: the whole trace's legend asks from the smallest time there is.
        const qint64 earliest = saturatingSub(fromNs, lane.longestLockNs);
        auto it = std::lower_bound(lane.locks.begin(), lane.locks.end(), earliest,
                                   [](const LockBand &b, qint64 t) { return b.startNs < t; });
        for (; it != lane.locks.end() && it->startNs <= toNs; ++it)
            if (it->endNs >= fromNs)
                locks.insert(it->lock);
    }
    return {locks.begin(), locks.end()};
}

// The kinds of instants (bit 1 << kind) on the lanes in [fromNs, toNs].
unsigned instantsShown(const TimelineModel &model, qint64 fromNs, qint64 toNs)
{
    constexpr unsigned all = (1u << unsigned(kInstantKindCount)) - 1;
    unsigned kinds = 0;
    for (const Lane &lane : model.lanes()) {
        auto it = std::lower_bound(lane.instants.begin(), lane.instants.end(), fromNs,
                                   [](const Instant &i, qint64 t) { return i.timeNs < t; });
        for (; it != lane.instants.end() && it->timeNs <= toNs && kinds != all; ++it)
            kinds |= 1u << unsigned(it->kind);
    }
    return kinds;
}

} // namespace

std::vector<LegendPass::Entry> LegendPass::entries(const TimelineModel &model, const Theme &theme)
{
    return entries(model, theme, std::numeric_limits<qint64>::min(),
                   std::numeric_limits<qint64>::max());
}

std::vector<LegendPass::Entry> LegendPass::entries(const TimelineModel &model, const Theme &theme,
                                                   qint64 fromNs, qint64 toNs)
{
    std::vector<Entry> result;
    // In the order a lane's life reads: starting, running, the waits, finished.
    const quint16 states = statesShown(model, fromNs, toNs);
    for (const LaneState state :
         {LaneState::Starting, LaneState::Running, LaneState::Sleeping, LaneState::BlockedOnLock,
          LaneState::WaitingJoin, LaneState::WaitingIo, LaneState::WaitingCondition,
          LaneState::Paused, LaneState::Finished}) {
        if (!(states & (1u << unsigned(state))))
            continue;
        const Swatch swatch = state == LaneState::Starting ? Swatch::Hatched
            : state == LaneState::Finished                 ? Swatch::Line
                                                           : Swatch::Bar;
        result.push_back({swatch, theme.stateColor(state), theme.stateName(state)});
    }

    const auto locks = locksShown(model, fromNs, toNs);
    constexpr std::size_t kMaxLocks = 6;
    for (std::size_t i = 0; i < std::min(locks.size(), kMaxLocks); ++i)
        result.push_back(
            {Swatch::Band, theme.objectColor(locks[i]),
             Tr::tr("holds %1").arg(boundedText(model.trace().object(locks[i]).name))});

    const std::pair<FlowKind, const char *> flowNames[] = {
        {FlowKind::Spawn, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "starts a thread")},
        {FlowKind::Join, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "thread ended → join returns")},
        {FlowKind::WaitsFor,
         QT_TRANSLATE_NOOP("weft::ui::LegendPass", "waits for the lock's owner")},
        {FlowKind::Packet, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "packet (bytes)")},
        {FlowKind::Message, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "message")},
        {FlowKind::Notify, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "notify → wake")}};
    const QColor flowColors[] = {theme.spawnFlow(),  theme.joinFlow(),    theme.waitFlow(),
                                 theme.packetFlow(), theme.messageFlow(), theme.notifyFlow()};
    for (std::size_t i = 0; i < std::size(flowNames); ++i)
        if (model.flowCount(flowNames[i].first, fromNs, toNs) > 0)
            result.push_back({Swatch::Arrow, flowColors[i], Tr::tr(flowNames[i].second)});

    const std::pair<InstantKind, const char *> instantNames[]
        = {{InstantKind::Print, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "print")},
           {InstantKind::LostUpdate, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "lost update")},
           {InstantKind::GilDropRequest,
            QT_TRANSLATE_NOOP("weft::ui::LegendPass", "asks for the GIL (drop request)")},
           {InstantKind::GilForcedSwitch,
            QT_TRANSLATE_NOOP("weft::ui::LegendPass", "drops the GIL on request")},
           {InstantKind::Deadlock, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "deadlock detected")},
           {InstantKind::Mark, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "mark")},
           {InstantKind::Error, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "error")},
           {InstantKind::Killed,
            QT_TRANSLATE_NOOP("weft::ui::LegendPass", "killed when its process exited")}};
    const unsigned instants = instantsShown(model, fromNs, toNs);
    for (const auto &[kind, name] : instantNames)
        if (instants & (1u << unsigned(kind)))
            result.push_back({Swatch::Glyph, theme.instantColor(kind), Tr::tr(name), kind});
    return result;
}

int LegendPass::heightFor(const TimelineModel &model, const Theme &theme, qreal width)
{
    return heightFor(entries(model, theme), theme, width);
}

int LegendPass::heightFor(const std::vector<Entry> &all, const Theme &theme, qreal width)
{
    if (all.empty() || width <= 0)
        return 0;
    const auto placed = flow(all, theme, QRectF(0, 0, width, 0));
    return int(std::ceil(placed.back().bottom() + Metrics(theme).padding));
}

void LegendPass::paintLegend(QPainter &painter, const QRectF &rect, const TimelineModel &model,
                             const Theme &theme)
{
    paintLegend(painter, rect, entries(model, theme), theme);
}

void LegendPass::paintLegend(QPainter &painter, const QRectF &rect, const std::vector<Entry> &all,
                             const Theme &theme)
{
    const auto placed = flow(all, theme, rect);
    const Metrics m(theme);
    painter.setFont(theme.font());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const QRectF box = placed[i];
        painter.save();
        paintSwatch(painter, all[i], QRectF(box.left(), box.top(), m.swatchWidth, box.height()),
                    theme);
        painter.restore();
        painter.setPen(theme.text());
        painter.drawText(box.adjusted(m.swatchWidth + m.swatchGap, 0, 0, 0),
                         Qt::AlignVCenter | Qt::AlignLeft, all[i].text);
    }
}

void LegendPass::paint(QPainter &painter, const RenderContext &context) const
{
    const QRectF rect = context.layout.legendRect();
    if (!rect.isValid() || rect.height() <= 0)
        return;
    painter.fillRect(rect, context.theme.background());
    painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), 1), context.theme.gridLine());
    // What the exported window shows, not the whole trace.
    paintLegend(painter, rect, entries(context.model, context.theme, context.fromNs, context.toNs),
                context.theme);
}

} // namespace weft::ui
