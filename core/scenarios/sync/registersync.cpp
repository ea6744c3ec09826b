// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "syncscenarios.h"

namespace weft {

void registerSyncScenarios(ScenarioRegistry &registry)
{
    registry.add(makeSyncProducerConsumerScenario());
}

} // namespace weft
