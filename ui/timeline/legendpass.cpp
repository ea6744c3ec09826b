#include "legendpass.h"

#include <QPainter>

namespace weft::ui {

void LegendPass::paint(QPainter &painter, const RenderContext &context) const
{
    Q_UNUSED(painter);
    Q_UNUSED(context);
}

std::vector<LegendPass::Entry> LegendPass::entries(const TimelineModel &, const Theme &)
{
    return {};
}

int LegendPass::heightFor(const TimelineModel &, const Theme &, qreal)
{
    return 0;
}

void LegendPass::paintLegend(QPainter &, const QRectF &, const TimelineModel &, const Theme &)
{
}

} // namespace weft::ui
