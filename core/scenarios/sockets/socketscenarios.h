// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario.h"

#include <memory>

namespace weft {

std::unique_ptr<Scenario> makeSocketClientScenario();
std::unique_ptr<Scenario> makeSocketRecvLoopScenario();
std::unique_ptr<Scenario> makeSocketServerScenario();
std::unique_ptr<Scenario> makeSocketBacklogScenario();
std::unique_ptr<Scenario> makeSocketThreadedServerScenario();

} // namespace weft
