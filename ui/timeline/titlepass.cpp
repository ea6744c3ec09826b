// SPDX-License-Identifier: MIT
#include "titlepass.h"

#include "core/interchange/untrustedtext.h"
#include "theme.h"
#include "timelinerenderer.h"

#include <QFontMetricsF>
#include <QPainter>

namespace weft::ui {

void TitlePass::paint(QPainter &painter, const RenderContext &context) const
{
    const QRectF rect = context.layout.titleRect();
    if (!rect.isValid())
        return;
    const Theme &theme = context.theme;
    painter.fillRect(rect, theme.background());
    painter.setFont(theme.titleFont());
    painter.setPen(theme.text());
    // The title's line is as tall as its font (with a CJK fallback, taller than
    // the Latin one); the subtitle fills the rest, wrapped onto the lines the
    // layout made room for.
    const QRectF titleRect(rect.left() + theme.px(12), rect.top() + theme.px(4),
                           rect.width() - theme.px(24), QFontMetricsF(theme.titleFont()).height());
    // A title wider than a fixed-size picture (a slide at 250 % text) first
    // shrinks, down to the body text's size, and only then loses its end.
    const QString title = boundedText(context.options.title);
    QFont titleFont = theme.titleFont();
    const int smallest = theme.font().pixelSize();
    while (titleFont.pixelSize() > smallest
           && QFontMetricsF(titleFont).horizontalAdvance(title) > titleRect.width())
        titleFont.setPixelSize(titleFont.pixelSize() - 1);
    painter.setFont(titleFont);
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, titleRect.width()));
    painter.setFont(theme.font());
    painter.setPen(theme.mutedText());
    const QRectF subtitleRect(titleRect.left(), titleRect.bottom() + theme.px(2), titleRect.width(),
                              rect.bottom() - theme.px(4) - titleRect.bottom() - theme.px(2));
    painter.drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                     boundedText(context.options.subtitle, 4 * kMaxLabelChars));
}

} // namespace weft::ui
