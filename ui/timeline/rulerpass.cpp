#include "rulerpass.h"

#include <QPainter>

namespace weft::ui {

void RulerPass::paint(QPainter &painter, const RenderContext &context) const
{
    Q_UNUSED(painter);
    Q_UNUSED(context);
}

} // namespace weft::ui
