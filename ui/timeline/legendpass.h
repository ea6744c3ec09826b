// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"
#include "timelinemodel.h"

#include <QColor>
#include <QString>
#include <vector>

namespace weft::ui {

// The legend: the states, locks, arrows and marks the picture shows, and only
// those (a legend naming what is not there sends a reader looking for it).
// Used by the renderer (exports, for the exported window) and by LegendWidget
// (the whole trace).
class LegendPass : public RenderPass
{
public:
    // Line: the thin "finished" line; Hatched: the "starting" bar; Glyph: an instant's
    // own shape (instantglyph.h).
    enum class Swatch { Bar, Hatched, Line, Band, Arrow, Glyph };
    struct Entry
    {
        Swatch swatch = Swatch::Bar;
        QColor color;
        QString text;
        InstantKind glyph = InstantKind::Print; // for Swatch::Glyph
    };

    void paint(QPainter &painter, const RenderContext &context) const override;

    // What occurs anywhere in the trace ...
    static std::vector<Entry> entries(const TimelineModel &model, const Theme &theme);
    // ... or in [fromNs, toNs].
    static std::vector<Entry> entries(const TimelineModel &model, const Theme &theme, qint64 fromNs,
                                      qint64 toNs);
    static int heightFor(const TimelineModel &model, const Theme &theme, qreal width);
    static int heightFor(const std::vector<Entry> &entries, const Theme &theme, qreal width);
    static void paintLegend(QPainter &painter, const QRectF &rect, const TimelineModel &model,
                            const Theme &theme);
    static void paintLegend(QPainter &painter, const QRectF &rect,
                            const std::vector<Entry> &entries, const Theme &theme);
};

} // namespace weft::ui
