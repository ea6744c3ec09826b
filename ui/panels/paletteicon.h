// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QStyle>

namespace weft::ui {

// A style's standard icon that stays visible on the current palette. Fusion's
// media icons are dark glyphs whatever the palette, nearly invisible on a dark
// window; there they are redrawn in the palette's text colour.
QIcon paletteIcon(QStyle::StandardPixmap which);

} // namespace weft::ui
