// SPDX-License-Identifier: MIT
#include "paletteicon.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <cstdlib>

namespace weft::ui {

namespace {

// Whether a pixmap is one flat colour on transparency (a media glyph), as opposed
// to a picture in several colours (Fusion's folder, its floppy disk). Tinting a
// picture keeps only its outline: on a dark window the folder and the disk came
// out as blank white sheets.
bool isSilhouette(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    bool first = true;
    QColor seen;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() < 128)
                continue; // edges blend into anything
            if (first) {
                seen = c;
                first = false;
            } else if (std::abs(c.red() - seen.red()) + std::abs(c.green() - seen.green())
                           + std::abs(c.blue() - seen.blue())
                       > 90) {
                return false;
            }
        }
    return true;
}

} // namespace

QIcon paletteIcon(QStyle::StandardPixmap which)
{
    QIcon stock = QApplication::style()->standardIcon(which);
    const QPalette palette = QApplication::palette();
    if (palette.color(QPalette::Window).lightness() >= 128)
        return stock; // light window: the stock glyphs read well
    // A picture in colours reads on a dark window as it is; only a dark silhouette
    // needs the palette's text colour.
    if (!isSilhouette(stock.pixmap(QSize(32, 32))))
        return stock;
    QIcon tinted;
    for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
        QColor color = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
        for (const int side : {16, 22, 32, 48}) {
            QPixmap pixmap = stock.pixmap(QSize(side, side));
            if (pixmap.isNull())
                continue;
            // Keep the glyph's shape (its alpha), replace its colour.
            QPainter painter(&pixmap);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(pixmap.rect(), color);
            painter.end();
            tinted.addPixmap(pixmap, mode);
        }
    }
    return tinted.isNull() ? stock : tinted;
}

} // namespace weft::ui
