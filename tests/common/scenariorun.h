// SPDX-License-Identifier: MIT
#pragma once

// Runs a catalogue scenario the way a user does: parameters typed as
// "key=value" text, checked against the scenario's own bounds, then a full run
// through the real Runner.

#include "core/runner.h"
#include "core/scenario.h"

#include <QStringList>

namespace weft::testsupport {

// The defaults with the assignments applied. A rejected assignment is a broken
// test, not a case to tolerate: it stops the test binary with the parser's message.
ParameterValues parametersFrom(const Scenario &scenario, const QStringList &assignments);

// Runs the scenario to its end with those parameters and returns its trace.
Trace runWith(const Scenario &scenario, const QStringList &assignments,
              const RunOptions &options = {});

} // namespace weft::testsupport
