// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/sequencediagram.h"
#include "sequencelayout.h"
#include "ui/timeline/theme.h"

class QPainter;

namespace weft::ui {

// Paints a SequenceLayout with QPainter, so the view, a PNG, an SVG and a PDF
// are the same picture. The header is a pass of its own: the view keeps it
// pinned while the rows scroll under it.
class SequenceRenderer
{
public:
    explicit SequenceRenderer(const Theme &theme)
        : m_theme(theme)
    {
    }

    // Background, title, header and rows: the whole picture (an export).
    void render(QPainter &painter, const SequenceDiagram &diagram, const SequenceLayout &layout,
                int selectedItem = -1) const;
    // The lifelines and rows whose bands meet [top, bottom] (the view's visible part).
    void paintRows(QPainter &painter, const SequenceDiagram &diagram, const SequenceLayout &layout,
                   qreal top, qreal bottom, int selectedItem) const;
    // The title and the lifelines' name boxes on a band of background.
    void paintHeader(QPainter &painter, const SequenceLayout &layout) const;
    // The colour of an item's arrow (or a note's dot).
    QColor itemColor(const SequenceDiagram::Item &item) const;

private:
    void paintArrow(QPainter &painter, const SequenceDiagram::Item &item,
                    const SequenceLayout::Row &row, bool selected) const;

    const Theme &m_theme;
};

} // namespace weft::ui
