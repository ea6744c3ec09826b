// SPDX-License-Identifier: MIT
#include "sequencerenderer.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace weft::ui {

using ItemKind = SequenceDiagram::ItemKind;

void SequenceRenderer::render(QPainter &painter, const SequenceDiagram &diagram,
                              const SequenceLayout &layout, int selectedItem) const
{
    painter.fillRect(QRectF(QPointF(0, 0), layout.size()), m_theme.background());
    paintRows(painter, diagram, layout, 0, layout.size().height(), selectedItem);
    paintHeader(painter, layout);
}

QColor SequenceRenderer::itemColor(const SequenceDiagram::Item &item) const
{
    switch (item.kind) {
    case ItemKind::Connect:
    case ItemKind::Packet:
        return m_theme.packetFlow();
    case ItemKind::Message:
        return m_theme.messageFlow();
    case ItemKind::Note:
        break;
    }
    return m_theme.mutedText();
}

void SequenceRenderer::paintHeader(QPainter &painter, const SequenceLayout &layout) const
{
    painter.save();
    painter.fillRect(QRectF(0, 0, layout.size().width(), layout.headerBottom()),
                     m_theme.background());
    if (!layout.titleRect().isEmpty()) {
        painter.setFont(m_theme.titleFont());
        painter.setPen(m_theme.text());
        painter.drawText(layout.titleRect(), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                         layout.title());
    }
    const qreal radius = m_theme.px(4);
    for (const SequenceLayout::Header &header : layout.headers()) {
        painter.setPen(QPen(m_theme.mutedText(), 1));
        painter.setBrush(m_theme.groupHeader());
        painter.drawRoundedRect(header.box, radius, radius);
        painter.setPen(m_theme.text());
        painter.setFont(m_theme.boldFont());
        QRectF text = header.box.adjusted(m_theme.px(4), m_theme.px(5), -m_theme.px(4), 0);
        painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextSingleLine, header.name);
        if (!header.process.isEmpty()) {
            painter.setFont(m_theme.smallFont());
            painter.setPen(m_theme.mutedText());
            text.setTop(text.top() + QFontMetricsF(m_theme.boldFont()).height());
            painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextSingleLine,
                             header.process);
        }
    }
    painter.restore();
}

void SequenceRenderer::paintRows(QPainter &painter, const SequenceDiagram &diagram,
                                 const SequenceLayout &layout, qreal top, qreal bottom,
                                 int selectedItem) const
{
    painter.save();
    const auto &rows = layout.rows();
    const int first = std::max(0, layout.rowAt(std::max(top, layout.headerBottom())));
    // Every other row shaded, as a flow graph's list: the eye follows a row to its time.
    for (int i = first; i < int(rows.size()) && rows[std::size_t(i)].band.top() <= bottom; ++i) {
        const QRectF band = rows[std::size_t(i)].band;
        if (i == selectedItem)
            painter.fillRect(band, m_theme.selectedRow());
        else if (i % 2)
            painter.fillRect(band, m_theme.alternateRow());
    }
    // Lifelines under the arrows.
    const qreal lineBottom = rows.empty() ? layout.headerBottom() : rows.back().band.bottom();
    QPen lifeline(m_theme.mutedText(), std::max<qreal>(1, m_theme.px(1)), Qt::DashLine);
    painter.setPen(lifeline);
    for (qreal x : layout.lifelineX())
        painter.drawLine(QPointF(x, std::max(top, layout.headerBottom() - m_theme.px(8))),
                         QPointF(x, std::min(bottom, lineBottom)));

    const QFontMetricsF fm(m_theme.font());
    for (int i = first; i < int(rows.size()) && rows[std::size_t(i)].band.top() <= bottom; ++i) {
        const SequenceLayout::Row &row = rows[std::size_t(i)];
        const SequenceDiagram::Item &item = diagram.items()[std::size_t(i)];
        painter.setFont(m_theme.smallFont());
        painter.setPen(m_theme.mutedText());
        painter.drawText(QRectF(0, row.y - fm.height(), layout.timeColumnRight(), 2 * fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, row.time);
        paintArrow(painter, item, row, i == selectedItem);
        // The label on a patch of background, so a lifeline never strikes through it.
        painter.fillRect(row.labelRect.adjusted(-m_theme.px(2), 0, m_theme.px(2), 0),
                         i == selectedItem
                             ? m_theme.selectedRow()
                             : (i % 2 ? m_theme.alternateRow() : m_theme.background()));
        painter.setFont(m_theme.font());
        painter.setPen(m_theme.text());
        painter.drawText(row.labelRect, Qt::AlignCenter | Qt::TextSingleLine, row.label);
    }
    painter.restore();
}

void SequenceRenderer::paintArrow(QPainter &painter, const SequenceDiagram::Item &item,
                                  const SequenceLayout::Row &row, bool selected) const
{
    const QColor color = itemColor(item);
    const qreal width = m_theme.px(selected ? 3 : 2);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (!item.isArrow()) {
        const qreal r = m_theme.px(selected ? 5 : 4);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRect(QRectF(row.arrow.p1() - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        return;
    }
    // A connection's set-up is dashed, as in a flow graph's SYN; data is solid.
    QPen pen(color, width, item.kind == ItemKind::Connect ? Qt::DashLine : Qt::SolidLine,
             Qt::FlatCap);
    const qreal head = m_theme.px(9);
    const qreal direction = row.arrow.x2() >= row.arrow.x1() ? 1 : -1;
    const QPointF tip = row.arrow.p2();
    painter.setPen(pen);
    painter.drawLine(row.arrow.p1(), tip - QPointF(direction * head * 0.8, 0));
    QPainterPath arrowHead;
    arrowHead.moveTo(tip);
    arrowHead.lineTo(tip + QPointF(-direction * head, -head * 0.5));
    arrowHead.lineTo(tip + QPointF(-direction * head, head * 0.5));
    arrowHead.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPath(arrowHead);
}

} // namespace weft::ui
