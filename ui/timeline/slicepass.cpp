// SPDX-License-Identifier: MIT
#include "slicepass.h"

#include "columnstrip.h"
#include "core/interchange/untrustedtext.h"
#include "core/saturating.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <memory>
#include <vector>

namespace weft::ui {

namespace {
constexpr qreal kMinCutPx = 40; // a name cut shorter than this (at 100 %) is left out
// A slice wide enough for an outline, and for its name when that fits.
struct WideSlice
{
    QRectF box;
    const SliceBar *slice = nullptr;
};
// One slice row of a lane, in order, skipping by search the tiny slices that would
// merge into a mark already drawn: visit() would leave each of them out, so the
// picture is the one a walk over every slice paints, at a cost per pixel column.
template<typename Visit>
void visitRow(const RenderContext &context, const Lane &lane, int depth, qint64 earliest,
              const qreal &mergedUntil, Visit visit)
{
    const auto &index = lane.sliceRowIndex[std::size_t(depth)];
    const auto &latestEnd = lane.sliceRowLatestEnd[std::size_t(depth)];
    const auto &begins = lane.sliceRowBegin[std::size_t(depth)];
    const auto &ends = lane.sliceRowEnd[std::size_t(depth)];
    const auto beginOf = [&](std::size_t k) {
        return begins[k];
    };
    const qreal left = context.layout.plotRect().left();
    const auto x0Of = [&](std::size_t k) {
        return std::max(left, context.xForTime(beginOf(k)));
    };
    std::size_t k
        = std::size_t(std::lower_bound(begins.begin(), begins.end(), earliest) - begins.begin());
    while (k < index.size() && beginOf(k) < context.toNs) {
        visit(index[k], beginOf(k), ends[k], depth);
        ++k;
        // The next slices starting left of the merged mark: visit() leaves each out
        // unless it is wide enough to draw on its own, and then it reaches past the
        // mark's end.
        if (k >= index.size() || x0Of(k) >= mergedUntil)
            continue;
        const qint64 markEndNs = context.timeForX(mergedUntil);
        std::size_t past
            = std::size_t(gallopLowerBound(begins.begin() + std::ptrdiff_t(k), begins.end(),
                                           markEndNs - 1, [](qint64 b, qint64 t) { return b < t; })
                          - begins.begin());
        while (past > k && x0Of(past - 1) >= mergedUntil)
            --past;
        while (past < index.size() && x0Of(past) < mergedUntil)
            ++past;
        // Those that end before the mark does are skipped; from the first that may
        // reach past it (the latest ends never decrease), each is visited.
        k = std::size_t(std::lower_bound(latestEnd.begin() + std::ptrdiff_t(k),
                                         latestEnd.begin() + std::ptrdiff_t(past), markEndNs - 1)
                        - latestEnd.begin());
    }
}

} // namespace

void SlicePass::paint(QPainter &painter, const RenderContext &context) const
{
    const TimelineLayout &layout = context.layout;
    const Theme &theme = context.theme;
    const QRectF plot = layout.plotRect();
    painter.setClipRect(plot);
    painter.setFont(theme.smallFont());
    const QFontMetricsF metrics(theme.smallFont());
    const qreal minPx = theme.minItemWidth();
    const qreal outlinePx = theme.px(4);
    const qreal gap = std::max<qreal>(1, theme.px(1)); // between rows, so nesting reads
    const auto &lanes = context.model.lanes();
    const Trace &trace = context.model.trace();
    std::vector<WideSlice> wide;
    for (int li = std::max(0, layout.firstVisibleLane()); li <= layout.lastVisibleLane(); ++li) {
        const Lane &lane = lanes[std::size_t(li)];
        if (lane.slices.empty())
            continue;
        std::vector<QRectF> rowRects; // each depth's row, across the plot
        std::vector<std::unique_ptr<ColumnStrip>> rows;
        // A wide slice's outline: its top and bottom edges in strips of their own,
        // over the row's (its sides are fills in the row): thousands of boxes in
        // view each cost a stroked QPainter::drawRect (most of a zoomed-in frame
        // at 10 M events).
        std::vector<std::unique_ptr<ColumnStrip>> edges;
        std::vector<qreal> mergedUntil(std::size_t(lane.sliceRows), -1e300);
        for (int depth = 0; depth < lane.sliceRows; ++depth) {
            const QRectF row = layout.sliceRowRect(li, depth).adjusted(0, gap, 0, 0);
            rowRects.push_back(row);
            rows.push_back(std::make_unique<ColumnStrip>(painter, row));
            edges.push_back(std::make_unique<ColumnStrip>(
                painter, QRectF(row.left(), row.top(), row.width(), 1)));
            edges.push_back(std::make_unique<ColumnStrip>(
                painter, QRectF(row.left(), row.bottom() - 1, row.width(), 1)));
        }
        wide.clear();
        // One slice as every frame sees it: merged into a mark, a sliver, or a box.
        // Read from the row's begins and ends: the slice itself only when wide.
        const auto visit = [&](std::size_t k, qint64 beginNs, qint64 endNs, int sliceDepth) {
            if (endNs < context.fromNs)
                return;
            const std::size_t depth = std::size_t(sliceDepth);
            const qreal x0 = std::max(plot.left(), context.xForTime(beginNs));
            const qreal x1 = std::min(plot.right(), context.xForTime(endNs));
            // Slices too narrow for an outline take the outline's colour: a pale
            // sliver on the background would be lost.
            if (x1 - x0 < minPx) {
                // Tiny slices starting inside one merged mark add nothing to it.
                if (x0 < mergedUntil[depth])
                    return;
                mergedUntil[depth] = x0 + minPx;
                rows[depth]->fill(x0, x0 + minPx, theme.sliceBorder());
            } else if (x1 - x0 < outlinePx) {
                rows[depth]->fill(x0, x1, theme.sliceBorder());
            } else {
                const QColor border = theme.sliceBorder();
                rows[depth]->fill(x0, x1, theme.sliceFill(sliceDepth));
                rows[depth]->fill(x0, x0 + 1, border);
                rows[depth]->fill(x1 - 1, x1, border);
                edges[2 * depth]->fill(x0, x1, border);
                edges[2 * depth + 1]->fill(x0, x1, border);
                const QRectF &row = rowRects[depth];
                wide.push_back({QRectF(x0, row.top(), x1 - x0, row.height()), &lane.slices[k]});
            }
        };
        // Slices nest, so search from the earliest start that could still reach the window.
        const qint64 earliest = saturatingSub(context.fromNs, lane.longestSliceNs);
        if (context.options.summaries && !lane.sliceRowIndex.empty()) {
            for (int depth = 0; depth < lane.sliceRows; ++depth)
                visitRow(context, lane, depth, earliest, mergedUntil[std::size_t(depth)], visit);
            // Outlines and names in the order of the slices, as the walk below draws them:
            // who gets the room for a name must not depend on the path taken.
            std::sort(wide.begin(), wide.end(),
                      [](const WideSlice &a, const WideSlice &b) { return a.slice < b.slice; });
        } else {
            auto it = std::lower_bound(lane.slices.begin(), lane.slices.end(), earliest,
                                       [](const SliceBar &s, qint64 t) { return s.beginNs < t; });
            for (; it != lane.slices.end() && it->beginNs < context.toNs; ++it)
                visit(std::size_t(it - lane.slices.begin()), it->beginNs, it->endNs, it->depth);
        }
        // The fills, then the edges over them, then the names over both.
        rows.clear();
        edges.clear();
        painter.setPen(theme.sliceText());
        for (const WideSlice &w : wide) {
            const QRectF textBox = w.box.adjusted(theme.px(3), 0, -theme.px(3), 0);
            if (textBox.width() < metrics.averageCharWidth() * 2)
                continue;
            // Cut before eliding: eliding shapes the whole string.
            const QString name = boundedText(trace.text(w.slice->text));
            const QString shown = metrics.elidedText(name, Qt::ElideRight, textBox.width());
            // A stub ("GIL…") says nothing the tooltip does not: a cut name keeps
            // a few words or is left out; and none hides under a chip or a callout.
            if (shown.isEmpty() || shown == QString(QChar(0x2026))
                || (shown != name && metrics.horizontalAdvance(shown) < theme.px(kMinCutPx)))
                continue;
            const QRectF textRect(textBox.left(), textBox.top(), metrics.horizontalAdvance(shown),
                                  textBox.height());
            if (!context.labels.place(shown, {textRect}, textRect))
                continue;
            painter.drawText(textBox, Qt::AlignVCenter | Qt::AlignLeft, shown);
        }
    }
}

} // namespace weft::ui
