// SPDX-License-Identifier: MIT
#include "exportcommand.h"

#include "ui/export/traceexporter.h"

#include <QCoreApplication>

namespace weft::app {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::app::CommandLine)
};
} // namespace

bool parseExportLook(const QString &theme, const QString &fontScale, ExportLook *look,
                     QString *error)
{
    ExportLook result;
    const QString variant = theme.trimmed().toLower();
    if (variant == QLatin1String("dark")) {
        result.variant = ui::Theme::Variant::Dark;
    } else if (!variant.isEmpty() && variant != QLatin1String("light")) {
        *error = Tr::tr("--theme must be 'light' or 'dark', not '%1'").arg(theme);
        return false;
    }
    QString percent = fontScale.trimmed();
    if (percent.endsWith(QLatin1Char('%')))
        percent.chop(1);
    if (!percent.isEmpty()) {
        bool ok = false;
        const int value = percent.toInt(&ok);
        const int low = qRound(ui::Theme::kMinScale * 100),
                  high = qRound(ui::Theme::kMaxScale * 100);
        if (!ok || value < low || value > high) {
            *error = Tr::tr("--font-scale must be a percentage from %1 to %2, not '%3'")
                         .arg(low)
                         .arg(high)
                         .arg(fontScale);
            return false;
        }
        result.fontScalePercent = value;
    }
    *look = result;
    return true;
}

bool exportTraceToFile(const Trace &trace, const QString &path, int width, const ExportLook &look,
                       QString *error)
{
    ui::ExportOptions options;
    if (width > 0)
        options.width = width;
    options.theme = ui::Theme::make(look.variant, look.fontScalePercent / 100.0);
    return ui::exportTrace(trace, path, options, error);
}

} // namespace weft::app
