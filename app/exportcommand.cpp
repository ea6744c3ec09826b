#include "exportcommand.h"

#include "ui/export/traceexporter.h"

namespace weft::app {

bool exportTraceToFile(const Trace &trace, const QString &path, int width, QString *error)
{
    ui::ExportOptions options;
    if (width > 0)
        options.width = width;
    return ui::exportTrace(trace, path, options, error);
}

} // namespace weft::app
