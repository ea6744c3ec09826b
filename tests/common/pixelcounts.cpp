// SPDX-License-Identifier: MIT
#include "pixelcounts.h"

#include <QPainter>
#include <cstdlib>

namespace weft::testsupport {

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

int countNear(const QImage &image, const QRect &rect, const QColor &color, int tolerance)
{
    const QRect r = rect.intersected(image.rect());
    int count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            count += near(image.pixelColor(x, y), color, tolerance) ? 1 : 0;
    return count;
}

int countOther(const QImage &image, const QRect &rect, const QColor &color)
{
    const QRect r = rect.intersected(image.rect());
    int count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            count += image.pixelColor(x, y) != color ? 1 : 0;
    return count;
}

QRect around(QPoint p, int r)
{
    return QRect(p.x() - r, p.y() - r, 2 * r + 1, 2 * r + 1);
}

QColor over(const QColor &base, const QColor &overlay)
{
    QImage pixel(1, 1, QImage::Format_ARGB32_Premultiplied);
    pixel.fill(base);
    QPainter painter(&pixel);
    painter.fillRect(QRect(0, 0, 1, 1), overlay);
    painter.end();
    return pixel.pixelColor(0, 0);
}

} // namespace weft::testsupport
