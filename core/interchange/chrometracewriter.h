#pragma once

#include "core/trace.h"

#include <string>

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

    void writeMetadata(const Trace &trace);
    void writeIntervals(const Trace &trace);
    void writeArrows(const Trace &trace);
    void writePoints(const Trace &trace);

    qint64 pidOf(quint32 actor) const;

    QIODevice *m_device;
    std::string m_buffer;
    bool m_ok = true;
    bool m_first = true;
    qint64 m_baseNs = 0;
    std::vector<qint64> m_pids;      // per process id (index 0: lanes without a process)
    std::vector<quint32> m_processOf; // per actor id
};

} // namespace weft
