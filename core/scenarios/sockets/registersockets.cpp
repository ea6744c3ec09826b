#include "core/scenarios/catalogue.h"

namespace weft {

void registerSocketScenarios(ScenarioRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace weft
