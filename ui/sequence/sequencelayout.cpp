// SPDX-License-Identifier: MIT
#include "sequencelayout.h"

#include "sequencelabels.h"
#include "ui/timeline/timeruler.h"

#include <QFontMetricsF>
#include <QHash>
#include <algorithm>
#include <cmath>

namespace weft::ui {

namespace {
// A column wider than this elides its labels instead: one long preview must
// not push the other lifelines off a projector's screen.
constexpr qreal kMaxColumnWidth = 360;
constexpr qreal kMinColumnWidth = 150;
// Columns spread to fill an export's width up to this: two lifelines across a
// whole slide would be too far apart to read as one exchange.
constexpr qreal kMaxSpreadColumnWidth = 520;
} // namespace

SequenceLayout::SequenceLayout(const Trace &trace, const SequenceDiagram &diagram,
                               const Theme &theme, const QString &title, qreal minWidth)
    : m_title(title)
{
    const QFontMetricsF labelFm(theme.font()), nameFm(theme.boldFont()), smallFm(theme.smallFont()),
        titleFm(theme.titleFont());
    const qreal margin = theme.px(12);
    const auto &items = diagram.items();
    const std::size_t lifelines = diagram.lifelines().size();

    // Measuring text is most of a layout's time: labels repeat ("send 100 B"), and
    // times differ only in digits, which every font here draws equally wide.
    QHash<QString, qreal> labelWidths, timeWidths;
    const auto labelWidth = [&](const QString &text) {
        auto it = labelWidths.find(text);
        if (it == labelWidths.end())
            it = labelWidths.insert(text, labelFm.horizontalAdvance(text));
        return *it;
    };
    std::vector<QString> labels, times;
    labels.reserve(items.size());
    times.reserve(items.size());
    qreal timeWidth = 0;
    for (const SequenceDiagram::Item &item : items) {
        labels.push_back(sequenceItemLabel(trace, item));
        times.push_back(TimeRuler::formatDuration(item.timeNs - trace.startNs()));
        QString shape = times.back();
        for (QChar &c : shape)
            if (c.isDigit())
                c = QLatin1Char('0');
        auto it = timeWidths.find(shape);
        if (it == timeWidths.end())
            it = timeWidths.insert(shape, smallFm.horizontalAdvance(shape));
        timeWidth = std::max(timeWidth, *it);
    }
    const qreal timeColumn = std::ceil(timeWidth + theme.px(16));

    // A label of an arrow over k columns has k columns' width; a note's label
    // reads rightwards to the next lifeline.
    qreal column = theme.px(kMinColumnWidth);
    for (const SequenceDiagram::Lifeline &line : diagram.lifelines())
        column = std::max({column, nameFm.horizontalAdvance(line.name) + theme.px(28),
                           smallFm.horizontalAdvance(line.process) + theme.px(28)});
    for (std::size_t i = 0; i < items.size(); ++i) {
        const qreal text = labelWidth(labels[i]);
        const int span = std::abs(items[i].to - items[i].from);
        column = std::max(column, span > 0 ? text / span + theme.px(24) : text + theme.px(28));
    }
    column = std::ceil(std::min(column, theme.px(kMaxColumnWidth)));
    const qreal n = qreal(std::max<std::size_t>(lifelines, 1));
    qreal natural = 2 * margin + timeColumn + n * column;
    qreal left = margin;
    if (minWidth > natural) {
        const qreal spread
            = std::min((minWidth - 2 * margin - timeColumn) / n, theme.px(kMaxSpreadColumnWidth));
        column = std::max(column, std::floor(spread));
        natural = 2 * margin + timeColumn + n * column;
        left += std::floor((minWidth - natural) / 2); // the block in the middle
    }
    // An export's title is never cut: the picture widens to hold it.
    const qreal titleWidth = title.isEmpty() ? 0 : titleFm.horizontalAdvance(title) + 2 * margin;
    const qreal width = std::ceil(std::max({minWidth, natural, titleWidth}));
    if (width > natural && minWidth <= natural)
        left += std::floor((width - natural) / 2);

    qreal y = margin;
    if (!title.isEmpty()) {
        m_titleRect = QRectF(margin, y, width - 2 * margin, titleFm.height());
        y = m_titleRect.bottom() + theme.px(10);
    }
    m_timeRight = left + timeColumn - theme.px(8);
    const bool anyProcess
        = std::any_of(diagram.lifelines().begin(), diagram.lifelines().end(),
                      [](const SequenceDiagram::Lifeline &l) { return !l.process.isEmpty(); });
    const qreal headerHeight = nameFm.height() + (anyProcess ? smallFm.height() : 0) + theme.px(10);
    for (std::size_t i = 0; i < lifelines; ++i) {
        const qreal x = left + timeColumn + (qreal(i) + 0.5) * column;
        m_lifelineX.push_back(x);
        const qreal boxWidth = column - theme.px(12);
        const SequenceDiagram::Lifeline &line = diagram.lifelines()[i];
        m_headers.push_back(
            {QRectF(x - boxWidth / 2, y, boxWidth, headerHeight),
             nameFm.elidedText(line.name, Qt::ElideMiddle, boxWidth - theme.px(8)),
             smallFm.elidedText(line.process, Qt::ElideMiddle, boxWidth - theme.px(8))});
    }
    m_headerBottom = y + headerHeight + theme.px(8);

    const qreal textHeight = labelFm.height();
    const qreal rowHeight = std::ceil(textHeight + theme.px(16));
    m_rows.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const SequenceDiagram::Item &item = items[i];
        Row row;
        row.band = QRectF(0, m_headerBottom + qreal(i) * rowHeight, width, rowHeight);
        row.y = row.band.top() + textHeight + theme.px(8);
        const qreal x1 = m_lifelineX[std::size_t(item.from)];
        const qreal x2 = m_lifelineX[std::size_t(item.to)];
        row.arrow = QLineF(x1, row.y, x2, row.y);
        const qreal text = labelWidth(labels[i]);
        const auto fit = [&](qreal room) {
            return text <= room ? labels[i] : labelFm.elidedText(labels[i], Qt::ElideRight, room);
        };
        if (item.isArrow()) {
            const qreal room = std::abs(x2 - x1) - theme.px(12);
            const qreal w = std::min(text, room);
            row.label = fit(w);
            row.labelRect
                = QRectF((x1 + x2 - w) / 2, row.y - theme.px(3) - textHeight, w, textHeight);
        } else {
            const qreal w = std::min(text, column - theme.px(18));
            row.label = fit(w);
            row.labelRect = QRectF(x1 + theme.px(10), row.y - textHeight / 2, w, textHeight);
        }
        row.time = times[i];
        m_rows.push_back(row);
    }
    // A note on the last lifeline reads past its column: the picture grows to hold it.
    qreal right = width;
    for (const Row &row : m_rows)
        right = std::max(right, std::ceil(row.labelRect.right() + margin));
    for (Row &row : m_rows)
        row.band.setWidth(right);
    m_size = QSizeF(right, m_headerBottom + qreal(items.size()) * rowHeight + margin);
}

int SequenceLayout::rowAt(qreal y) const
{
    if (m_rows.empty() || y < m_headerBottom)
        return -1;
    const qreal h = m_rows.front().band.height();
    const auto index = std::size_t((y - m_headerBottom) / h);
    return index < m_rows.size() ? int(index) : -1;
}

} // namespace weft::ui
