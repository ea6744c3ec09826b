// SPDX-License-Identifier: MIT
#include "instantglyph.h"

#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace weft::ui {

namespace {

// A regular polygon of `corners` corners around (x, y), the first at `startDeg`.
QPolygonF regular(qreal x, qreal y, qreal r, int corners, qreal startDeg)
{
    QPolygonF polygon;
    for (int i = 0; i < corners; ++i) {
        const qreal a = (startDeg + 360.0 * i / corners) * std::numbers::pi / 180.0;
        polygon << QPointF(x + r * std::cos(a), y + r * std::sin(a));
    }
    return polygon;
}

// A filled shape with a thin outline in the text colour, so that it stands out
// of any state colour under it.
void drawOutlined(QPainter &painter, const Theme &theme, const QPolygonF &shape, const QColor &fill)
{
    painter.setPen(QPen(theme.text(), std::max<qreal>(1, theme.px(1))));
    painter.setBrush(fill);
    painter.drawPolygon(shape);
}

} // namespace

qreal instantGlyphHalfWidth(const Theme &theme, InstantKind kind)
{
    switch (kind) {
    case InstantKind::Print:
    case InstantKind::Error:
        return theme.px(0);
    case InstantKind::Mark:
        return theme.px(4);
    default:
        return theme.px(6);
    }
}

void drawInstantGlyph(QPainter &painter, const Theme &theme, InstantKind kind, qreal x, qreal y,
                      qreal top, qreal bottom)
{
    const QColor color = theme.instantColor(kind);
    const qreal r = theme.px(6);
    // A tick spans the bar and its lock band, not a stretched lane's whole
    // height: in a lane grown to fill the view it would read as a wall.
    top = std::max(top, y - theme.stateBarHeight() / 2.0 - theme.px(4));
    bottom
        = std::min(bottom, y + theme.stateBarHeight() / 2.0 + theme.lockBandHeight() + theme.px(4));
    painter.save();
    switch (kind) {
    case InstantKind::Print:
        painter.setPen(QPen(color, theme.px(1.5)));
        painter.drawLine(QPointF(x, top + theme.px(2)), QPointF(x, bottom - theme.px(3)));
        painter.fillRect(QRectF(x - theme.px(2), top + theme.px(1), theme.px(4.5), theme.px(4)),
                         color);
        break;
    case InstantKind::Mark:
        drawOutlined(painter, theme, regular(x, y, r, 4, -90), color);
        break;
    case InstantKind::Error: {
        const qreal lineTop = top + theme.px(1);
        painter.setPen(QPen(color, theme.px(2.5)));
        painter.drawLine(QPointF(x, lineTop), QPointF(x, bottom - theme.px(1)));
        QPainterPath triangle;
        triangle.moveTo(x - r, lineTop);
        triangle.lineTo(x + r, lineTop);
        triangle.lineTo(x, top + theme.px(10));
        triangle.closeSubpath();
        painter.fillPath(triangle, color);
        break;
    }
    case InstantKind::Killed:
        painter.setPen(QPen(color, theme.px(3)));
        painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r));
        painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r));
        break;
    case InstantKind::LostUpdate:
        painter.setPen(QPen(theme.text(), std::max<qreal>(1, theme.px(1))));
        painter.setBrush(color);
        painter.drawEllipse(QPointF(x, y), r, r);
        break;
    case InstantKind::GilDropRequest: // a raised hand: "let me have it"
        drawOutlined(painter, theme, regular(x, y + r * 0.2, r * 1.15, 3, -90), color);
        break;
    case InstantKind::GilForcedSwitch: { // an hourglass: it waits until another takes it
        const qreal w = r * 0.85;
        drawOutlined(painter, theme,
                     QPolygonF({QPointF(x - w, y - r), QPointF(x + w, y - r), QPointF(x, y),
                                QPointF(x + w, y + r), QPointF(x - w, y + r), QPointF(x, y)}),
                     color);
        break;
    }
    case InstantKind::Deadlock: // a ring: the wait-for cycle closed
        painter.setPen(QPen(color, theme.px(3)));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(x, y), r, r);
        break;
    }
    painter.restore();
}

} // namespace weft::ui
