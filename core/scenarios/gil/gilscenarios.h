// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario.h"

#include <memory>

namespace weft {

std::unique_ptr<Scenario> makeGilCpuScenario();
std::unique_ptr<Scenario> makeGilIoScenario();

} // namespace weft
