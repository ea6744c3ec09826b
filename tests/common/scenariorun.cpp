// SPDX-License-Identifier: MIT
#include "scenariorun.h"

namespace weft::testsupport {

ParameterValues parametersFrom(const Scenario &scenario, const QStringList &assignments)
{
    QString error;
    const auto params
        = ParameterValues::fromAssignments(scenario.parameters(), assignments, &error);
    if (!params)
        qFatal("%s: bad parameters: %s", qPrintable(scenario.id()), qPrintable(error));
    return *params;
}

Trace runWith(const Scenario &scenario, const QStringList &assignments, const RunOptions &options)
{
    return Runner::run(scenario, parametersFrom(scenario, assignments), options);
}

} // namespace weft::testsupport
