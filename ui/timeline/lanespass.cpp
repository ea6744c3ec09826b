// SPDX-License-Identifier: MIT
#include "lanespass.h"

#include "columnstrip.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QPainter>
#include <algorithm>
#include <utility>
#include <vector>

namespace weft::ui {

namespace {

// Which state wins when several share one merged pixel run: the one a learner
// is looking for (a wait) over the ordinary (running).
int priority(LaneState state)
{
    switch (state) {
    case LaneState::BlockedOnLock:
        return 6;
    case LaneState::WaitingJoin:
    case LaneState::WaitingIo:
    case LaneState::WaitingCondition:
        return 5;
    case LaneState::Sleeping:
    case LaneState::Paused:
        return 4;
    case LaneState::Running:
        return 3;
    case LaneState::Starting:
        return 2;
    case LaneState::Finished:
        return 1;
    case LaneState::Count:
        break;
    }
    return 0;
}

// The state that wins among those set in `states` (bit 1 << state).
LaneState mostImportant(quint16 states)
{
    LaneState best = LaneState::Finished;
    for (int s = 0; s < int(LaneState::Count); ++s) {
        const auto state = LaneState(s);
        if ((states & (1u << unsigned(s))) && priority(state) > priority(best))
            best = state;
    }
    return best;
}

// Collects horizontal runs and paints adjacent runs of one state as one rectangle.
class BarRuns
{
public:
    BarRuns(QPainter &painter, const Theme &theme, const QRectF &bar)
        : m_painter(painter)
        , m_theme(theme)
        , m_bar(bar)
        , m_strip(painter, bar)
    {
    }
    ~BarRuns()
    {
        flush();
        m_strip.flush();
        for (const auto &[x0, x1] : m_starting)
            hatch(x0, x1);
    }

    void add(qreal x0, qreal x1, LaneState state)
    {
        if (m_open && state == m_state && x0 <= m_x1 + 0.5) {
            m_x1 = std::max(m_x1, x1);
            return;
        }
        flush();
        m_open = true;
        m_x0 = x0;
        m_x1 = x1;
        m_state = state;
    }

private:
    void flush()
    {
        if (!m_open)
            return;
        m_open = false;
        const qreal x1 = std::max(m_x1, m_x0 + 1.0);
        if (m_state == LaneState::Finished) // a thin line: the thread is gone
            m_painter.fillRect(
                QRectF(m_x0, m_bar.center().y() - m_theme.px(2), x1 - m_x0, m_theme.px(4)),
                m_theme.stateColor(m_state));
        else
            m_strip.fill(m_x0, x1, m_theme.stateColor(m_state));
        if (m_state == LaneState::Starting)
            m_starting.emplace_back(m_x0, x1);
    }

    // Diagonal lines over a "starting" run, drawn after the strip: "not running yet"
    // reads from the texture too, in grey print and to a reader who cannot tell yellow.
    void hatch(qreal x0, qreal x1)
    {
        const QRectF rect(x0, m_bar.top(), x1 - x0, m_bar.height());
        const qreal step = m_theme.px(7);
        m_painter.save();
        m_painter.setClipRect(rect, Qt::IntersectClip);
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.setPen(QPen(m_theme.startingHatch(), m_theme.px(1.2)));
        for (qreal x = x0 - rect.height(); x < x1; x += step)
            m_painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()));
        m_painter.restore();
    }

    QPainter &m_painter;
    const Theme &m_theme;
    QRectF m_bar;
    ColumnStrip m_strip; // destroyed after ~BarRuns() has added the last run, so it paints it
    bool m_open = false;
    qreal m_x0 = 0, m_x1 = 0;
    LaneState m_state = LaneState::Running;
    std::vector<std::pair<qreal, qreal>> m_starting; // runs to hatch
};

} // namespace

void LanesPass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    painter.setClipRect(layout.plotRect());
    const auto &lanes = context.model.lanes();
    const qreal minPx = context.theme.minItemWidth();
    const qreal left = layout.plotRect().left(), right = layout.plotRect().right();
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const Lane &lane = lanes[std::size_t(li)];
        const QRectF row = layout.laneRect(li);
        const QRectF bar(left, row.top() + context.theme.stateBarTop(), right - left,
                         context.theme.stateBarHeight());
        if (!lane.statesKnown) {
            // The trace says when the lane was active, not what it was doing
            // (a compiler's or a tracer's slices): a thin life line, never "running" green.
            const qreal x0 = std::max(left, context.xForTime(lane.startNs));
            const qreal x1 = std::min(right, context.xForTime(lane.endNs));
            if (x1 > x0)
                painter.fillRect(QRectF(x0, bar.center().y() - context.theme.px(1), x1 - x0,
                                        std::max<qreal>(1, context.theme.px(2))),
                                 context.theme.mutedText());
            continue;
        }
        const auto &spans = lane.spans;
        const bool summaries = context.options.summaries;
        const StateMaskPyramid &pyramid = lane.spanStates;
        // With summaries, a span's start, end and state come from the pyramid's
        // copies (the same values), so that a merged pixel reads no span.
        const auto startOf = [&](std::size_t i) {
            return summaries ? pyramid.startOf(i) : spans[i].startNs;
        };
        const auto endOf = [&](std::size_t i) {
            return summaries ? pyramid.endOf(spans, i) : spans[i].endNs;
        };
        const auto stateOf = [&](std::size_t i) {
            return summaries ? pyramid.stateOf(i) : spans[i].state;
        };
        // Spans are sorted and disjoint, so their ends are sorted too.
        std::size_t i
            = std::size_t(std::upper_bound(spans.begin(), spans.end(), context.fromNs,
                                           [](qint64 t, const StateSpan &s) { return t < s.endNs; })
                          - spans.begin());
        BarRuns runs(painter, context.theme, bar);
        qint64 clipStart = context.fromNs; // where the next span's visible part begins
        while (i < spans.size() && startOf(i) < context.toNs) {
            const qint64 start = std::max(startOf(i), clipStart);
            const qreal x0 = std::max(left, context.xForTime(start));
            const qreal x1 = std::min(right, context.xForTime(endOf(i)));
            if (x1 - x0 >= minPx) {
                runs.add(x0, x1, stateOf(i));
                ++i;
                continue;
            }
            // Sub-pixel spans: one run of minPx for everything starting inside it.
            const qint64 bucketEnd = std::max(start + 1, context.timeForX(x0 + minPx));
            const std::size_t next = summaries
                ? pyramid.firstStartingFrom(spans, i + 1, bucketEnd)
                : std::size_t(
                    gallopLowerBound(spans.begin() + std::ptrdiff_t(i) + 1, spans.end(), bucketEnd,
                                     [](const StateSpan &s, qint64 t) { return s.startNs < t; })
                    - spans.begin());
            const std::size_t last = next - 1;
            runs.add(x0, x0 + minPx,
                     mostImportant(summaries ? lane.statesIn(i, next)
                                             : StateMaskPyramid::statesInEach(spans, i, next)));
            // The last span may reach far beyond the bucket: draw the rest of it next.
            if (endOf(last) > bucketEnd) {
                i = last;
                clipStart = bucketEnd;
            } else {
                i = next;
            }
        }
    }
}

} // namespace weft::ui
