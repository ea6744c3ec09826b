// SPDX-License-Identifier: MIT
#include "lostupdatepass.h"

#include "core/interchange/untrustedtext.h"
#include "instantglyph.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <tuple>
#include <vector>

namespace weft::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::LostUpdatePass)
};

// How far back to look for the overwritten write: a marked lost update
// follows it within a few events; a bound keeps a huge trace cheap.
constexpr int kSearchEvents = 10'000;

struct Callout
{
    const Instant *instant = nullptr;
    qreal x = 0;
    qreal y = 0; // the bar's centre
};

// The lost updates in view, or none when there are more than a few.
std::vector<Callout> calloutsInView(const RenderContext &context)
{
    std::vector<Callout> result;
    const TimelineLayout &layout = context.layout;
    const auto &lanes = context.model.lanes();
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const Lane &lane = lanes[std::size_t(li)];
        // Through the lane's index of its lost updates: a zoomed-out frame of a
        // large trace has millions of other instants in view.
        const auto timeOf = [&](quint32 i) {
            return lane.instants[i].timeNs;
        };
        auto it = std::lower_bound(lane.lostUpdates.begin(), lane.lostUpdates.end(), context.fromNs,
                                   [&](quint32 i, qint64 t) { return timeOf(i) < t; });
        for (; it != lane.lostUpdates.end() && timeOf(*it) <= context.toNs; ++it) {
            if (int(result.size()) == LostUpdatePass::kMaxCallouts)
                return {};
            const Instant &instant = lane.instants[*it];
            result.push_back({&instant, context.xForTime(instant.timeNs),
                              layout.laneRect(li).top() + context.theme.stateBarCenter()});
        }
    }
    // One sentence, at the latest: the one a live run has just made. Its box
    // would hide the marks after an earlier one; the other marks keep their glyphs.
    const auto latest
        = std::max_element(result.begin(), result.end(), [](const Callout &a, const Callout &b) {
              return std::tie(a.instant->timeNs, a.instant->eventIndex)
                  < std::tie(b.instant->timeNs, b.instant->eventIndex);
          });
    if (latest != result.end())
        return {*latest};
    return result;
}

QRectF boxFor(const QString &text, const QFontMetricsF &metrics, const Theme &theme)
{
    return QRectF(0, 0, metrics.horizontalAdvance(text) + theme.px(12),
                  metrics.height() + theme.px(4));
}

} // namespace

QString LostUpdatePass::calloutText(const Trace &trace, int eventIndex)
{
    const std::vector<Event> &events = trace.events();
    if (eventIndex < 0 || std::size_t(eventIndex) >= events.size())
        return {};
    const Event &mark = events[std::size_t(eventIndex)];
    const QString overwriter = boundedText(actorDisplayName(trace, mark.actor));
    for (int i = eventIndex - 1; i >= 0 && i >= eventIndex - kSearchEvents; --i) {
        const Event &e = events[std::size_t(i)];
        if (e.kind == EventKind::CounterValue && e.object == mark.object && e.actor != mark.actor)
            return Tr::tr("%1 overwrote %2's write: an update is lost")
                .arg(overwriter, boundedText(actorDisplayName(trace, e.actor)));
    }
    return Tr::tr("%1 overwrote another thread's write: an update is lost").arg(overwriter);
}

void LostUpdatePass::reserve(const RenderContext &context) const
{
    const Theme &theme = context.theme;
    const QFontMetricsF metrics(theme.boldFont());
    const QRectF plot = context.layout.plotRect();
    int tag = 0;
    for (const Callout &callout : calloutsInView(context)) {
        const QString text = calloutText(context.model.trace(), callout.instant->eventIndex);
        const QRectF box = boxFor(text, metrics, theme);
        const qreal gap = instantGlyphHalfWidth(theme, InstantKind::LostUpdate) + theme.px(4);
        const qreal h = box.height();
        // Beside the mark on its bar first (where its label would be), then
        // above or below the bar, then to its left: whichever no chip holds.
        const qreal above = callout.y - theme.stateBarHeight() / 2.0 - h - theme.px(2);
        const qreal below = callout.y + theme.stateBarHeight() / 2.0 + theme.px(2);
        context.labels.place(text,
                             {box.translated(callout.x + gap, callout.y - h / 2),
                              box.translated(callout.x + gap, above),
                              box.translated(callout.x + gap, below),
                              box.translated(callout.x - gap - box.width(), callout.y - h / 2),
                              box.translated(callout.x - gap - box.width(), above),
                              box.translated(callout.x - gap - box.width(), below)},
                             plot, this, tag++);
    }
}

void LostUpdatePass::paint(QPainter &painter, const RenderContext &context) const
{
    const Theme &theme = context.theme;
    const std::vector<Callout> callouts = calloutsInView(context);
    painter.setClipRect(context.layout.plotRect());
    painter.setFont(theme.boldFont());
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const PlacedLabel &label : context.labels.placed()) {
        if (label.owner != this || label.tag < 0 || label.tag >= int(callouts.size()))
            continue;
        const Callout &callout = callouts[std::size_t(label.tag)];
        // A leader from the mark to the box's nearest edge, then the box.
        const qreal edgeX = label.rect.left() > callout.x ? label.rect.left() : label.rect.right();
        painter.setPen(QPen(theme.lostUpdateMark(), theme.px(1.5)));
        const qreal glyph = instantGlyphHalfWidth(theme, InstantKind::LostUpdate);
        painter.drawLine(
            QPointF(callout.x + (edgeX > callout.x ? glyph : -glyph), callout.y),
            QPointF(edgeX, std::clamp(callout.y, label.rect.top(), label.rect.bottom())));
        painter.setBrush(theme.background());
        painter.drawRoundedRect(label.rect, theme.px(3), theme.px(3));
        painter.setPen(theme.text());
        painter.drawText(label.rect, Qt::AlignCenter, label.text);
    }
}

} // namespace weft::ui
