// SPDX-License-Identifier: MIT
#pragma once

#include "chunkreader.h"
#include "core/trace.h"

#include <QStringList>
#include <vector>

namespace weft::record {

// How the recorded program's run ended, as the launcher saw it.
struct ProgramEnd
{
    enum class How : quint8 { Running, Exited, Signalled, TimedOut, Cancelled, FailedToStart };
    How how = How::Running;
    int code = 0; // exit code, or signal number for Signalled
    qint64 pid = 0; // the root process
    qint64 endNs = 0; // CLOCK_MONOTONIC when it ended (0: the last event's time)
    QString command; // as the user typed it, for the title
};

// Turns a recording's raw records into a Trace in Weft's event model: one lane
// per thread grouped by process, lock waits and ownership, condition waits
// and notifies, sleeps, packets on channels matched across processes by their
// address pair (pipes by inode), fork/exec/wait as spawn and join. A deadlock
// left standing when the program was stopped is found from the final wait-for
// graph and marked the way the scenarios mark it, so the ring is drawn.
class RecordingDecoder
{
public:
    Trace decode(std::vector<RawEvent> events, const ProgramEnd &end);

    const QStringList &warnings() const { return m_warnings; }

private:
    QStringList m_warnings;
};

// "wait status 139" -> "killed by SIGSEGV"; 0 -> "exited with status 0".
QString describeWaitStatus(int how, int code);

} // namespace weft::record
