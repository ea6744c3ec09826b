// SPDX-License-Identifier: MIT
#pragma once

#include "chunkreader.h"
#include "core/trace.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace weft {
class TraceBuilder;
}

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
//
// decode() takes a whole recording. The streaming half takes it as it comes
// (StreamingDecoder, for a recording whose memory must not grow with its
// length): begin(), then every record prepare()d in time order, and each
// handle()d in the same order a little later (a thread's creation is matched
// to the new thread's first record by looking ahead); the builder's events
// are taken away as they are written, its tables stay; finish() adds the ends.
class RecordingDecoder
{
public:
    RecordingDecoder();
    ~RecordingDecoder();

    Trace decode(std::vector<RawEvent> events, const ProgramEnd &end);

    void begin(const ProgramEnd &start);
    void prepare(const RawEvent &raw);
    void handle(const RawEvent &raw);
    // No event added from now on is earlier than this (max: none held back).
    qint64 heldBackNs() const;
    TraceBuilder &builder();
    void finish(const ProgramEnd &end);

    const QStringList &warnings() const { return m_warnings; }

private:
    QStringList m_warnings;
    struct Streaming;
    std::unique_ptr<Streaming> m_streaming;
};

// "wait status 139" -> "killed by SIGSEGV"; 0 -> "exited with status 0".
QString describeWaitStatus(int how, int code);

} // namespace weft::record
