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
std::unique_ptr<Scenario> makeThreadsDaemonScenario();

// The parts that run in child processes, one list per scenario file.
QList<WorkerRole> processIsolationWorkerRoles();
QList<WorkerRole> processQueueWorkerRoles();
QList<WorkerRole> processPipeWorkerRoles();
QList<WorkerRole> processManagerWorkerRoles();
QList<WorkerRole> threadsDaemonWorkerRoles();
// Roles for tests and diagnosis: "sleep" (sleeps ms) and "abort" (crashes).
QList<WorkerRole> diagnosticWorkerRoles();

// A message that starts with a unique tag (its preview on the timeline),
// padded to `size` bytes.
QByteArray taggedMessage(const QString &tag, int size);

} // namespace weft
