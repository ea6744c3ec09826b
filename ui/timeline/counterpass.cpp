#include "counterpass.h"

#include <QPainter>

namespace weft::ui {

void CounterPass::paint(QPainter &painter, const RenderContext &context) const
{
    Q_UNUSED(painter);
    Q_UNUSED(context);
}

} // namespace weft::ui
