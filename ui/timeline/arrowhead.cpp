// SPDX-License-Identifier: MIT
#include "arrowhead.h"

#include <QColor>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace weft::ui {

void drawArrowHead(QPainter &painter, QPointF tip, QPointF direction, qreal length, qreal width,
                   const QColor &color)
{
    const qreal norm = std::hypot(direction.x(), direction.y());
    if (norm <= 0)
        return;
    const QPointF unit = direction / norm, normal(-unit.y(), unit.x());
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip - unit * length + normal * width / 2);
    head.lineTo(tip - unit * length - normal * width / 2);
    head.closeSubpath();
    painter.fillPath(head, color);
}

} // namespace weft::ui
