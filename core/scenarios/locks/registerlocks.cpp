#include "core/scenarios/catalogue.h"

namespace weft {

void registerLockScenarios(ScenarioRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace weft
