// SPDX-License-Identifier: MIT
#include "workermode.h"

#include "core/process/workerhost.h"
#include "core/scenarios/catalogue.h"

namespace weft::app {

int runWorker(const QStringList &arguments)
{
    // Building the catalogue registers the worker roles the scenarios need.
    weft::catalogue();
    return WorkerHost::run(arguments);
}

} // namespace weft::app
