// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace weft::ui {

// Announces that Theme::current() changed, so views and legends that paint
// with it repaint and re-measure (sizes follow the font scale). Theme itself
// stays a plain value type; this is its only QObject.
class ThemeNotifier : public QObject
{
    Q_OBJECT
public:
    static ThemeNotifier *instance();

signals:
    void themeChanged();

private:
    ThemeNotifier() = default;
};

} // namespace weft::ui
