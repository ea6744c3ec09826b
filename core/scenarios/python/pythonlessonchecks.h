// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"
#include "core/trace.h"

// The outcome of each Python lesson, read from the events of the real
// interpreter's run: the same statements its C++ twin makes of its own run.
namespace weft::pythonchecks {

Outcome threadsCreate(const Trace &trace, const ParameterValues &parameters);
Outcome threadsSubclass(const Trace &trace, const ParameterValues &parameters);
Outcome threadsIdentity(const Trace &trace, const ParameterValues &parameters);
Outcome threadsJoin(const Trace &trace, const ParameterValues &parameters);
Outcome threadsDaemon(const Trace &trace, const ParameterValues &parameters);
Outcome locksCounter(const Trace &trace, const ParameterValues &parameters);
Outcome gilCpu(const Trace &trace, const ParameterValues &parameters);
Outcome socketClient(const Trace &trace, const ParameterValues &parameters);
Outcome socketServer(const Trace &trace, const ParameterValues &parameters);
Outcome processQueue(const Trace &trace, const ParameterValues &parameters);
Outcome processPipe(const Trace &trace, const ParameterValues &parameters);
Outcome processManager(const Trace &trace, const ParameterValues &parameters);

} // namespace weft::pythonchecks
