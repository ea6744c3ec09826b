#include "core/scenarios/catalogue.h"

namespace weft {

void registerSyncScenarios(ScenarioRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace weft
