#include "titlepass.h"

#include "theme.h"
#include "timelinerenderer.h"

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
    const QRectF titleRect = rect.adjusted(theme.px(12), theme.px(6), -theme.px(12), -rect.height() / 2);
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(context.options.title, Qt::ElideRight,
                                                      int(titleRect.width())));
    painter.setFont(theme.font());
    painter.setPen(theme.mutedText());
    const QRectF subtitleRect = rect.adjusted(theme.px(12), rect.height() / 2, -theme.px(12), -theme.px(4));
    painter.drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(context.options.subtitle, Qt::ElideRight,
                                                      int(subtitleRect.width())));
}

} // namespace weft::ui
