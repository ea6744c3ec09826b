// SPDX-License-Identifier: MIT
#pragma once

#include "renderpass.h"

#include <QColor>
#include <QString>
#include <vector>

namespace weft::ui {

// The legend: state colours, the locks in this trace, and the flows and marks
// that occur in it. Used by the renderer (exports) and by LegendWidget.
class LegendPass : public RenderPass
{
public:
    enum class Swatch { Bar, Band, Arrow, Tick, Diamond, Cross };
    struct Entry
    {
        Swatch swatch = Swatch::Bar;
        QColor color;
        QString text;
    };

    void paint(QPainter &painter, const RenderContext &context) const override;

    static std::vector<Entry> entries(const TimelineModel &model, const Theme &theme);
    static int heightFor(const TimelineModel &model, const Theme &theme, qreal width);
    static void paintLegend(QPainter &painter, const QRectF &rect, const TimelineModel &model,
                            const Theme &theme);
};

} // namespace weft::ui
