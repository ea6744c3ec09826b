// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace weft::ui {

// Paints a row's share of time per state as one stacked bar, in the
// timeline's state colours (TimeBreakdownModel::SegmentsRole).
class BreakdownBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace weft::ui
