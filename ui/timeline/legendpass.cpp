// SPDX-License-Identifier: MIT
#include "legendpass.h"

#include "core/interchange/untrustedtext.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
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
        , unit(theme.scale())
    {
    }
    qreal rowHeight, padding, swatchWidth, swatchGap, gap;
    qreal unit; // multiply a 100 % length by this
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

void paintSwatch(QPainter &painter, const LegendPass::Entry &entry, const QRectF &box, qreal u)
{
    // u: the theme's scale; the swatches are designed at 100 %.
    const qreal cy = box.center().y();
    painter.setRenderHint(QPainter::Antialiasing, true);
    switch (entry.swatch) {
    case LegendPass::Swatch::Bar:
        painter.fillRect(QRectF(box.left(), cy - 7 * u, box.width(), 14 * u), entry.color);
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
    case LegendPass::Swatch::Tick:
        painter.setPen(QPen(entry.color, 1.5 * u));
        painter.drawLine(QPointF(box.center().x(), cy - 8 * u),
                         QPointF(box.center().x(), cy + 8 * u));
        painter.setBrush(entry.color);
        painter.drawEllipse(QPointF(box.center().x(), cy - 7 * u), 2.5 * u, 2.5 * u);
        break;
    case LegendPass::Swatch::Diamond: {
        QPainterPath d;
        const qreal x = box.center().x();
        d.moveTo(x, cy - 6 * u);
        d.lineTo(x + 6 * u, cy);
        d.lineTo(x, cy + 6 * u);
        d.lineTo(x - 6 * u, cy);
        d.closeSubpath();
        painter.fillPath(d, entry.color);
        break;
    }
    case LegendPass::Swatch::Cross: {
        const qreal x = box.center().x();
        const qreal r = 5 * u;
        painter.setPen(QPen(entry.color, 3 * u));
        painter.drawLine(QPointF(x - r, cy - r), QPointF(x + r, cy + r));
        painter.drawLine(QPointF(x - r, cy + r), QPointF(x + r, cy - r));
        break;
    }
    }
}

} // namespace

std::vector<LegendPass::Entry> LegendPass::entries(const TimelineModel &model, const Theme &theme)
{
    std::vector<Entry> result;
    result.reserve(std::size_t(LaneState::Count));
    for (int s = 0; s < int(LaneState::Count); ++s)
        result.push_back(
            {Swatch::Bar, theme.stateColor(LaneState(s)), theme.stateName(LaneState(s))});

    const auto locks = model.locksUsed();
    constexpr std::size_t kMaxLocks = 6;
    for (std::size_t i = 0; i < std::min(locks.size(), kMaxLocks); ++i)
        result.push_back(
            {Swatch::Band, theme.objectColor(locks[i]),
             Tr::tr("holds %1").arg(boundedText(model.trace().object(locks[i]).name))});

    std::set<FlowKind> flows;
    for (const Flow &f : model.flows())
        flows.insert(f.kind);
    if (!model.lockWaits().empty())
        flows.insert(FlowKind::WaitsFor);
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
        if (flows.count(flowNames[i].first))
            result.push_back({Swatch::Arrow, flowColors[i], Tr::tr(flowNames[i].second)});

    std::set<InstantKind> instants;
    for (const Lane &lane : model.lanes())
        for (const Instant &i : lane.instants)
            instants.insert(i.kind);
    if (instants.count(InstantKind::Print))
        result.push_back({Swatch::Tick, theme.printTick(), Tr::tr("print")});
    if (instants.count(InstantKind::Mark))
        result.push_back({Swatch::Diamond, theme.markTick(), Tr::tr("mark")});
    if (instants.count(InstantKind::Error))
        result.push_back({Swatch::Tick, theme.errorTick(), Tr::tr("error")});
    if (instants.count(InstantKind::Killed))
        result.push_back(
            {Swatch::Cross, theme.killedMark(), Tr::tr("killed when its process exited")});
    return result;
}

int LegendPass::heightFor(const TimelineModel &model, const Theme &theme, qreal width)
{
    const auto all = entries(model, theme);
    if (all.empty() || width <= 0)
        return 0;
    const auto placed = flow(all, theme, QRectF(0, 0, width, 0));
    return int(std::ceil(placed.back().bottom() + Metrics(theme).padding));
}

void LegendPass::paintLegend(QPainter &painter, const QRectF &rect, const TimelineModel &model,
                             const Theme &theme)
{
    const auto all = entries(model, theme);
    const auto placed = flow(all, theme, rect);
    const Metrics m(theme);
    painter.setFont(theme.font());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const QRectF box = placed[i];
        painter.save();
        paintSwatch(painter, all[i], QRectF(box.left(), box.top(), m.swatchWidth, box.height()),
                    m.unit);
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
    paintLegend(painter, rect, context.model, context.theme);
}

} // namespace weft::ui
