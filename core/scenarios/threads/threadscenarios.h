// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario.h"

#include <memory>

namespace weft {

std::unique_ptr<Scenario> makeThreadsCreateScenario();
std::unique_ptr<Scenario> makeThreadsSubclassScenario();
std::unique_ptr<Scenario> makeThreadsIdentityScenario();
std::unique_ptr<Scenario> makeThreadsJoinScenario();
// Runs its lesson in a child process, and registers the function the child runs.
std::unique_ptr<Scenario> makeThreadsDaemonScenario();
// What a process's end says about its background thread (daemon or not), from
// whether the thread printed and when the process exited and the thread was
// due to wake up; the Python twin says the same.
QString daemonExitSummary(bool daemon, bool printed, qint64 exitNs, qint64 wakeUpNs);

} // namespace weft
