#include "instantpass.h"

#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace weft::ui {

namespace {

constexpr int kMaxLabels = 150;       // text is the costliest thing to draw; a screen holds no more
constexpr qreal kGlyphRoomPx = 10;    // closer than this, instants are plain ticks

QColor tickColor(const Theme &theme, InstantKind kind)
{
    switch (kind) {
    case InstantKind::Print: return theme.printTick();
    case InstantKind::Mark: return theme.markTick();
    case InstantKind::Error: return theme.errorTick();
    case InstantKind::Killed: return theme.killedMark();
    }
    return theme.text();
}

void drawPrint(QPainter &painter, const Theme &theme, qreal x, const QRectF &row)
{
    painter.setPen(QPen(theme.printTick(), 1.5));
    painter.drawLine(QPointF(x, row.top() + 2), QPointF(x, row.bottom() - 3));
    painter.fillRect(QRectF(x - 2, row.top() + 1, 4.5, 4), theme.printTick());
}

void drawMark(QPainter &painter, const Theme &theme, qreal x, qreal y)
{
    QPainterPath diamond;
    diamond.moveTo(x, y - 6);
    diamond.lineTo(x + 6, y);
    diamond.lineTo(x, y + 6);
    diamond.lineTo(x - 6, y);
    diamond.closeSubpath();
    painter.setPen(QPen(theme.text(), 1));
    painter.setBrush(theme.markTick());
    painter.drawPath(diamond);
}

void drawError(QPainter &painter, const Theme &theme, qreal x, const QRectF &row)
{
    painter.setPen(QPen(theme.errorTick(), 2.5));
    painter.drawLine(QPointF(x, row.top() + 1), QPointF(x, row.bottom() - 1));
    QPainterPath triangle;
    triangle.moveTo(x - 6, row.top() + 1);
    triangle.lineTo(x + 6, row.top() + 1);
    triangle.lineTo(x, row.top() + 10);
    triangle.closeSubpath();
    painter.fillPath(triangle, theme.errorTick());
}

void drawKilled(QPainter &painter, const Theme &theme, qreal x, qreal y)
{
    painter.setPen(QPen(theme.killedMark(), 3));
    painter.drawLine(QPointF(x - 6, y - 6), QPointF(x + 6, y + 6));
    painter.drawLine(QPointF(x - 6, y + 6), QPointF(x + 6, y - 6));
}

// A label beside a tick, on a light box so it stays readable over any state colour.
void drawLabel(QPainter &painter, const Theme &theme, const QString &text, qreal x, qreal y,
               qreal available, const QColor &color)
{
    const QFontMetricsF metrics(painter.font());
    const QString elided = metrics.elidedText(text, Qt::ElideRight, available - 10);
    if (elided.isEmpty() || elided == QStringLiteral("…"))
        return;
    const qreal width = metrics.horizontalAdvance(elided);
    const QRectF box(x + 4, y - metrics.height() / 2, width + 6, metrics.height());
    painter.fillRect(box, QColor(255, 255, 255, 225));
    painter.setPen(color);
    painter.drawText(box.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, elided);
    Q_UNUSED(theme);
}

} // namespace

void InstantPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    const QRectF plot = layout.plotRect();
    painter.setClipRect(plot);
    painter.setFont(context.theme.smallFont());
    const Trace &trace = context.model.trace();
    const auto &events = trace.events();
    const qreal minPx = context.theme.minItemWidth();
    const qreal barCenter = 4 + context.theme.stateBarHeight() / 2.0;
    const auto &lanes = context.model.lanes();
    int labels = 0;
    // Smooth edges only while there are few glyphs: hundreds of antialiased
    // shapes would cost most of a frame and look no different.
    int inView = 0;
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const auto &instants = lanes[std::size_t(li)].instants;
        const auto byTime = [](const Instant &i, qint64 t) { return i.timeNs < t; };
        inView += int(std::lower_bound(instants.begin(), instants.end(), context.toNs, byTime)
                      - std::lower_bound(instants.begin(), instants.end(), context.fromNs, byTime));
    }
    painter.setRenderHint(QPainter::Antialiasing, inView < 300);
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const Lane &lane = lanes[std::size_t(li)];
        const QRectF row = layout.laneRect(li);
        const auto &instants = lane.instants;
        auto it = std::lower_bound(instants.begin(), instants.end(), context.fromNs,
                                   [](const Instant &i, qint64 t) { return i.timeNs < t; });
        while (it != instants.end() && it->timeNs <= context.toNs) {
            const qreal x = context.xForTime(it->timeNs);
            // Everything within the next few pixels merges into this glyph; an error wins.
            const qint64 bucketEnd = context.timeForX(x + minPx);
            auto next = gallopLowerBound(it + 1, instants.end(), bucketEnd,
                                         [](const Instant &i, qint64 t) { return i.timeNs < t; });
            auto shown = it;
            for (auto probe = it; probe != next && probe - it < 8; ++probe)
                if (probe->kind == InstantKind::Error || probe->kind == InstantKind::Killed)
                    shown = probe;
            const qreal nextX = next != instants.end() ? context.xForTime(next->timeNs) : plot.right();
            const qreal room = std::min(nextX, plot.right()) - x;
            const bool merged = next - it > 1;
            if ((merged || room < kGlyphRoomPx) && shown->kind != InstantKind::Killed) {
                painter.fillRect(QRectF(x, row.top() + 3, 1.5, row.height() - 6),
                                 tickColor(context.theme, shown->kind));
                it = next;
                continue;
            }
            const bool labelled = labels < kMaxLabels && room > 48;
            if (labelled)
                ++labels;
            switch (shown->kind) {
            case InstantKind::Print:
                drawPrint(painter, context.theme, x, row);
                if (labelled && shown->eventIndex >= 0)
                    drawLabel(painter, context.theme,
                              trace.text(events[std::size_t(shown->eventIndex)].text), x,
                              row.top() + barCenter, room, context.theme.text());
                break;
            case InstantKind::Mark:
                drawMark(painter, context.theme, x, row.top() + barCenter);
                if (labelled && shown->eventIndex >= 0)
                    drawLabel(painter, context.theme,
                              trace.text(events[std::size_t(shown->eventIndex)].text), x + 4,
                              row.top() + barCenter, room - 4, context.theme.text());
                break;
            case InstantKind::Error:
                drawError(painter, context.theme, x, row);
                if (labelled && shown->eventIndex >= 0)
                    drawLabel(painter, context.theme,
                              trace.text(events[std::size_t(shown->eventIndex)].text), x,
                              row.top() + barCenter, room, context.theme.errorTick());
                break;
            case InstantKind::Killed:
                drawKilled(painter, context.theme, x, row.top() + barCenter);
                if (labelled)
                    drawLabel(painter, context.theme,
                              QCoreApplication::translate("weft::ui::InstantPass",
                                                          "killed: its process exited"),
                              x + 6, row.top() + barCenter, room - 6, context.theme.killedMark());
                break;
            }
            it = next;
        }
    }
}

} // namespace weft::ui
