#include "core/scenarios/catalogue.h"
#include "threadscenarios.h"

namespace weft {

void registerThreadScenarios(ScenarioRegistry &registry)
{
    registry.add(makeThreadsCreateScenario());
}

} // namespace weft
