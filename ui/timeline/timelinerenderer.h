// SPDX-License-Identifier: MIT
#pragma once

#include "labelplacer.h"
#include "pendingactionpass.h"
#include "selectionmarks.h"
#include "theme.h"
#include "timelinelayout.h"

#include <QRectF>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace weft::ui {

class TimelineModel;
class RenderPass;

// What to draw: a time window plus decorations. The same options drive the
// screen and every export, so a picture and the screen never differ.
struct RenderOptions
{
    qint64 fromNs = 0;
    qint64 toNs = 0; // toNs <= fromNs means "the whole trace"
    TimelineLayout::Options layout;
    QString title; // drawn when layout.showTitle
    QString subtitle; // e.g. the outcome summary
    bool showPlayhead = false;
    qint64 playheadNs = 0;
    bool dimAfterPlayhead = false;
    quint32 selectedActor = 0;
    QList<PendingMark> pending; // live stepping: what each parked thread does next
    // Every arrow (View ▸ All Arrows); otherwise the selected lane's arrows, fans
    // bundled, and the rest within a density budget. Exports use the default.
    bool allArrows = false;
    // The event the user selected (a ring on it), the wait it belongs to with
    // what ended it, and a marked range of time; -1 / none when nothing is.
    int selectedEvent = -1;
    std::optional<WaitLink> waitLink;
    std::optional<TimeRange> range;
    // The range's real length for its label (on the step axis the range is
    // drawn in columns); 0 takes the range's own length.
    qint64 rangeDurationNs = 0;
    // The step-order axis (View ▸ Axis ▸ Steps): the model holds StepOrder's
    // mapped trace and the ruler counts steps instead of time.
    bool stepAxis = false;
    // Skip what merges into one pixel by the model's summaries (a lane's state mask
    // pyramid, its slice rows searched per pixel column, the lock waits of a crowded
    // column of arrows) instead of reading every item in view. The picture is the same either way:
    // off only in tests that prove it.
    bool summaries = true;
};

// Paints a TimelineModel into any QPainter (widget, QImage, QSvgGenerator,
// QPdfWriter) with one pass per concern: lanes and states, lock bands, flows,
// instants, counters, labels, ruler, playhead, legend, title.
class TimelineRenderer
{
public:
    // Keeps a reference: the default, Theme::current(), follows theme changes.
    explicit TimelineRenderer(const Theme &theme = Theme::current());
    ~TimelineRenderer();
    TimelineRenderer(const TimelineRenderer &) = delete;
    TimelineRenderer &operator=(const TimelineRenderer &) = delete;

    const Theme &theme() const { return m_theme; }
    void render(QPainter &painter, const QRectF &target, const TimelineModel &model,
                const RenderOptions &options) const;
    // The text the last render() placed and left out: tests check it; the view's
    // tooltips name what was left out.
    const LabelPlacer &lastLabels() const { return m_lastLabels; }

private:
    const Theme &m_theme;
    std::vector<std::unique_ptr<RenderPass>> m_passes;
    mutable LabelPlacer m_lastLabels;
};

} // namespace weft::ui
