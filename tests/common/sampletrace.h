// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

namespace weft::testsupport {

// A small hand-built trace with one of everything the timeline draws and the
// Chrome export writes, at round nanosecond times (after `startNs`) so tests
// can name exact instants:
//   MainThread  starts 0, spawns A at 10 and B at 12, sends a job on q at 15,
//               waits in join(A) 20..110, join(B) returns at once, ends 120
//   A           starts 15, receives the job 25, in phase "work" 26..44, holds L
//               30..60 (count = 1 at 30), prints at 40, sends 10 bytes on the
//               channel at 45, sleeps 60..80, notifies cv at 84, reports an
//               error at 95, ends 100
//   B           starts 18, waits for L 35..60, holds L 60..70 (count = 2 at 60),
//               waits for I/O on the channel 72..75, receives 4 + 6 bytes at 75
//               and 78, waits on cv 80..85 (woken by A), marks 86, ends 90
// So: 3 lanes, 9 arrows (2 spawn, 2 join, 2 packet, 1 message, 1 lock
// handoff, 1 notify), 2 lock holds, 5 waits, 1 phase, 3 instants (print,
// mark, error), 2 counter samples. Names and texts with quotes, a tab, a
// newline and a non-ASCII arrow test the escaping of whatever writes them.
struct SampleTrace
{
    Trace trace;
    quint32 main = 0, a = 0, b = 0;
    quint32 lock = 0, channel = 0, queue = 0, counter = 0, condition = 0;
};

// `startNs` moves every event: a recorded clock rarely starts at 0, and a file
// should keep times relative to the first event.
SampleTrace makeSampleTrace(qint64 startNs = 0);

} // namespace weft::testsupport
