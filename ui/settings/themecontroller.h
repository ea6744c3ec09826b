// SPDX-License-Identifier: MIT
#pragma once

#include "preferences.h"
#include "ui/timeline/theme.h"

#include <QObject>
#include <QPalette>
#include <QString>

namespace weft::ui {

// Keeps Theme::current() in line with the preferences and the desktop: it
// follows the system palette (QEvent::ApplicationPaletteChange) in "follow
// the system" mode, and when the user forces a variant the desktop does not
// use, it also gives the widgets that variant (Fusion with a matching
// palette), so the window is never half light and half dark.
class ThemeController : public QObject
{
    Q_OBJECT
public:
    explicit ThemeController(Preferences *preferences, QObject *parent = nullptr);
    ~ThemeController() override;

    // The timeline theme these values give on this desktop.
    Theme themeFor(const Preferences::Values &values) const;
    bool systemIsDark() const { return m_systemDark; }
    // True while the widgets wear our palette instead of the desktop's.
    bool overridesWidgets() const { return m_overriding; }

    static QPalette darkPalette();
    static QPalette lightPalette();

public slots:
    void apply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void overrideWidgets(bool dark);
    void restoreWidgets();

    Preferences *m_preferences;
    QString m_systemStyle; // the platform's style, put back when we stop overriding
    bool m_systemDark = false;
    bool m_overriding = false;
    bool m_overridingDark = false;
    bool m_applying = false; // our own palette changes are not the desktop's
};

} // namespace weft::ui
