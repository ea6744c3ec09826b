// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"

#include <optional>

namespace weft {
class Scenario;
class ScenarioRegistry;
} // namespace weft

namespace weft::ui {

// A lesson and its twin in the other language (locks.counter and
// locks.counter.py), each with the values to run it with: the form's values
// for the lesson selected, and the same values for its twin where the twin
// has the parameter (a Python script takes fewer; the C++ lesson's own
// defaults fill in the rest). Only looks up: RunBoth runs them.
struct TwinPair
{
    const Scenario *cpp = nullptr;
    const Scenario *python = nullptr;
    ParameterValues cppValues, pythonValues;

    // The pair for `scenario`, whichever language it is in; none when it has no twin.
    static std::optional<TwinPair> of(const ScenarioRegistry &registry, const Scenario &scenario,
                                      const ParameterValues &values);
};

} // namespace weft::ui
