// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <string>
#include <vector>

class QIODevice;

namespace weft {

// Writes a Trace as Chrome Trace Event Format JSON (the object form), which
// Perfetto and chrome://tracing open. Streams through a small buffer; no
// document is built in memory.
//
// Mapping (docs/trace-format.md has the full table):
//   processes, lanes        -> M process_name / thread_name (pid, tid = actor id)
//   lane life and waits     -> X spans "running", "sleeping", "blocked", "join", "I/O", "waiting"
//   SpanBegin/SpanEnd       -> X spans (cat "phase"); on an object -> async b/e (cat "async")
//   lock held               -> async b/e (cat "lock"), one id per hold, so holds may overlap
//   every arrow             -> flow s/f (cat "flow", bp "e"), one id per arrow
//   CounterValue            -> C; packet channels also get a "bytes in flight" counter
//   Print / Mark / Error ...-> i (thread scope) with the text in args
//
// Lossless: every Weft event travels exactly once, under args.weft (or
// args.weft_end for the event that closed an X), in the Chrome event drawn
// from it; the rest (a lane's start, a counter's sample ...) in a metadata
// event "weft_event", which viewers ignore. Metadata events "weft_trace",
// "weft_object", "weft_site", "weft_parameter" and "weft_outcome_value" carry
// the tables. ChromeEventConverter reads a file that starts with "weft_trace"
// from these alone, so Weft → JSON → Weft gives back the same events.
class ChromeTraceWriter
{
public:
    explicit ChromeTraceWriter(QIODevice *device);

    // False if the device refused a write.
    bool write(const Trace &trace);

private:
    void begin(char phase, const QString &name, const char *category, quint32 actor, qint64 timeNs);
    void end();
    void key(const char *name);
    void string(const QString &text);
    void string(const char *text);
    void time(qint64 ns);
    void duration(qint64 beginNs, qint64 endNs);
    void number(qint64 value);
    void raw(const char *text) { m_buffer += text; }
    void flushIfFull();
    // ,"args":{ … } with commas between members.
    void openArgs();
    void argKey(const char *name);
    void closeArgs() { m_buffer += '}'; }
    // Writes events[index] as the member `name` unless an earlier Chrome event
    // carried it; false if it was carried before (or there is no such event).
    bool carry(const char *name, int index);
    void metadataEvent(const char *name, quint32 actor = 0); // pid/tid of the actor's lane

    void writeMetadata(const Trace &trace);
    void writeIntervals(const Trace &trace);
    void writeArrows(const Trace &trace);
    void writePoints(const Trace &trace);
    void writeTables(const Trace &trace);
    void writeUncarried(const Trace &trace);

    qint64 pidOf(quint32 actor) const;

    QIODevice *m_device;
    std::string m_buffer;
    bool m_ok = true;
    bool m_first = true;
    bool m_argsEmpty = true;
    const Trace *m_trace = nullptr;
    std::vector<bool> m_carried; // per event: already written under some args.weft
    qint64 m_baseNs = 0;
    std::vector<qint64> m_pids; // per process id (index 0: lanes without a process)
    std::vector<quint32> m_processOf; // per actor id
};

} // namespace weft
