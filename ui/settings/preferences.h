// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

namespace weft::ui {

// The user's preferences, kept in QSettings under "Preferences/": the speed a
// replay starts at (or one event per second), the theme (follow the system,
// light, dark) and the font scale for projectors. Values read back are
// checked; anything unknown or out of range falls back to the default, so a
// hand-edited or old settings file never breaks the window.
class Preferences : public QObject
{
    Q_OBJECT
public:
    enum class ThemeMode { FollowSystem, Light, Dark };

    struct Values
    {
        double speed = 1.0; // one of WindowActions::speedFactors()
        bool oneEventPerSecond = false; // teaching mode; then speed is 1.0
        ThemeMode themeMode = ThemeMode::FollowSystem;
        int fontScalePercent = 100; // one of fontScales()

        bool operator==(const Values &) const = default;
    };

    // Loads the stored values (the defaults where none or bad ones are stored).
    explicit Preferences(QObject *parent = nullptr);

    static Values defaults() { return {}; }
    static QList<int> fontScales(); // 100 ... 250, in percent

    const Values &values() const { return m_values; }
    double speed() const { return m_values.speed; }
    bool oneEventPerSecond() const { return m_values.oneEventPerSecond; }
    ThemeMode themeMode() const { return m_values.themeMode; }
    int fontScalePercent() const { return m_values.fontScalePercent; }
    qreal fontScale() const { return m_values.fontScalePercent / 100.0; }

    // Stores the values (invalid ones replaced by defaults); emits changed() if any differ.
    void setValues(const Values &values);
    // Reads QSettings again, e.g. after another window changed them.
    void reload();

    // The stored spellings, also used by tests and the command line.
    static QString themeModeKey(ThemeMode mode);
    static bool themeModeFromKey(const QString &key, ThemeMode *mode);

signals:
    void changed();

private:
    static Values sanitized(const Values &values);
    static Values load();
    void save() const;

    Values m_values;
};

} // namespace weft::ui
