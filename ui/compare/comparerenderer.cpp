// SPDX-License-Identifier: MIT
#include "comparerenderer.h"

#include "core/interchange/untrustedtext.h"
#include "runcomparison.h"
#include "ui/timeline/timelinelayout.h"
#include "ui/timeline/timelinemodel.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace weft::ui {

CompareRenderer::CompareRenderer(const Theme &theme)
    : m_theme(theme)
{
}

qreal CompareRenderer::sharedLabelWidth(const TimelineModel &first, const TimelineModel &second,
                                        const Theme &theme)
{
    return std::max(TimelineLayout::wantedLabelWidth(first, theme),
                    TimelineLayout::wantedLabelWidth(second, theme));
}

int CompareRenderer::headerHeight(const RunComparison &comparison, qreal width) const
{
    // The title's own layout rule: one title line, the difference wrapped below it.
    return TimelineLayout::titleHeight(m_theme, width, comparison.differenceLine());
}

RenderOptions CompareRenderer::frameOptionsFor(const RunComparison &comparison,
                                               const TimelineModel &first,
                                               const TimelineModel &second, bool second_,
                                               const Options &options) const
{
    const Trace &trace = second_ ? comparison.second() : comparison.first();
    const TimelineModel &model = second_ ? second : first;
    qint64 from = options.fromNs, to = options.toNs;
    if (to <= from) {
        from = 0;
        to = comparison.sharedDurationNs();
    }
    RenderOptions render;
    // Aligned at the start: each run's window begins as far after its own start.
    render.fromNs = model.startNs() + from;
    render.toNs = model.startNs() + to;
    render.stepAxis = comparison.isStepAligned(); // the ruler counts steps
    render.layout.showTitle = true;
    render.layout.showLegend = options.showLegend;
    render.layout.minLabelWidth = sharedLabelWidth(first, second, m_theme);
    render.title = comparison.frameTitle(second_);
    render.subtitle = boundedText(trace.outcome().summary, 4 * kMaxLabelChars);
    if (render.subtitle.isEmpty())
        render.subtitle = outcomeStatusName(trace.outcome().status);
    render.layout.subtitle = render.subtitle;
    return render;
}

int CompareRenderer::fullHeight(const RunComparison &comparison, const TimelineModel &first,
                                const TimelineModel &second, qreal width,
                                const Options &options) const
{
    int height = headerHeight(comparison, width);
    for (const bool isSecond : {false, true}) {
        const RenderOptions render = frameOptionsFor(comparison, first, second, isSecond, options);
        height
            += TimelineLayout::fullHeight(isSecond ? second : first, m_theme, width, render.layout);
    }
    return height;
}

void CompareRenderer::render(QPainter &painter, const QRectF &target,
                             const RunComparison &comparison, const TimelineModel &first,
                             const TimelineModel &second, const Options &options) const
{
    painter.save();
    painter.fillRect(target, m_theme.background());

    // The heading: what is compared, and the difference in one line.
    const qreal header = headerHeight(comparison, target.width());
    const QRectF titleRect(target.left() + m_theme.px(12), target.top() + m_theme.px(4),
                           target.width() - m_theme.px(24),
                           QFontMetricsF(m_theme.titleFont()).height());
    painter.setPen(m_theme.text());
    painter.setFont(m_theme.titleFont());
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(m_theme.titleFont())
                         .elidedText(comparison.title(), Qt::ElideRight, titleRect.width()));
    painter.setFont(m_theme.boldFont());
    const QRectF differenceRect(
        titleRect.left(), titleRect.bottom() + m_theme.px(2), titleRect.width(),
        target.top() + header - m_theme.px(4) - titleRect.bottom() - m_theme.px(2));
    painter.drawText(differenceRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                     comparison.differenceLine());

    // The two runs share what is left in proportion to what each needs.
    const qreal width = target.width();
    std::array<qreal, 2> needs {};
    for (const int i : {0, 1}) {
        m_frameOptions[std::size_t(i)]
            = frameOptionsFor(comparison, first, second, i == 1, options);
        needs[std::size_t(i)] = TimelineLayout::fullHeight(i == 1 ? second : first, m_theme, width,
                                                           m_frameOptions[std::size_t(i)].layout);
    }
    const qreal room = std::max<qreal>(0, target.height() - header);
    const qreal share = needs[0] / std::max<qreal>(1, needs[0] + needs[1]);
    m_frames[0] = QRectF(target.left(), target.top() + header, width, room * share);
    m_frames[1] = QRectF(target.left(), m_frames[0].bottom(), width, room - m_frames[0].height());

    const TimelineRenderer renderer(m_theme);
    for (const int i : {0, 1}) {
        painter.save();
        painter.setClipRect(m_frames[std::size_t(i)]);
        renderer.render(painter, m_frames[std::size_t(i)], i == 1 ? second : first,
                        m_frameOptions[std::size_t(i)]);
        painter.restore();
    }
    // A rule between the runs, so the second title is not read as the first's legend.
    painter.setPen(QPen(m_theme.mutedText(), m_theme.px(1)));
    painter.drawLine(QPointF(target.left(), m_frames[1].top()),
                     QPointF(target.right(), m_frames[1].top()));
    painter.restore();
}

} // namespace weft::ui
