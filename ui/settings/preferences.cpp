// SPDX-License-Identifier: MIT
#include "preferences.h"

#include "ui/panels/windowactions.h"

#include <QSettings>

namespace weft::ui {

namespace {

const QString kSpeedKey = QStringLiteral("Preferences/defaultSpeed");
const QString kThemeKey = QStringLiteral("Preferences/theme");
const QString kFontScaleKey = QStringLiteral("Preferences/fontScale");
// Stored instead of a factor for teaching mode: a word, so the file stays readable.
const QString kOneEventPerSecond = QStringLiteral("one-event-per-second");

bool isKnownSpeed(double speed)
{
    for (double factor : WindowActions::speedFactors())
        if (qFuzzyCompare(factor, speed))
            return true;
    return false;
}

} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_values(load())
{
}

QList<int> Preferences::fontScales()
{
    return {100, 125, 150, 175, 200, 225, 250};
}

QString Preferences::themeModeKey(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::FollowSystem:
        return QStringLiteral("system");
    case ThemeMode::Light:
        return QStringLiteral("light");
    case ThemeMode::Dark:
        return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

bool Preferences::themeModeFromKey(const QString &key, ThemeMode *mode)
{
    for (ThemeMode m : {ThemeMode::FollowSystem, ThemeMode::Light, ThemeMode::Dark}) {
        if (key.compare(themeModeKey(m), Qt::CaseInsensitive) == 0) {
            *mode = m;
            return true;
        }
    }
    return false;
}

Preferences::Values Preferences::sanitized(const Values &values)
{
    const Values fallback = defaults();
    Values v = values;
    if (v.oneEventPerSecond || !isKnownSpeed(v.speed))
        v.speed = fallback.speed;
    if (!fontScales().contains(v.fontScalePercent))
        v.fontScalePercent = fallback.fontScalePercent;
    switch (v.themeMode) {
    case ThemeMode::FollowSystem:
    case ThemeMode::Light:
    case ThemeMode::Dark:
        break;
    default:
        v.themeMode = fallback.themeMode;
    }
    return v;
}

Preferences::Values Preferences::load()
{
    const QSettings settings;
    Values v = defaults();
    const QString speed = settings.value(kSpeedKey).toString().trimmed();
    if (speed == kOneEventPerSecond) {
        v.oneEventPerSecond = true;
    } else {
        bool ok = false;
        const double factor = speed.toDouble(&ok);
        if (ok)
            v.speed = factor;
    }
    ThemeMode mode = v.themeMode;
    if (themeModeFromKey(settings.value(kThemeKey).toString(), &mode))
        v.themeMode = mode;
    bool ok = false;
    const int percent = settings.value(kFontScaleKey).toString().toInt(&ok);
    if (ok)
        v.fontScalePercent = percent;
    return sanitized(v);
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(kSpeedKey,
                      m_values.oneEventPerSecond ? kOneEventPerSecond
                                                 : QString::number(m_values.speed));
    settings.setValue(kThemeKey, themeModeKey(m_values.themeMode));
    settings.setValue(kFontScaleKey, m_values.fontScalePercent);
}

void Preferences::setValues(const Values &values)
{
    const Values clean = sanitized(values);
    if (clean == m_values)
        return;
    m_values = clean;
    save();
    emit changed();
}

void Preferences::reload()
{
    const Values loaded = load();
    if (loaded == m_values)
        return;
    m_values = loaded;
    emit changed();
}

} // namespace weft::ui
