#include "workermode.h"

#include <QTextStream>

namespace weft::app {

int runWorker(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream(stderr) << "weft --worker: no worker roles are available in this build\n";
    return 2;
}

} // namespace weft::app
