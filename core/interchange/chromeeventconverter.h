// SPDX-License-Identifier: MIT
#pragma once

#include "chromelocaltexts.h"
#include "core/trace.h"
#include "utf8interner.h"

#include <QStringList>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace weft {

// A pid, tid or id as written: a number or a string.
struct ChromeId
{
    bool present = false;
    bool isString = false;
    qint64 number = 0;
    std::string_view text;
};

// One member of an event's "args" that the importer uses (first level only).
struct ChromeArg
{
    std::string_view key;
    bool isNumber = false;
    double number = 0;
    std::string_view text;
};

// A Weft event as ChromeTraceWriter writes it under args.weft / args.weft_end:
// {"n": place in the trace, "k": kind name, "t": ns after the first event,
//  "v": value, "o": object, "x": text, "s": site, "f": flags}.
struct ChromeWeftRecord
{
    bool present = false;
    qint64 place = 0;
    std::string_view kind;
    qint64 offsetNs = 0;
    qint64 value = 0;
    qint64 object = 0;
    std::string_view text;
    qint64 site = 0;
    qint64 flags = 0;
};

// One parsed trace event; views point into the parser's buffers and are valid
// only during ChromeEventConverter::add().
struct ChromeEvent
{
    std::size_t offset = 0; // byte offset of the event in the file
    std::string_view phase;
    std::string_view name;
    std::string_view category;
    double ts = 0;
    bool hasTs = false;
    double dur = 0;
    bool hasDur = false;
    ChromeId pid;
    ChromeId tid;
    ChromeId id;
    std::vector<ChromeArg> args;
    ChromeWeftRecord weft; // args.weft: the Weft event this one was drawn from
    ChromeWeftRecord weftEnd; // args.weft_end: the event that ended an X
    QString problem; // set by the parser: a field of the wrong type
    // An X event's args as ChromeEventConverter::appendArgs() writes them,
    // built by the parser (on a worker thread, see ChromeSliceWorkers).
    bool hasArgsLines = false;
    std::string argsLines;
    // The parser's ids for name and argsLines in localTexts (0: none; see
    // ChromeLocalTexts), so the converter need not hash them again.
    ChromeLocalTexts *localTexts = nullptr;
    quint32 localName = 0;
    quint32 localArgs = 0;

    const ChromeArg *arg(std::string_view key) const;
};

// Turns Chrome trace events into Weft events: pids become processes, (pid, tid)
// pairs become lanes, B/E and X become SpanBegin/SpanEnd (the end's text is
// the slice's args, see TraceSlices::argsOf), instants become
// Marks, C becomes CounterValue on Counter objects, flows s/t/f become
// MessageSend/MessageRecv on one Channel object per flow id, async b/e become
// SpanBegin/SpanEnd on one object per async id. Problems that do not make the
// file unreadable (unmatched B/E, unfinished flows, unknown phases, a field of
// the wrong type) skip the event and count a warning.
class ChromeEventConverter
{
public:
    static constexpr int kMaxStoredWarnings = 50;
    static constexpr quint32 kMaxLanes = kMaxTraceActors;
    static constexpr quint32 kMaxObjects = 4'000'000;
    static constexpr std::size_t kMaxEvents = 400'000'000;
    // Longer names and texts are cut (at a UTF-8 boundary) with a warning.
    static constexpr std::size_t kMaxTextBytes = 64 * 1024;
    // A slice's args are kept this long (details show them; a trace's args can be most of it).
    static constexpr std::size_t kMaxArgsBytes = 1024;

    ChromeEventConverter();

    // False when a hard limit was hit; error() says which.
    bool add(const ChromeEvent &event);
    void warn(std::size_t offset, const QString &what);
    void warnOnce(const QString &what);

    std::size_t eventCount() const { return m_events.size(); }
    // Room for the events the rest of the file will likely yield (saves regrowing).
    void reserveEvents(std::size_t count);
    qint64 warningCount() const { return m_warningCount; }
    QStringList warnings() const { return m_warnings; }
    QString error() const { return m_error; }

    // Closes what is still open (with warnings) and builds the trace.
    Trace finish(const QString &title);

    // A slice's args as "key: value" lines (appended to `lines`), cut at
    // kMaxArgsBytes. Reads only the event: safe on any thread.
    static void appendArgs(const ChromeEvent &event, std::string &lines);

private:
    struct Lane
    {
        quint32 actor = 0;
        std::vector<std::size_t> openSpans; // indices of SpanBegin events (B)
        std::vector<std::string> openArgs; // each open B's args, for its SpanEnd
    };
    struct Async
    {
        quint32 object = 0;
        quint32 actor = 0; // where the last begin was, to close it there
        int open = 0;
        std::size_t firstOffset = 0;
    };
    struct Flow
    {
        quint32 object = 0;
        qint64 starts = 0;
        qint64 finishes = 0;
        std::size_t firstOffset = 0;
    };

    // A file ChromeTraceWriter wrote (it starts with a "weft_trace" metadata
    // event) is read from its args.weft records and weft_* tables alone: the
    // spans, arrows and counters drawn from them are skipped, and the trace
    // comes back event for event.
    struct WeftFile
    {
        bool active = false;
        qint64 baseNs = 0;
        TraceMetadata metadata;
        std::vector<ProcessInfo> processes; // by id - 1
        std::vector<ActorInfo> actors;
        std::vector<ObjectInfo> objects;
        std::vector<SourceSite> sites;
        std::vector<qint64> places; // each event's "n", parallel to m_events
    };
    void startWeftFile(const ChromeEvent &event);
    void addWeftMetadata(const ChromeEvent &event);
    void addWeftRecord(const ChromeEvent &event, const ChromeWeftRecord &record);
    Trace finishWeftFile(const QString &title);
    template<typename T>
    T *weftEntry(std::vector<T> &table, const ChromeEvent &event, const char *idKey, qint64 limit);

    bool fail(const QString &what);
    quint32 process(const ChromeId &pid);
    Lane *lane(const ChromeId &pid, const ChromeId &tid);
    quint32 text(std::string_view utf8);
    // The same, by way of the parser's local id when there is one.
    quint32 text(std::string_view utf8, quint32 local, ChromeLocalTexts *texts);
    quint32 nameText(const ChromeEvent &event)
    {
        return text(event.name, event.localName, event.localTexts);
    }
    quint32 counterObject(const ChromeId &pid, std::string_view name, std::string_view key);
    // Appends an object (a counter series, a flow, an async track); 0 past kMaxObjects.
    quint32 addObject(ObjectInfo object);
    void appendKey(std::string &key, const ChromeId &id) const;
    void push(EventKind kind, qint64 timeNs, quint32 actor, quint32 object = 0, qint64 value = 0,
              quint32 textId = 0);
    bool timeOf(const ChromeEvent &event, double us, const char *field, qint64 *ns);

    void addMetadata(const ChromeEvent &event);
    void addComplete(const ChromeEvent &event, Lane &lane, qint64 timeNs);
    void addEnd(const ChromeEvent &event, Lane &lane, qint64 timeNs);
    void addCounter(const ChromeEvent &event, quint32 actor, qint64 timeNs);
    void addFlow(const ChromeEvent &event, quint32 actor, qint64 timeNs);
    void addAsync(const ChromeEvent &event, quint32 actor, qint64 timeNs, bool begin);
    void addInstant(const ChromeEvent &event, quint32 actor, qint64 timeNs);
    void closeOpenSpans();

    std::vector<Event> m_events;
    WeftFile m_weft;
    std::vector<ProcessInfo> m_processes;
    std::vector<ActorInfo> m_actors;
    std::vector<ObjectInfo> m_objects;
    Utf8Interner m_texts;
    std::unordered_map<std::string, quint32> m_processIds;
    std::unordered_map<std::string, Lane> m_lanes;
    std::vector<Lane *> m_laneOfActor;
    std::unordered_map<std::string, quint32> m_counters;
    std::unordered_map<std::string, Flow> m_flows;
    std::unordered_map<std::string, Async> m_asyncs;
    std::unordered_map<std::string, qint64> m_skippedPhases;
    std::string m_key; // reused to build map keys without allocating
    struct NumericPairHash
    {
        std::size_t operator()(const std::pair<qint64, qint64> &p) const
        {
            // Unsigned: pids and tids come from the file and may be any 64-bit value.
            return std::hash<quint64>()(quint64(p.first) * 1000003u ^ quint64(p.second));
        }
    };
    // Most traces use numeric pid/tid: looked up without building a string key.
    std::unordered_map<std::pair<qint64, qint64>, Lane *, NumericPairHash> m_numericLanes;
    qint64 m_lastTimeNs = 0;
    qint64 m_warningCount = 0;
    qint64 m_cutTexts = 0;
    QStringList m_warnings;
    QString m_error;
    QString m_flowName; // translated once: a file may hold millions of flows
};

} // namespace weft
