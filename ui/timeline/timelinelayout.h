// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>
#include <QString>
#include <vector>

namespace weft::ui {

class TimelineModel;
class Theme;

// Where everything goes inside a target rectangle: title, ruler, lane labels,
// the plot (lanes then counter tracks), legend. Shared by the renderer, the
// view's hit testing and the exporter, so they always agree.
class TimelineLayout
{
public:
    struct Options
    {
        bool showTitle = false;
        bool showRuler = true;
        bool showLabels = true;
        bool showLegend = false;
        int scrollY = 0; // vertical scroll of the rows, in px
        // With showTitle: the line under the title (the outcome). A long one
        // wraps onto up to three lines instead of losing its end.
        QString subtitle;
        // The lane names' column is at least this wide (still within the caps):
        // two timelines stacked with the same value put their plots at one x.
        qreal minLabelWidth = 0;
    };

    TimelineLayout(const TimelineModel &model, const Theme &theme, const QRectF &target,
                   const Options &options);

    QRectF titleRect() const { return m_title; }
    QRectF rulerRect() const { return m_ruler; }
    QRectF labelsRect() const { return m_labels; }
    QRectF plotRect() const { return m_plot; } // clip for rows
    QRectF legendRect() const { return m_legend; }

    // Row geometry in widget coordinates (scroll applied); rows may be off-screen.
    QRectF laneRect(int laneIndex) const; // spans plot width only; includes its slice rows
    // One row of a lane's named slices, under its state bar and lock bands.
    QRectF sliceRowRect(int laneIndex, int depth) const;
    // The slice row of that lane under y, -1 if y is on the lane's bars or elsewhere.
    int sliceRowAtY(int laneIndex, qreal y) const;
    // A lane's height: the bars, then one row per slice depth.
    static int laneHeight(const Theme &theme, int sliceRows);
    QRectF groupHeaderRect(int groupIndex) const;
    QRectF counterRect(int counterIndex) const;
    int laneAtY(qreal y) const; // -1 if none
    // First and last lane index intersecting the plot vertically (last < first if none).
    int firstVisibleLane() const;
    int lastVisibleLane() const;

    // Height of all rows (groups, lanes, counters), independent of scroll.
    int rowsHeight() const { return m_rowsHeight; }
    // The total height a target must have to show every row without scrolling.
    static int fullHeight(const TimelineModel &model, const Theme &theme, qreal width,
                          const Options &options);
    static int legendHeight(const TimelineModel &model, const Theme &theme, qreal width);
    // How much taller lanes may be so that few lanes fill the target's height
    // instead of a strip at its top: 1 when the rows already fill it, at most
    // Theme::kMaxLaneStretch. Give it the unstretched theme.
    static qreal fillingLaneStretch(const TimelineModel &model, const Theme &theme,
                                    const QRectF &target, const Options &options);
    static int titleHeight(const Theme &theme, qreal width, const QString &subtitle);
    // The lane names' column this model's names want, before the caps.
    static qreal wantedLabelWidth(const TimelineModel &model, const Theme &theme);

private:
    const TimelineModel &m_model;
    const Theme &m_theme;
    Options m_options;
    QRectF m_title, m_ruler, m_labels, m_plot, m_legend;
    std::vector<int> m_laneY; // offset of each lane from the rows' top
    std::vector<int> m_laneBottom; // ... and of its end (lanes with slices are taller)
    std::vector<int> m_groupY;
    std::vector<int> m_counterY;
    int m_rowsHeight = 0;
};

} // namespace weft::ui
