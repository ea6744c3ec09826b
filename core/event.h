// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <cstdint>

namespace weft {

// What happened. Kinds are append-only: the native trace format stores the number.
enum class EventKind : quint8 {
    None = 0,
    ThreadStart, // actor = the new thread, value = native thread id
    ThreadEnd, // actor = the thread; flags Abnormal if it was cancelled or threw
    ProcessStart, // actor = the process's main lane, value = pid
    ProcessExit, // actor = the process's main lane, value = exit code; Abnormal if crashed/killed
    Print, // text = what was printed
    SleepBegin, // value = requested duration in ns
    SleepEnd,
    LockWait, // object = lock; only recorded when the lock was not free
    LockAcquired, // object = lock
    LockReleased, // object = lock
    JoinWait, // value = actor id of the joined thread
    JoinDone, // value = actor id of the joined thread
    IoWaitBegin, // object = socket/queue/pipe, text = what is awaited
    IoWaitEnd, // object = socket/queue/pipe
    PacketSend, // object = byte-stream channel, value = bytes, text = preview
    PacketRecv, // object = byte-stream channel, value = bytes, text = preview
    MessageSend, // object = message channel (queue, pipe), value = bytes, text = preview
    MessageRecv, // object = message channel, value = bytes, text = preview
    CounterValue, // object = counter track, value = new value
    Error, // text = message; object = where it happened, if anything
    Mark, // text = an annotation worth a glyph (e.g. "lost update")
    SpanBegin, // text = name of a phase; nests per actor
    SpanEnd, // text = the slice's args as "key: value" lines, if any (imported slices)
    CondWait, // object = condition variable
    CondWake, // object = condition variable
    CondNotify, // object = condition variable, value = number of waiters woken (if known)
    SocketOp, // object = socket, text = operation (create, bind, listen, connect, accept, close)
    ThreadSpawn, // actor = the starting thread, value = actor id of the thread it starts
    // actor = a thread parked at its step gate (Step Mode) until the user lets
    // it go, which its next event shows; object = what it is about to act on,
    // value = the EventKind it is about to record
    StepWait,
    Count // not a kind: the number of kinds
};

enum EventFlag : quint8 {
    NoFlags = 0,
    Abnormal = 1 << 0, // an error, a crash, a cancel, a lost update
    Imported = 1 << 1, // came from another process or another tool
    WaitsFor = 1 << 2, // a deadlock detector's Mark: value = the actor holding what actor waits for
    RawTicks = 1 << 7, // internal to Recorder: timeNs still holds CPU ticks; never in a Trace
};

// One fixed-size record. 32 bytes, trivially copyable, written without
// allocation on the hot path; text lives in the trace's string table.
struct Event
{
    qint64 timeNs = 0; // CLOCK_MONOTONIC nanoseconds (std::chrono::steady_clock)
    qint64 value = 0; // bytes, counter, exit code, peer actor ... depending on kind
    quint32 actor = 0; // lane: thread (or process main lane); 0 = none
    quint32 object = 0; // lock, socket, channel, counter ...; 0 = none
    quint32 text = 0; // interned string id; 0 = none
    quint16 site = 0; // source site id; 0 = unknown
    EventKind kind = EventKind::None;
    quint8 flags = NoFlags;

    bool isAbnormal() const { return flags & Abnormal; }
    friend bool operator==(const Event &, const Event &) = default;
};

static_assert(sizeof(Event) == 32, "Event must stay 32 bytes");

// Stable, untranslated name of a kind, as used in files and on the command line.
const char *eventKindName(EventKind kind);
EventKind eventKindFromName(const char *name);

} // namespace weft
