// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenarioregistry.h"

namespace weft {

// Every scenario Weft ships, built once on first use.
const ScenarioRegistry &catalogue();

// Each topic library adds its scenarios (core/scenarios/<topic>/register<topic>.cpp).
void registerThreadScenarios(ScenarioRegistry &registry);
void registerLockScenarios(ScenarioRegistry &registry);
void registerGilScenarios(ScenarioRegistry &registry);
void registerSyncScenarios(ScenarioRegistry &registry);
void registerProcessScenarios(ScenarioRegistry &registry);
void registerSocketScenarios(ScenarioRegistry &registry);
// After the others: each Python lesson twins a C++ lesson already registered.
void registerPythonScenarios(ScenarioRegistry &registry);

} // namespace weft
