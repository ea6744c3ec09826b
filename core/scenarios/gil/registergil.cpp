#include "core/scenarios/catalogue.h"

namespace weft {

void registerGilScenarios(ScenarioRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace weft
