// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "socketscenarios.h"

namespace weft {

void registerSocketScenarios(ScenarioRegistry &registry)
{
    registry.add(makeSocketClientScenario());
    registry.add(makeSocketRecvLoopScenario());
    registry.add(makeSocketServerScenario());
    registry.add(makeSocketBacklogScenario());
    registry.add(makeSocketThreadedServerScenario());
}

} // namespace weft
