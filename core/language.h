// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace weft {

// Which language Weft speaks, shared by the command line and the window.
//
// Order of precedence: the WEFT_LANGUAGE environment variable (handy for a
// one-off `WEFT_LANGUAGE=zh_CN weft --export ...`), then the choice saved in
// QSettings by the Language menu, then the system locale. A change made in the
// menu takes effect at the next start.
class Language
{
public:
    static QStringList available(); // "en", "zh_CN"
    static QString nativeName(const QString &language); // "English", "简体中文"
    static QString saved(); // "" = follow the system
    static void save(const QString &language);
    // The language to use now, resolved to one of available().
    static QString effective();
    // Loads Weft's and Qt's own translations for that language into the application.
    // Returns false if Weft's compiled catalogue for it is missing.
    static bool install(const QString &language);
};

} // namespace weft
