// SPDX-License-Identifier: MIT
#pragma once

#include "core/process/workerroles.h"
#include "core/scenario.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace weft {

std::unique_ptr<Scenario> makeProcessIsolationScenario();
std::unique_ptr<Scenario> makeProcessQueueScenario();
std::unique_ptr<Scenario> makeProcessPipeScenario();
std::unique_ptr<Scenario> makeProcessManagerScenario();
// Each factory also registers the functions its scenario runs in child
// processes (workerTarget()), so a parent and its children both know them.

// Roles for tests and diagnosis: "sleep" (sleeps ms) and "abort" (crashes).
QList<WorkerRole> diagnosticWorkerRoles();

// A message that starts with a unique tag (its preview on the timeline),
// padded to `size` bytes.
QByteArray taggedMessage(const QString &tag, int size);

} // namespace weft
