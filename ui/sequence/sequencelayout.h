// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/sequencediagram.h"
#include "ui/timeline/theme.h"

#include <QLineF>
#include <QRectF>
#include <QString>
#include <vector>

namespace weft::ui {

// Where everything of a sequence diagram goes, in logical pixels: a title,
// a header box per lifeline, the time of each row in the left margin, and one
// row per item (its arrow, or a note's dot, with the label above the arrow or
// beside the dot). Every row has a band of its own, so two labels can never
// overlap; a column is as wide as the longest label between neighbours needs.
// The view hit-tests with it, the renderer and the exporter draw from it.
class SequenceLayout
{
public:
    struct Header
    {
        QRectF box;
        QString name, process;
    };
    struct Row
    {
        qreal y = 0; // the arrow's (or the note's dot's) height
        QRectF band; // the whole row, for shading and hit-testing
        QLineF arrow; // p1 the sender, p2 the receiver; a note: both at the dot
        QRectF labelRect;
        QString label; // elided to labelRect when too long
        QString time; // from the trace's start
    };

    // minWidth: spread the columns to fill at least this width (an export's width).
    SequenceLayout(const Trace &trace, const SequenceDiagram &diagram, const Theme &theme,
                   const QString &title = {}, qreal minWidth = 0);

    QSizeF size() const { return m_size; }
    QRectF titleRect() const { return m_titleRect; } // empty without a title
    const QString &title() const { return m_title; }
    qreal headerBottom() const { return m_headerBottom; } // where the rows start
    const std::vector<Header> &headers() const { return m_headers; }
    const std::vector<qreal> &lifelineX() const { return m_lifelineX; }
    const std::vector<Row> &rows() const { return m_rows; } // one per diagram item
    qreal timeColumnRight() const { return m_timeRight; }
    // The row whose band contains y (logical, in this layout's coordinates); -1 if none.
    int rowAt(qreal y) const;

private:
    QSizeF m_size;
    QRectF m_titleRect;
    QString m_title;
    qreal m_headerBottom = 0;
    qreal m_timeRight = 0;
    std::vector<Header> m_headers;
    std::vector<qreal> m_lifelineX;
    std::vector<Row> m_rows;
};

} // namespace weft::ui
