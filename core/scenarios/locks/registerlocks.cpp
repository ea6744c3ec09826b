// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "lockscenarios.h"

namespace weft {

void registerLockScenarios(ScenarioRegistry &registry)
{
    registry.add(makeLocksCounterScenario());
    registry.add(makeLocksRaceScenario());
    registry.add(makeLocksDeadlockScenario());
}

} // namespace weft
