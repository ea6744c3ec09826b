// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>

class QColor;
class QPainter;

namespace weft::ui {

// A filled triangular head at `tip`, pointing along `direction`, `length`
// long and `width` wide: the one arrowhead every timeline arrow uses.
void drawArrowHead(QPainter &painter, QPointF tip, QPointF direction, qreal length, qreal width,
                   const QColor &color);

} // namespace weft::ui
