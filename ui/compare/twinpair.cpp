// SPDX-License-Identifier: MIT
#include "twinpair.h"

#include "core/scenario.h"
#include "core/scenarioregistry.h"

namespace weft::ui {

namespace {

// The scenario's defaults, overwritten by each value given for a key it has.
ParameterValues valuesFor(const Scenario &scenario, const ParameterValues &given)
{
    const QList<ParameterSpec> specs = scenario.parameters();
    ParameterValues values = ParameterValues::defaults(specs);
    for (const ParameterSpec &spec : specs)
        if (given.contains(spec.key))
            values.set(spec.key, given.value(spec.key));
    return values;
}

} // namespace

std::optional<TwinPair> TwinPair::of(const ScenarioRegistry &registry, const Scenario &scenario,
                                     const ParameterValues &values)
{
    const Scenario *twin = registry.twinOf(scenario);
    if (!twin || twin->language() == scenario.language())
        return std::nullopt;
    TwinPair pair;
    const bool python = scenario.language() == SourceLanguage::Python;
    pair.cpp = python ? twin : &scenario;
    pair.python = python ? &scenario : twin;
    pair.cppValues = valuesFor(*pair.cpp, values);
    pair.pythonValues = valuesFor(*pair.python, values);
    return pair;
}

} // namespace weft::ui
