// SPDX-License-Identifier: MIT
#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace weft {

namespace {
const char kSettingsKey[] = "ui/language";
} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::saved()
{
    return QSettings().value(QLatin1String(kSettingsKey)).toString();
}

void Language::save(const QString &language)
{
    QSettings().setValue(QLatin1String(kSettingsKey), language);
}

QString Language::effective()
{
    QString wanted = qEnvironmentVariable("WEFT_LANGUAGE");
    if (wanted.isEmpty())
        wanted = saved();
    if (wanted.isEmpty())
        wanted = QLocale::system().name(); // e.g. "zh_CN", "en_US"
    if (wanted.startsWith(QLatin1String("zh")))
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool Language::install(const QString &language)
{
    auto *app = QCoreApplication::instance();
    // Compiled from resources/translations/weft_<language>.ts at build time
    // (core/CMakeLists.txt). English needs one too: it holds the plural forms.
    auto *weftTranslator = new QTranslator(app);
    if (!weftTranslator->load(QStringLiteral(":/i18n/weft_%1.qm").arg(language))) {
        delete weftTranslator;
        return false;
    }
    QCoreApplication::installTranslator(weftTranslator);
    if (language == QLatin1String("en"))
        return true;
    // Qt's own strings (standard buttons, file dialogs), if the system has them.
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(language),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    return true;
}

} // namespace weft
