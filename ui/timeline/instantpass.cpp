// SPDX-License-Identifier: MIT
#include "instantpass.h"

#include "columnstrip.h"
#include "core/interchange/untrustedtext.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <vector>

namespace weft::ui {

namespace {

constexpr int kMaxLabels = 150; // text is the costliest thing to draw; a screen holds no more
constexpr qreal kGlyphRoomPx = 10; // closer than this (at 100 %), instants are plain ticks
constexpr qreal kLabelRoomPx = 48; // narrower than this (at 100 %), a glyph gets no label
constexpr qreal kMinElidedPx = 100; // a label cut narrower than this (at 100 %) is left out

QColor tickColor(const Theme &theme, InstantKind kind)
{
    switch (kind) {
    case InstantKind::Print:
        return theme.printTick();
    case InstantKind::Mark:
        return theme.markTick();
    case InstantKind::Error:
        return theme.errorTick();
    case InstantKind::Killed:
        return theme.killedMark();
    }
    return theme.text();
}

void drawPrint(QPainter &painter, const Theme &theme, qreal x, const QRectF &row)
{
    painter.setPen(QPen(theme.printTick(), theme.px(1.5)));
    painter.drawLine(QPointF(x, row.top() + theme.px(2)), QPointF(x, row.bottom() - theme.px(3)));
    painter.fillRect(QRectF(x - theme.px(2), row.top() + theme.px(1), theme.px(4.5), theme.px(4)),
                     theme.printTick());
}

void drawMark(QPainter &painter, const Theme &theme, qreal x, qreal y)
{
    const qreal r = theme.px(6);
    QPainterPath diamond;
    diamond.moveTo(x, y - r);
    diamond.lineTo(x + r, y);
    diamond.lineTo(x, y + r);
    diamond.lineTo(x - r, y);
    diamond.closeSubpath();
    painter.setPen(QPen(theme.text(), 1));
    painter.setBrush(theme.markTick());
    painter.drawPath(diamond);
}

void drawError(QPainter &painter, const Theme &theme, qreal x, const QRectF &row)
{
    const qreal top = row.top() + theme.px(1), half = theme.px(6);
    painter.setPen(QPen(theme.errorTick(), theme.px(2.5)));
    painter.drawLine(QPointF(x, top), QPointF(x, row.bottom() - theme.px(1)));
    QPainterPath triangle;
    triangle.moveTo(x - half, top);
    triangle.lineTo(x + half, top);
    triangle.lineTo(x, row.top() + theme.px(10));
    triangle.closeSubpath();
    painter.fillPath(triangle, theme.errorTick());
}

void drawKilled(QPainter &painter, const Theme &theme, qreal x, qreal y)
{
    const qreal r = theme.px(6);
    painter.setPen(QPen(theme.killedMark(), theme.px(3)));
    painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r));
    painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r));
}

// A label beside a tick, on a box of the background's colour so it stays readable over
// any state colour.
void drawLabel(QPainter &painter, const RenderContext &context, const QString &text, qreal x,
               qreal y, qreal available, const QColor &color)
{
    const Theme &theme = context.theme;
    const QFontMetricsF metrics(painter.font());
    const qreal pad = theme.px(3);
    const QString elided = metrics.elidedText(text, Qt::ElideRight, available - theme.px(10));
    // A stub ("lost up…") says nothing the glyph and its tooltip do not, and a
    // row of them reads as noise on a projector.
    const qreal width = metrics.horizontalAdvance(elided);
    if (elided.isEmpty() || (elided != text && width < theme.px(kMinElidedPx)))
        return;
    // Never over a chip, a callout or another label: then only its tooltip names it.
    const std::optional<QRectF> placed = context.labels.place(
        elided,
        {QRectF(x + theme.px(4), y - metrics.height() / 2, width + 2 * pad, metrics.height())},
        context.layout.plotRect());
    if (!placed)
        return;
    const QRectF box = *placed;
    painter.fillRect(box, theme.labelBackground());
    painter.setPen(color);
    painter.drawText(box.adjusted(pad, 0, -pad, 0), Qt::AlignVCenter | Qt::AlignLeft, elided);
}

// One instant at full size, with its label where it was given room.
void drawGlyph(QPainter &painter, const RenderContext &context, const QRectF &row, qreal x,
               qreal room, const Instant &instant, bool labelled)
{
    const Theme &theme = context.theme;
    const Trace &trace = context.model.trace();
    const qreal y = row.top() + theme.stateBarCenter();
    // Cut before drawLabel shapes it: a 50 MB name would take minutes to elide.
    const auto textOf = [&] {
        return boundedText(trace.text(trace.events()[std::size_t(instant.eventIndex)].text));
    };
    const bool hasText = labelled && instant.eventIndex >= 0;
    switch (instant.kind) {
    case InstantKind::Print:
        drawPrint(painter, theme, x, row);
        if (hasText)
            drawLabel(painter, context, textOf(), x, y, room, theme.text());
        break;
    case InstantKind::Mark:
        drawMark(painter, theme, x, y);
        if (hasText)
            drawLabel(painter, context, textOf(), x + theme.px(4), y, room - theme.px(4),
                      theme.text());
        break;
    case InstantKind::Error:
        drawError(painter, theme, x, row);
        if (hasText)
            drawLabel(painter, context, textOf(), x, y, room, theme.errorTick());
        break;
    case InstantKind::Killed:
        drawKilled(painter, theme, x, y);
        if (labelled)
            drawLabel(
                painter, context,
                QCoreApplication::translate("weft::ui::InstantPass", "killed: its process exited"),
                x + theme.px(6), y, room - theme.px(6), theme.killedMark());
        break;
    }
}

} // namespace

void InstantPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    const QRectF plot = layout.plotRect();
    painter.setClipRect(plot);
    painter.setFont(context.theme.smallFont());
    const Theme &theme = context.theme;
    const qreal minPx = theme.minItemWidth();
    const auto &lanes = context.model.lanes();
    int labels = 0;
    // Smooth edges only while there are few glyphs: hundreds of antialiased
    // shapes would cost most of a frame and look no different.
    int inView = 0;
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const auto &instants = lanes[std::size_t(li)].instants;
        const auto byTime = [](const Instant &i, qint64 t) {
            return i.timeNs < t;
        };
        inView += int(std::lower_bound(instants.begin(), instants.end(), context.toNs, byTime)
                      - std::lower_bound(instants.begin(), instants.end(), context.fromNs, byTime));
    }
    painter.setRenderHint(QPainter::Antialiasing, inView < 300);
    struct Glyph
    {
        qreal x = 0, room = 0;
        const Instant *instant = nullptr;
        bool labelled = false;
    };
    std::vector<Glyph> glyphs;
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const Lane &lane = lanes[std::size_t(li)];
        const QRectF row = layout.laneRect(li);
        const auto &instants = lane.instants;
        // Merged ticks first, glyphs over them: a glyph is what a reader looks for.
        ColumnStrip ticks(
            painter,
            QRectF(plot.left(), row.top() + theme.px(3), plot.width(), row.height() - theme.px(6)));
        glyphs.clear();
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
            const qreal nextX
                = next != instants.end() ? context.xForTime(next->timeNs) : plot.right();
            const qreal room = std::min(nextX, plot.right()) - x;
            const bool merged = next - it > 1;
            if ((merged || room < theme.px(kGlyphRoomPx)) && shown->kind != InstantKind::Killed) {
                ticks.fill(x, x + theme.px(1.5), tickColor(context.theme, shown->kind));
            } else {
                const bool labelled = labels < kMaxLabels && room > theme.px(kLabelRoomPx);
                if (labelled)
                    ++labels;
                glyphs.push_back({x, room, &*shown, labelled});
            }
            it = next;
        }
        ticks.flush();
        for (const Glyph &glyph : glyphs)
            drawGlyph(painter, context, row, glyph.x, glyph.room, *glyph.instant, glyph.labelled);
    }
}

} // namespace weft::ui
