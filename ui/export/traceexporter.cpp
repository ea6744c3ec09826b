#include "traceexporter.h"

#include <QCoreApplication>

namespace weft::ui {

QStringList exportFormats()
{
    return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
}

bool exportTrace(const Trace &trace, const QString &path, const ExportOptions &options,
                 QString *error)
{
    Q_UNUSED(trace);
    Q_UNUSED(path);
    Q_UNUSED(options);
    if (error)
        *error = QCoreApplication::translate("weft::ui::TraceExporter", "export is not available yet");
    return false;
}

} // namespace weft::ui
