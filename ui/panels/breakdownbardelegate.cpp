// SPDX-License-Identifier: MIT
#include "breakdownbardelegate.h"

#include "ui/models/timebreakdownmodel.h"

#include <QPainter>

namespace weft::ui {

void BreakdownBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index); // selection and background
    const QVariantList segments = index.data(TimeBreakdownModel::SegmentsRole).toList();
    const int margin = std::max(2, option.rect.height() / 5);
    const QRectF bar = QRectF(option.rect).adjusted(margin, margin, -margin, -margin);
    if (segments.isEmpty() || bar.width() <= 0)
        return;
    painter->save();
    qreal x = bar.left();
    for (const QVariant &value : segments) {
        const auto segment = value.value<TimeBreakdownModel::Segment>();
        const qreal width = segment.fraction * bar.width();
        painter->fillRect(QRectF(x, bar.top(), width, bar.height()), segment.color);
        x += width;
    }
    painter->restore();
}

QSize BreakdownBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.averageCharWidth() * 24));
    return size;
}

} // namespace weft::ui
