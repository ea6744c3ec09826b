// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "gilscenarios.h"

namespace weft {

void registerGilScenarios(ScenarioRegistry &registry)
{
    registry.add(makeGilCpuScenario());
    registry.add(makeGilIoScenario());
}

} // namespace weft
