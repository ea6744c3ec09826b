// SPDX-License-Identifier: MIT
#pragma once

#include "preferences.h"

#include <QDialog>

class QComboBox;

namespace weft::ui {

class ThemeController;
class ThemePreview;

// Edit ▸ Preferences: the speed replays start at, the theme and the font
// scale, with a preview strip drawn by the real timeline renderer. OK stores
// the choice (it takes effect at once); Restore Defaults only resets the form.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    // themes resolves "follow the system" for the preview; it may be null.
    PreferencesDialog(Preferences *preferences, const ThemeController *themes,
                      QWidget *parent = nullptr);

    // What the form shows now (not yet stored).
    Preferences::Values chosenValues() const;
    void showValues(const Preferences::Values &values);

    QComboBox *speedBox() const { return m_speed; }
    QComboBox *themeBox() const { return m_theme; }
    QComboBox *fontScaleBox() const { return m_fontScale; }
    ThemePreview *preview() const { return m_preview; }

    void accept() override;

private:
    void updatePreview();

    Preferences *m_preferences;
    const ThemeController *m_themes;
    QComboBox *m_speed;
    QComboBox *m_theme;
    QComboBox *m_fontScale;
    ThemePreview *m_preview;
};

} // namespace weft::ui
