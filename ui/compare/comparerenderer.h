// SPDX-License-Identifier: MIT
#pragma once

#include "ui/timeline/theme.h"
#include "ui/timeline/timelinerenderer.h"

#include <QRectF>
#include <array>

class QPainter;

namespace weft::ui {

class RunComparison;
class TimelineModel;

// Two runs in one picture: a heading with the one-line difference, then each
// run's timeline (its title, outcome, ruler, lanes, legend) one above the
// other on one time scale. Both windows start at the same time after their
// run's start and are as long, and both lane-name columns are as wide, so
// the same millisecond is at the same x in both. The screen's CompareView and
// every export draw through the same TimelineRenderer.
class CompareRenderer
{
public:
    struct Options
    {
        // The window, in ns after each run's start; toNs <= fromNs: all of the longer run.
        qint64 fromNs = 0;
        qint64 toNs = 0;
        bool showLegend = true;
    };

    explicit CompareRenderer(const Theme &theme);

    // The height that shows every row of both runs at this width.
    int fullHeight(const RunComparison &comparison, const TimelineModel &first,
                   const TimelineModel &second, qreal width, const Options &options) const;
    void render(QPainter &painter, const QRectF &target, const RunComparison &comparison,
                const TimelineModel &first, const TimelineModel &second,
                const Options &options) const;

    // What the last render() gave each run (0: first, 1: second): its
    // rectangle and options, so tests can rebuild its TimelineLayout.
    QRectF frameRect(int index) const { return m_frames.at(std::size_t(index)); }
    const RenderOptions &frameOptions(int index) const
    {
        return m_frameOptions.at(std::size_t(index));
    }

    // The lane-name column both runs share: the wider of the two they want.
    static qreal sharedLabelWidth(const TimelineModel &first, const TimelineModel &second,
                                  const Theme &theme);

private:
    int headerHeight(const RunComparison &comparison, qreal width) const;
    RenderOptions frameOptionsFor(const RunComparison &comparison, const TimelineModel &first,
                                  const TimelineModel &second, bool second_,
                                  const Options &options) const;
    const Theme &m_theme;
    mutable std::array<QRectF, 2> m_frames;
    mutable std::array<RenderOptions, 2> m_frameOptions;
};

} // namespace weft::ui
