#include "core/scenarios/catalogue.h"

namespace weft {

void registerProcessScenarios(ScenarioRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace weft
