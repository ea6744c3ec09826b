#include "exportcommand.h"

#include <QCoreApplication>

namespace weft::app {

bool exportTraceToFile(const Trace &trace, const QString &path, int width, QString *error)
{
    Q_UNUSED(trace);
    Q_UNUSED(path);
    Q_UNUSED(width);
    if (error)
        *error = QCoreApplication::translate("weft::app", "export is not available yet");
    return false;
}

} // namespace weft::app
