// SPDX-License-Identifier: MIT
#include "instantpass.h"

#include "columnstrip.h"
#include "core/interchange/untrustedtext.h"
#include "instantglyph.h"
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

// Which instant a merged tick shows: the one a reader looks for.
int rank(InstantKind kind)
{
    switch (kind) {
    case InstantKind::Killed:
        return 4;
    case InstantKind::Error:
    case InstantKind::Deadlock:
        return 3;
    case InstantKind::LostUpdate:
        return 2;
    case InstantKind::GilDropRequest:
    case InstantKind::GilForcedSwitch:
    case InstantKind::Mark:
        return 1;
    case InstantKind::Print:
        break;
    }
    return 0;
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
    drawInstantGlyph(painter, theme, instant.kind, x, y, row.top(), row.bottom());
    if (!labelled)
        return;
    const qreal offset = instantGlyphHalfWidth(theme, instant.kind);
    if (instant.kind == InstantKind::Killed)
        drawLabel(
            painter, context,
            QCoreApplication::translate("weft::ui::InstantPass", "killed: its process exited"),
            x + offset, y, room - offset, theme.killedMark());
    else if (instant.eventIndex >= 0)
        drawLabel(painter, context, textOf(), x + offset, y, room - offset,
                  instant.kind == InstantKind::Error ? theme.errorTick() : theme.text());
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
        // They span the bar and its lock band, not a stretched lane's whole height.
        const qreal barCenter = row.top() + theme.stateBarCenter();
        const qreal tickTop = std::max(row.top() + theme.px(3),
                                       barCenter - theme.stateBarHeight() / 2.0 - theme.px(4));
        const qreal tickBottom = std::min(row.bottom() - theme.px(3),
                                          barCenter + theme.stateBarHeight() / 2.0
                                              + theme.lockBandHeight() + theme.px(4));
        ColumnStrip ticks(painter,
                          QRectF(plot.left(), tickTop, plot.width(), tickBottom - tickTop));
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
                if (rank(probe->kind) > rank(shown->kind))
                    shown = probe;
            const qreal nextX
                = next != instants.end() ? context.xForTime(next->timeNs) : plot.right();
            const qreal room = std::min(nextX, plot.right()) - x;
            const bool merged = next - it > 1;
            if ((merged || room < theme.px(kGlyphRoomPx)) && shown->kind != InstantKind::Killed) {
                ticks.fill(x, x + theme.px(1.5), context.theme.instantColor(shown->kind));
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
