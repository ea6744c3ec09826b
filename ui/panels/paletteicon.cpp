// SPDX-License-Identifier: MIT
#include "paletteicon.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace weft::ui {

QIcon paletteIcon(QStyle::StandardPixmap which)
{
    QIcon stock = QApplication::style()->standardIcon(which);
    const QPalette palette = QApplication::palette();
    if (palette.color(QPalette::Window).lightness() >= 128)
        return stock; // light window: the stock glyphs read well
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
