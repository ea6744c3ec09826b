// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QStyle>

namespace weft::ui {

// A style's standard icon that stays visible on the current palette. Fusion's
// media icons are dark glyphs whatever the palette, nearly invisible on a dark
// window; there they are redrawn in the palette's text colour. Icons in colours
// (the folder of Open, the disk of Save) are kept as they are: tinted, they were
// blank white sheets.
QIcon paletteIcon(QStyle::StandardPixmap which);

} // namespace weft::ui
