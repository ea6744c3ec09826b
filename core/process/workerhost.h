// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace weft {

// The child side of worker mode: `weft --worker <role> [--endpoint FD:NAMES]... [key=value]...`.
//
// Checks the arguments (a bad role, parameter or descriptor exits with code 2
// and a message on stderr), runs the role on a traced MainThread lane, streams
// the events to the parent on descriptor 3 as they happen, waits for the
// role's non-daemon threads, and exits — under any daemon thread still
// running, the way a Python process ends under its daemon threads.
class WorkerHost
{
public:
    static constexpr int kEventStreamFd = 3;
    static constexpr int kFirstEndpointFd = 4;
    static constexpr int kExitBadArguments = 2;

    // Returns only on bad arguments; otherwise ends the process with the role's exit code.
    static int run(const QStringList &arguments);

    // The command-line form of an endpoint (shared with Process, which builds it).
    static QString endpointArgument(int fd, const QStringList &channels);
};

} // namespace weft
