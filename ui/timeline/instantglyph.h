// SPDX-License-Identifier: MIT
#pragma once

#include "timelinemodel.h"

#include <QtGlobal>

class QPainter;

namespace weft::ui {

class Theme;

// The glyph of each kind of instant, one shape per kind, drawn by the timeline
// and by the legend's swatches alike so the two never differ: a print is a
// flagged tick, a mark a diamond, an error a line under a down triangle, a
// process's kill a cross, a lost update a disc, a GIL drop request an up
// triangle, a forced GIL switch an hourglass, a deadlock a ring.
//
// (x, y) is the glyph's centre; top and bottom bound the strokes that span the
// row (a print's tick, an error's line). Colours come from Theme::instantColor.
void drawInstantGlyph(QPainter &painter, const Theme &theme, InstantKind kind, qreal x, qreal y,
                      qreal top, qreal bottom);

// How far right of its centre a glyph reaches, for the label beside it.
qreal instantGlyphHalfWidth(const Theme &theme, InstantKind kind);

} // namespace weft::ui
