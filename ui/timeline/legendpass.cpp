#include "legendpass.h"

#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <set>

namespace weft::ui {

namespace {

constexpr int kRowHeight = 22;
constexpr int kPadding = 8;
constexpr int kSwatchWidth = 22;
constexpr int kGap = 18;

QString tr(const char *text)
{
    return QCoreApplication::translate("weft::ui::LegendPass", text);
}

// Positions of the entries flowed into rows of the given width.
std::vector<QRectF> flow(const std::vector<LegendPass::Entry> &entries, const QFont &font,
                         const QRectF &rect)
{
    const QFontMetricsF metrics(font);
    std::vector<QRectF> placed;
    qreal x = rect.left() + kPadding, y = rect.top() + kPadding;
    for (const auto &entry : entries) {
        const qreal width = kSwatchWidth + 6 + metrics.horizontalAdvance(entry.text);
        if (x + width > rect.right() - kPadding && x > rect.left() + kPadding) {
            x = rect.left() + kPadding;
            y += kRowHeight;
        }
        placed.emplace_back(x, y, width, kRowHeight);
        x += width + kGap;
    }
    return placed;
}

void paintSwatch(QPainter &painter, const LegendPass::Entry &entry, const QRectF &box)
{
    const qreal cy = box.center().y();
    painter.setRenderHint(QPainter::Antialiasing, true);
    switch (entry.swatch) {
    case LegendPass::Swatch::Bar:
        painter.fillRect(QRectF(box.left(), cy - 7, box.width(), 14), entry.color);
        break;
    case LegendPass::Swatch::Band:
        painter.fillRect(QRectF(box.left(), cy - 3, box.width(), 6), entry.color);
        break;
    case LegendPass::Swatch::Arrow: {
        painter.setPen(QPen(entry.color, 1.6));
        painter.drawLine(QPointF(box.left(), cy + 4), QPointF(box.right() - 2, cy - 4));
        QPainterPath head;
        head.moveTo(box.right(), cy - 5);
        head.lineTo(box.right() - 7, cy - 5);
        head.lineTo(box.right() - 2, cy + 1);
        head.closeSubpath();
        painter.fillPath(head, entry.color);
        break;
    }
    case LegendPass::Swatch::Tick:
        painter.setPen(QPen(entry.color, 1.5));
        painter.drawLine(QPointF(box.center().x(), cy - 8), QPointF(box.center().x(), cy + 8));
        painter.setBrush(entry.color);
        painter.drawEllipse(QPointF(box.center().x(), cy - 7), 2.5, 2.5);
        break;
    case LegendPass::Swatch::Diamond: {
        QPainterPath d;
        const qreal x = box.center().x();
        d.moveTo(x, cy - 6);
        d.lineTo(x + 6, cy);
        d.lineTo(x, cy + 6);
        d.lineTo(x - 6, cy);
        d.closeSubpath();
        painter.fillPath(d, entry.color);
        break;
    }
    case LegendPass::Swatch::Cross: {
        const qreal x = box.center().x();
        painter.setPen(QPen(entry.color, 3));
        painter.drawLine(QPointF(x - 5, cy - 5), QPointF(x + 5, cy + 5));
        painter.drawLine(QPointF(x - 5, cy + 5), QPointF(x + 5, cy - 5));
        break;
    }
    }
}

} // namespace

std::vector<LegendPass::Entry> LegendPass::entries(const TimelineModel &model, const Theme &theme)
{
    std::vector<Entry> result;
    for (int s = 0; s < int(LaneState::Count); ++s)
        result.push_back({Swatch::Bar, theme.stateColor(LaneState(s)), theme.stateName(LaneState(s))});

    const auto locks = model.locksUsed();
    constexpr std::size_t kMaxLocks = 6;
    for (std::size_t i = 0; i < std::min(locks.size(), kMaxLocks); ++i)
        result.push_back({Swatch::Band, theme.objectColor(locks[i]),
                          tr("holds %1").arg(model.trace().object(locks[i]).name)});

    std::set<FlowKind> flows;
    for (const Flow &f : model.flows())
        flows.insert(f.kind);
    const std::pair<FlowKind, const char *> flowNames[] = {
        {FlowKind::Spawn, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "starts a thread")},
        {FlowKind::Join, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "thread ended → join returns")},
        {FlowKind::WaitsFor, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "waits for the lock's owner")},
        {FlowKind::Packet, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "packet (bytes)")},
        {FlowKind::Message, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "message")},
        {FlowKind::Notify, QT_TRANSLATE_NOOP("weft::ui::LegendPass", "notify → wake")}};
    const QColor flowColors[] = {theme.spawnFlow(),  theme.joinFlow(),    theme.waitFlow(),
                                 theme.packetFlow(), theme.messageFlow(), theme.notifyFlow()};
    for (std::size_t i = 0; i < std::size(flowNames); ++i)
        if (flows.count(flowNames[i].first))
            result.push_back({Swatch::Arrow, flowColors[i], tr(flowNames[i].second)});

    std::set<InstantKind> instants;
    for (const Lane &lane : model.lanes())
        for (const Instant &i : lane.instants)
            instants.insert(i.kind);
    if (instants.count(InstantKind::Print))
        result.push_back({Swatch::Tick, theme.printTick(), tr("print")});
    if (instants.count(InstantKind::Mark))
        result.push_back({Swatch::Diamond, theme.markTick(), tr("mark")});
    if (instants.count(InstantKind::Error))
        result.push_back({Swatch::Tick, theme.errorTick(), tr("error")});
    if (instants.count(InstantKind::Killed))
        result.push_back({Swatch::Cross, theme.killedMark(), tr("killed when its process exited")});
    return result;
}

int LegendPass::heightFor(const TimelineModel &model, const Theme &theme, qreal width)
{
    const auto all = entries(model, theme);
    if (all.empty() || width <= 0)
        return 0;
    const auto placed = flow(all, theme.font(), QRectF(0, 0, width, 0));
    return int(placed.back().bottom()) + kPadding;
}

void LegendPass::paintLegend(QPainter &painter, const QRectF &rect, const TimelineModel &model,
                             const Theme &theme)
{
    const auto all = entries(model, theme);
    const auto placed = flow(all, theme.font(), rect);
    painter.setFont(theme.font());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const QRectF box = placed[i];
        painter.save();
        paintSwatch(painter, all[i], QRectF(box.left(), box.top(), kSwatchWidth, box.height()));
        painter.restore();
        painter.setPen(theme.text());
        painter.drawText(box.adjusted(kSwatchWidth + 6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         all[i].text);
    }
}

void LegendPass::paint(QPainter &painter, const RenderContext &context) const
{
    const QRectF rect = context.layout.legendRect();
    if (!rect.isValid() || rect.height() <= 0)
        return;
    painter.fillRect(rect, context.theme.background());
    painter.setPen(QPen(context.theme.gridLine(), 1));
    painter.drawLine(rect.topLeft(), rect.topRight());
    paintLegend(painter, rect, context.model, context.theme);
}

} // namespace weft::ui
