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

} // namespace weft
