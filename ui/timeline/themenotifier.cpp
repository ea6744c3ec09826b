// SPDX-License-Identifier: MIT
#include "themenotifier.h"

namespace weft::ui {

ThemeNotifier *ThemeNotifier::instance()
{
    // Created on first use (the GUI thread: only it changes the theme).
    static ThemeNotifier notifier;
    return &notifier;
}

} // namespace weft::ui
