// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "threadscenarios.h"

namespace weft {

void registerThreadScenarios(ScenarioRegistry &registry)
{
    registry.add(makeThreadsCreateScenario());
    registry.add(makeThreadsSubclassScenario());
    registry.add(makeThreadsIdentityScenario());
    registry.add(makeThreadsJoinScenario());
    registry.add(makeThreadsDaemonScenario());
}

} // namespace weft
