// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QRegularExpressionMatch>
#include <map>
#include <vector>

// What the Python lessons' checks read from a recorded interpreter: its
// threads, CPython's thread-state locks, waits, prints and bytes.
namespace weft::pythonchecks {

// The threads the script started itself: every lane of the interpreter's
// process but its main thread, in the order they started.
std::vector<quint32> startedThreads(const Trace &trace);
// The interpreter's main thread's lane; 0 if it has none.
quint32 mainThread(const Trace &trace);
std::vector<Event> eventsOn(const Trace &trace, EventKind kind, quint32 actor);
// The lane of the interpreter's thread named `name` (threading.Thread's name); 0 if none.
quint32 threadNamed(const Trace &trace, const QString &name);

// CPython's thread-state lock of a thread: the lock the thread takes as it
// starts, outside the script's lines, and holds until its run is over.
// join() waits for it and is_alive() is true while it is held, so a join()
// shows as a wait for this lock (an unnamed "sem N"). Of the locks a thread
// takes outside the script, the one it holds longest.
struct StateLock
{
    quint32 lock = 0;
    qint64 releasedNs = -1; // -1: still held when the trace ends
};
// The thread-state lock of every lane that took a lock outside the script, in one pass.
std::map<quint32, StateLock> threadStateLocks(const Trace &trace);
quint32 threadStateLock(const std::map<quint32, StateLock> &locks, quint32 thread);
// When a thread was over for the program: it let go of its thread-state lock
// (join() returns, is_alive() turns false). Its lane ends a little later, once
// CPython has torn the thread down. -1 if it never finished.
qint64 threadFinishedNs(const Trace &trace, const std::map<quint32, StateLock> &locks,
                        quint32 thread);

// How long `waiter` waited for `lock`, in total: at lines of the script
// (atScriptLines), or in the interpreter's own code (as at exit).
qint64 waitedFor(const Trace &trace, quint32 waiter, quint32 lock, bool atScriptLines);
int countOn(const Trace &trace, EventKind kind, quint32 actor);
int countOn(const Trace &trace, EventKind kind, const std::vector<quint32> &actors);
// The bytes `kind` (PacketSend or PacketRecv) carried on the lanes `actors`.
qint64 bytesOn(const Trace &trace, EventKind kind, const std::vector<quint32> &actors);
// The first match of `pattern` in what `actor` printed; empty if none.
QRegularExpressionMatch printed(const Trace &trace, quint32 actor,
                                const QRegularExpression &pattern);
// The interpreter's child processes (multiprocessing's), and how many of them
// exited with status 0.
struct Children
{
    int count = 0;
    int ok = 0;
};
Children children(const Trace &trace);
Outcome completedIf(bool ok, const QString &summary, const QString &otherwise);

} // namespace weft::pythonchecks
