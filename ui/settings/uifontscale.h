// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QtGlobal>

namespace weft::ui {

// The widgets' text size follows the projector text size preference, like the
// timeline's: apply() sets the application font to the desktop's font times the
// scale, and the fixed-width font of the code and output views (class fonts, so
// those widgets set no font of their own and follow every change). Widgets that
// show a heading larger than their text derive it from their own font() when
// it changes (QEvent::FontChange).
class UiFontScale
{
public:
    static void apply(qreal scale);
    // Installs the fixed-width class fonts at the current scale unless apply() already did.
    static void ensureInstalled();
    static qreal scale();
    // The desktop's font and fixed-width font at 100 %, as found before the first apply().
    static QFont baseFont();
    static QFont baseFixedFont();
};

} // namespace weft::ui
