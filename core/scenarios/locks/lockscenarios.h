// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario.h"

#include <memory>

namespace weft {

std::unique_ptr<Scenario> makeLocksCounterScenario();
std::unique_ptr<Scenario> makeLocksRaceScenario();
std::unique_ptr<Scenario> makeLocksDeadlockScenario();

} // namespace weft
