// SPDX-License-Identifier: MIT
#include "timelinelayout.h"

#include "core/interchange/untrustedtext.h"
#include "legendpass.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace weft::ui {

namespace {
// The lane names' column may take this much of the width, the plot keeps the rest.
constexpr qreal kMaxLabelShare = 0.42;
} // namespace

TimelineLayout::TimelineLayout(const TimelineModel &model, const Theme &theme, const QRectF &target,
                               const Options &options)
    : m_model(model)
    , m_theme(theme)
    , m_options(options)
{
    int y = 0;
    for (const LaneGroup &group : model.groups()) {
        m_groupY.push_back(y);
        y += theme.groupHeaderHeight();
        for (int i = 0; i < group.laneCount; ++i) {
            m_laneY.push_back(y);
            y += laneHeight(theme, model.lanes()[m_laneY.size() - 1].sliceRows);
            m_laneBottom.push_back(y);
        }
    }
    for (std::size_t i = 0; i < model.counters().size(); ++i) {
        m_counterY.push_back(y);
        y += theme.counterHeight();
    }
    m_rowsHeight = y;

    qreal top = target.top();
    if (options.showTitle) {
        const int h = titleHeight(theme, target.width(), options.subtitle);
        m_title = QRectF(target.left(), top, target.width(), h);
        top += h;
    }
    if (options.showRuler) {
        m_ruler = QRectF(target.left(), top, target.width(), theme.rulerHeight());
        top += theme.rulerHeight();
    }
    qreal bottom = target.bottom();
    if (options.showLegend) {
        const int h = legendHeight(model, theme, target.width());
        m_legend = QRectF(target.left(), bottom - h, target.width(), h);
        bottom -= h;
    }
    // Wide enough for the longest name at this text size (bold: the main thread's label
    // is bold), so "MainThread (tid 22256)" stays whole at 250 %; never more than
    // kMaxLabelShare of the picture, where names are elided.
    const qreal wanted = std::max(wantedLabelWidth(model, theme), options.minLabelWidth);
    const qreal labelWidth = options.showLabels
        ? std::min<qreal>({wanted, qreal(theme.maxLabelWidth()), target.width() * kMaxLabelShare})
        : 0;
    bottom = std::max(bottom, top);
    m_labels = QRectF(target.left(), top, labelWidth, bottom - top);
    m_plot = QRectF(target.left() + labelWidth, top, target.width() - labelWidth, bottom - top);
    if (m_ruler.isValid())
        m_ruler.setLeft(m_plot.left());
}

qreal TimelineLayout::wantedLabelWidth(const TimelineModel &model, const Theme &theme)
{
    return std::max<qreal>(theme.labelWidth(), model.widestLabel(theme.boldFont()) + theme.px(24));
}

QRectF TimelineLayout::laneRect(int laneIndex) const
{
    if (laneIndex < 0 || laneIndex >= int(m_laneY.size()))
        return {};
    const std::size_t i = std::size_t(laneIndex);
    return QRectF(m_plot.left(), m_plot.top() - m_options.scrollY + m_laneY[i], m_plot.width(),
                  m_laneBottom[i] - m_laneY[i]);
}

int TimelineLayout::laneHeight(const Theme &theme, int sliceRows)
{
    // The slice rows begin under the lock bands, with the same gap the bands keep.
    return theme.laneHeight()
        + (sliceRows > 0 ? sliceRows * theme.sliceRowHeight() + qRound(theme.px(3)) : 0);
}

QRectF TimelineLayout::sliceRowRect(int laneIndex, int depth) const
{
    const QRectF lane = laneRect(laneIndex);
    if (lane.isNull() || depth < 0)
        return {};
    return QRectF(lane.left(), lane.top() + m_theme.laneHeight() + depth * m_theme.sliceRowHeight(),
                  lane.width(), m_theme.sliceRowHeight());
}

int TimelineLayout::sliceRowAtY(int laneIndex, qreal y) const
{
    const QRectF lane = laneRect(laneIndex);
    const qreal inRows = y - lane.top() - m_theme.laneHeight();
    if (lane.isNull() || inRows < 0 || y >= lane.bottom())
        return -1;
    const int depth = int(inRows / m_theme.sliceRowHeight());
    return depth < m_model.lanes()[std::size_t(laneIndex)].sliceRows ? depth : -1;
}

QRectF TimelineLayout::groupHeaderRect(int groupIndex) const
{
    if (groupIndex < 0 || groupIndex >= int(m_groupY.size()))
        return {};
    return QRectF(m_labels.left(),
                  m_plot.top() - m_options.scrollY + m_groupY[std::size_t(groupIndex)],
                  m_labels.width() + m_plot.width(), m_theme.groupHeaderHeight());
}

QRectF TimelineLayout::counterRect(int counterIndex) const
{
    if (counterIndex < 0 || counterIndex >= int(m_counterY.size()))
        return {};
    return QRectF(m_plot.left(),
                  m_plot.top() - m_options.scrollY + m_counterY[std::size_t(counterIndex)],
                  m_plot.width(), m_theme.counterHeight());
}

int TimelineLayout::laneAtY(qreal y) const
{
    const qreal rowY = y - m_plot.top() + m_options.scrollY;
    auto it = std::upper_bound(m_laneY.begin(), m_laneY.end(), rowY);
    if (it == m_laneY.begin())
        return -1;
    --it;
    const std::size_t i = std::size_t(it - m_laneY.begin());
    return rowY < m_laneBottom[i] ? int(i) : -1;
}

int TimelineLayout::firstVisibleLane() const
{
    // The first lane whose bottom is below the top edge.
    return int(std::upper_bound(m_laneBottom.begin(), m_laneBottom.end(), m_options.scrollY)
               - m_laneBottom.begin());
}

int TimelineLayout::lastVisibleLane() const
{
    const qreal bottom = m_options.scrollY + m_plot.height();
    return int(std::lower_bound(m_laneY.begin(), m_laneY.end(), bottom) - m_laneY.begin()) - 1;
}

int TimelineLayout::fullHeight(const TimelineModel &model, const Theme &theme, qreal width,
                               const Options &options)
{
    Options rowsOnly = options;
    rowsOnly.showLegend = false;
    rowsOnly.scrollY = 0;
    TimelineLayout probe(model, theme, QRectF(0, 0, width, 0), rowsOnly);
    int h = probe.rowsHeight() + qRound(theme.px(8));
    if (options.showTitle)
        h += titleHeight(theme, width, options.subtitle);
    if (options.showRuler)
        h += theme.rulerHeight();
    if (options.showLegend)
        h += legendHeight(model, theme, width);
    return h;
}

qreal TimelineLayout::fillingLaneStretch(const TimelineModel &model, const Theme &theme,
                                         const QRectF &target, const Options &options)
{
    Options unscrolled = options;
    unscrolled.scrollY = 0;
    const TimelineLayout probe(model, theme, target, unscrolled);
    const auto lanes = qreal(model.lanes().size());
    if (lanes == 0)
        return 1.0;
    // A pixel per lane for rounding, and a small gap under the last row.
    const qreal room = probe.plotRect().height() - probe.rowsHeight() - theme.px(6) - lanes;
    const qreal stretch = 1.0 + room / (lanes * theme.laneHeight());
    return std::clamp<qreal>(stretch, 1.0, Theme::kMaxLaneStretch);
}

int TimelineLayout::titleHeight(const Theme &theme, qreal width, const QString &subtitle)
{
    // Measured, not assumed: a CJK fallback font is taller than the Latin one.
    const QFontMetricsF title(theme.titleFont()), text(theme.font());
    const qreal textWidth = std::max<qreal>(1, width - 2 * theme.px(12));
    const qreal wrapped = text.boundingRect(QRectF(0, 0, textWidth, 1e6), Qt::TextWordWrap,
                                            boundedText(subtitle, 4 * kMaxLabelChars))
                              .height();
    const int lines = std::clamp(int(std::ceil(wrapped / text.lineSpacing() - 0.01)), 1, 3);
    const qreal needed
        = theme.px(4) + title.height() + theme.px(2) + lines * text.lineSpacing() + theme.px(6);
    return std::max(theme.titleHeight(), int(std::ceil(needed)));
}

int TimelineLayout::legendHeight(const TimelineModel &model, const Theme &theme, qreal width)
{
    return LegendPass::heightFor(model, theme, width);
}

} // namespace weft::ui
