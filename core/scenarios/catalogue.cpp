// SPDX-License-Identifier: MIT
#include "catalogue.h"

namespace weft {

const ScenarioRegistry &catalogue()
{
    static const ScenarioRegistry registry = [] {
        ScenarioRegistry r;
        registerThreadScenarios(r);
        registerLockScenarios(r);
        registerGilScenarios(r);
        registerSyncScenarios(r);
        registerProcessScenarios(r);
        registerSocketScenarios(r);
        registerPythonScenarios(r);
        return r;
    }();
    return registry;
}

} // namespace weft
