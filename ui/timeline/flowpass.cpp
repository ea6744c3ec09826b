#include "flowpass.h"

#include <QPainter>

namespace weft::ui {

void FlowPass::paint(QPainter &painter, const RenderContext &context) const
{
    Q_UNUSED(painter);
    Q_UNUSED(context);
}

} // namespace weft::ui
