// SPDX-License-Identifier: MIT
#include "chromeeventconverter.h"

#include "core/hugepages.h"
#include "core/nearlysortedsort.h"
#include "core/tracebuilder.h"

#include <QCoreApplication>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ChromeEventConverter)
};

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString idText(const ChromeId &id)
{
    return id.isString ? fromUtf8(id.text) : QString::number(id.number);
}

// Timestamps beyond this (in microseconds, about 126 years) are rejected, so
// that ts + dur in nanoseconds always fits in 64 bits.
constexpr double kMaxMicroseconds = 4e15;

qint64 clampToInt64(double value)
{
    if (!(value > -9.2e18))
        return std::numeric_limits<qint64>::min();
    if (!(value < 9.2e18))
        return std::numeric_limits<qint64>::max();
    return qint64(std::llround(value));
}

// Within one timestamp, spans must come out so that a stack can pair them:
// ends of earlier spans first (innermost, i.e. shortest, first), then begins
// (outermost, i.e. longest, first). Spans carry their duration in value;
// everything else keeps the file's order (the sort is stable).
int rankOf(const Event &e)
{
    if (e.value > 0 && e.object == 0) {
        if (e.kind == EventKind::SpanEnd)
            return 0;
        if (e.kind == EventKind::SpanBegin)
            return 1;
    }
    return 2;
}

bool eventBefore(const Event &a, const Event &b)
{
    if (a.timeNs != b.timeNs)
        return a.timeNs < b.timeNs;
    const int ra = rankOf(a);
    const int rb = rankOf(b);
    if (ra != rb)
        return ra < rb;
    if (ra == 0)
        return a.value < b.value;
    if (ra == 1)
        return a.value > b.value;
    return false;
}
} // namespace

const ChromeArg *ChromeEvent::arg(std::string_view key) const
{
    for (const ChromeArg &a : args) {
        if (a.key == key)
            return &a;
    }
    return nullptr;
}

ChromeEventConverter::ChromeEventConverter()
    : m_flowName(Tr::tr("flow %1"))
{
}

void ChromeEventConverter::reserveEvents(std::size_t count)
{
    m_events.reserve(count);
    adviseHugePages(m_events.data(), m_events.capacity() * sizeof(Event));
}

bool ChromeEventConverter::fail(const QString &what)
{
    if (m_error.isEmpty())
        m_error = what;
    return false;
}

void ChromeEventConverter::warn(std::size_t offset, const QString &what)
{
    ++m_warningCount;
    if (m_warnings.size() < kMaxStoredWarnings)
        m_warnings << Tr::tr("at byte %1: %2").arg(offset).arg(what);
}

void ChromeEventConverter::warnOnce(const QString &what)
{
    if (m_warnings.size() < kMaxStoredWarnings)
        m_warnings << what;
}

void ChromeEventConverter::appendKey(std::string &key, const ChromeId &id) const
{
    if (id.isString) {
        key += 's';
        key += id.text;
    } else {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, id.number);
        key += 'n';
        key.append(digits, result.ptr);
    }
    key += '\x1f';
}

quint32 ChromeEventConverter::process(const ChromeId &pid)
{
    m_key.clear();
    appendKey(m_key, pid);
    const auto it = m_processIds.find(m_key);
    if (it != m_processIds.end())
        return it->second;
    if (m_processes.size() >= kMaxLanes) {
        fail(Tr::tr("more than %1 processes; this is not a trace Weft can draw").arg(kMaxLanes));
        return 0;
    }
    ProcessInfo info;
    info.pid = pid.isString ? 0 : pid.number;
    info.name = pid.isString ? fromUtf8(pid.text) : Tr::tr("Process %1").arg(pid.number);
    m_processes.push_back(info);
    const quint32 id = quint32(m_processes.size());
    m_processIds.emplace(m_key, id);
    return id;
}

ChromeEventConverter::Lane *ChromeEventConverter::lane(const ChromeId &pid, const ChromeId &tid)
{
    const bool numeric = !pid.isString && !tid.isString;
    if (numeric) {
        const auto found = m_numericLanes.find({pid.number, tid.number});
        if (found != m_numericLanes.end())
            return found->second;
    }
    m_key.clear();
    appendKey(m_key, pid);
    appendKey(m_key, tid);
    auto it = m_lanes.find(m_key);
    if (it == m_lanes.end()) {
        if (m_actors.size() >= kMaxLanes) {
            fail(Tr::tr("more than %1 threads; this is not a trace Weft can draw").arg(kMaxLanes));
            return nullptr;
        }
        const std::string laneKey = m_key;
        const quint32 processId = process(pid); // reuses m_key
        if (!processId)
            return nullptr;
        ActorInfo actor;
        actor.name = tid.isString ? fromUtf8(tid.text) : Tr::tr("Thread %1").arg(tid.number);
        actor.nativeId = tid.isString ? 0 : tid.number;
        actor.process = processId;
        m_actors.push_back(actor);
        it = m_lanes.emplace(laneKey, Lane {quint32(m_actors.size()), {}, {}}).first;
        m_laneOfActor.push_back(&it->second);
        m_key = laneKey;
    }
    if (numeric)
        m_numericLanes.emplace(std::pair {pid.number, tid.number}, &it->second);
    return &it->second;
}

quint32 ChromeEventConverter::text(std::string_view utf8)
{
    if (utf8.empty())
        return 0;
    if (utf8.size() > kMaxTextBytes) {
        // Nothing shows more of a name than this; a 100 MB one would be
        // copied three times over (key, table, UTF-16) for nothing.
        std::size_t cut = kMaxTextBytes;
        while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xc0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        utf8 = utf8.substr(0, cut);
        ++m_cutTexts;
    }
    return m_texts.intern(utf8);
}

quint32 ChromeEventConverter::text(std::string_view utf8, quint32 local, ChromeLocalTexts *texts)
{
    if (local == 0 || !texts)
        return text(utf8);
    // The first time this parser met the text, it is interned as without
    // the cache, so ids come out in the same order either way.
    quint32 &id = texts->traceId(local);
    if (id == 0)
        id = text(utf8);
    return id;
}

quint32 ChromeEventConverter::counterObject(const ChromeId &pid, std::string_view name,
                                            std::string_view key)
{
    std::string mapKey;
    appendKey(mapKey, pid);
    mapKey.append(name);
    mapKey += '\x1f';
    mapKey.append(key);
    const auto it = m_counters.find(mapKey);
    if (it != m_counters.end())
        return it->second;
    if (m_counters.size() >= kMaxTraceCounters) {
        fail(Tr::tr("more than %1 counter tracks; this is not a trace Weft can draw")
                 .arg(kMaxTraceCounters));
        return 0;
    }
    // {"value": n} is a single unnamed series; anything else names its series.
    QString objectName = fromUtf8(name);
    if (key != "value")
        objectName += QLatin1Char('.') + fromUtf8(key);
    const quint32 id = addObject({objectName, ObjectKind::Counter});
    if (id)
        m_counters.emplace(std::move(mapKey), id);
    return id;
}

quint32 ChromeEventConverter::addObject(ObjectInfo object)
{
    if (m_objects.size() >= kMaxObjects) {
        fail(Tr::tr("more than %1 counters, flows and async tracks").arg(kMaxObjects));
        return 0;
    }
    m_objects.push_back(std::move(object));
    return quint32(m_objects.size());
}

void ChromeEventConverter::push(EventKind kind, qint64 timeNs, quint32 actor, quint32 object,
                                qint64 value, quint32 textId)
{
    Event e;
    e.timeNs = timeNs;
    e.value = value;
    e.actor = actor;
    e.object = object;
    e.text = textId;
    e.kind = kind;
    e.flags = Imported;
    m_events.push_back(e);
    m_lastTimeNs = std::max(m_lastTimeNs, timeNs);
}

bool ChromeEventConverter::timeOf(const ChromeEvent &event, double us, const char *field,
                                  qint64 *ns)
{
    if (!(std::fabs(us) <= kMaxMicroseconds)) {
        warn(event.offset,
             Tr::tr("%1 %2 is out of range; event skipped").arg(QLatin1String(field)).arg(us));
        return false;
    }
    *ns = qint64(std::llround(us * 1000.0));
    return true;
}

bool ChromeEventConverter::add(const ChromeEvent &event)
{
    if (!m_error.isEmpty())
        return false;
    if (m_events.size() >= kMaxEvents)
        return fail(Tr::tr("more than %1 events").arg(kMaxEvents));
    if (!event.problem.isEmpty()) {
        warn(event.offset, event.problem);
        return true;
    }
    if (event.phase.empty()) {
        warn(event.offset, Tr::tr("event without a \"ph\" (phase); skipped"));
        return true;
    }
    if (event.phase == "M" && event.name == "weft_trace") {
        startWeftFile(event);
        return m_error.isEmpty();
    }
    if (m_weft.active) {
        if (event.phase == "M") {
            addWeftMetadata(event);
        } else {
            // Everything else was drawn from the records it carries.
            if (event.weft.present)
                addWeftRecord(event, event.weft);
            if (event.weftEnd.present)
                addWeftRecord(event, event.weftEnd);
        }
        return m_error.isEmpty();
    }
    if (event.phase == "M") {
        addMetadata(event);
        return m_error.isEmpty();
    }
    if (!event.hasTs) {
        warn(event.offset, Tr::tr("event without a \"ts\" (timestamp); skipped"));
        return true;
    }
    qint64 timeNs = 0;
    if (!timeOf(event, event.ts, "ts", &timeNs))
        return true;
    Lane *l = lane(event.pid, event.tid);
    if (!l)
        return false;
    const quint32 actor = l->actor;

    const char phase = event.phase.size() == 1 ? event.phase[0] : '\0';
    switch (phase) {
    case 'B':
        l->openSpans.push_back(m_events.size());
        l->openArgs.emplace_back();
        appendArgs(event, l->openArgs.back());
        push(EventKind::SpanBegin, timeNs, actor, 0, 0, nameText(event));
        break;
    case 'E':
        addEnd(event, *l, timeNs);
        break;
    case 'X':
        addComplete(event, *l, timeNs);
        break;
    case 'i':
    case 'I':
    case 'n':
    case 'R':
        addInstant(event, actor, timeNs);
        break;
    case 'C':
        addCounter(event, actor, timeNs);
        break;
    case 's':
    case 't':
    case 'f':
        addFlow(event, actor, timeNs);
        break;
    case 'b':
    case 'S':
        addAsync(event, actor, timeNs, true);
        break;
    case 'e':
    case 'F':
        addAsync(event, actor, timeNs, false);
        break;
    default:
        ++m_warningCount;
        ++m_skippedPhases[std::string(event.phase.substr(0, 16))];
        break;
    }
    return m_error.isEmpty();
}

void ChromeEventConverter::addMetadata(const ChromeEvent &event)
{
    const bool processName = event.name == "process_name";
    const bool threadName = event.name == "thread_name";
    if (!processName && !threadName)
        return; // sort indices, labels ...: nothing Weft shows
    const ChromeArg *name = event.arg("name");
    if (!name || name->isNumber) {
        warn(event.offset,
             Tr::tr("%1 without a string args.name; ignored").arg(fromUtf8(event.name)));
        return;
    }
    if (processName) {
        if (const quint32 id = process(event.pid))
            m_processes[id - 1].name = fromUtf8(name->text);
    } else if (Lane *l = lane(event.pid, event.tid)) {
        m_actors[l->actor - 1].name = fromUtf8(name->text);
    }
}

void ChromeEventConverter::addComplete(const ChromeEvent &event, Lane &lane, qint64 timeNs)
{
    qint64 durNs = 0;
    if (event.hasDur && !timeOf(event, event.dur, "dur", &durNs))
        return;
    if (durNs < 0) {
        warn(event.offset, Tr::tr("negative duration %1; treated as 0").arg(event.dur));
        durNs = 0;
    }
    std::string args;
    if (!event.hasArgsLines)
        appendArgs(event, args);
    push(EventKind::SpanBegin, timeNs, lane.actor, 0, durNs, nameText(event));
    push(EventKind::SpanEnd, timeNs + durNs, lane.actor, 0, durNs,
         event.hasArgsLines ? text(event.argsLines, event.localArgs, event.localTexts)
                            : text(args));
}

void ChromeEventConverter::appendArgs(const ChromeEvent &event, std::string &lines)
{
    char digits[32];
    for (const ChromeArg &a : event.args) {
        if (lines.size() >= kMaxArgsBytes)
            break;
        if (!lines.empty())
            lines += '\n';
        lines.append(a.key);
        lines += ": ";
        if (a.isNumber) {
            // Integers as integers; other numbers to the precision a double has.
            const bool integral = std::fabs(a.number) < 9e15 && a.number == std::floor(a.number);
            const auto result = integral
                ? std::to_chars(digits, digits + sizeof digits, qint64(a.number))
                : std::to_chars(digits, digits + sizeof digits, a.number);
            lines.append(digits, result.ptr);
        } else {
            lines.append(a.text);
        }
    }
    if (lines.size() > kMaxArgsBytes) {
        std::size_t cut = kMaxArgsBytes;
        while (cut > 0 && (static_cast<unsigned char>(lines[cut]) & 0xc0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        lines.resize(cut);
        lines += "\xe2\x80\xa6"; // …
    }
}

void ChromeEventConverter::addEnd(const ChromeEvent &event, Lane &lane, qint64 timeNs)
{
    if (lane.openSpans.empty()) {
        warn(event.offset, Tr::tr("E (end) without a matching B (begin) on this thread; skipped"));
        return;
    }
    Event &begin = m_events[lane.openSpans.back()];
    lane.openSpans.pop_back();
    // Perfetto shows a slice's B and E args together.
    std::string args = std::move(lane.openArgs.back());
    lane.openArgs.pop_back();
    appendArgs(event, args);
    if (timeNs < begin.timeNs) {
        warn(event.offset, Tr::tr("E (end) is earlier than its B (begin); treated as zero length"));
        timeNs = begin.timeNs;
    }
    begin.value = timeNs - begin.timeNs;
    const qint64 duration = begin.value; // push() may move the events
    push(EventKind::SpanEnd, timeNs, lane.actor, 0, duration, text(args));
}

void ChromeEventConverter::addCounter(const ChromeEvent &event, quint32 actor, qint64 timeNs)
{
    bool any = false;
    for (const ChromeArg &a : event.args) {
        if (!a.isNumber)
            continue;
        const quint32 object = counterObject(event.pid, event.name, a.key);
        if (!object)
            return;
        push(EventKind::CounterValue, timeNs, actor, object, clampToInt64(a.number));
        any = true;
    }
    if (!any)
        warn(event.offset,
             Tr::tr("counter \"%1\" has no numeric args; skipped").arg(fromUtf8(event.name)));
}

void ChromeEventConverter::addFlow(const ChromeEvent &event, quint32 actor, qint64 timeNs)
{
    if (!event.id.present) {
        warn(event.offset, Tr::tr("flow event without an \"id\"; skipped"));
        return;
    }
    std::string key(event.category);
    key += '\x1f';
    appendKey(key, event.id);
    auto it = m_flows.find(key);
    if (it == m_flows.end()) {
        const quint32 object = addObject({m_flowName.arg(idText(event.id)), ObjectKind::Channel});
        if (!object)
            return;
        it = m_flows.emplace(std::move(key), Flow {object, 0, 0, event.offset}).first;
    }
    Flow &flow = it->second;
    const quint32 name = nameText(event);
    const char phase = event.phase[0];
    if (phase == 't' || phase == 'f') {
        ++flow.finishes;
        push(EventKind::MessageRecv, timeNs, actor, flow.object, 0, name);
    }
    if (phase == 't' || phase == 's') {
        ++flow.starts;
        push(EventKind::MessageSend, timeNs, actor, flow.object, 0, name);
    }
}

void ChromeEventConverter::addAsync(const ChromeEvent &event, quint32 actor, qint64 timeNs,
                                    bool begin)
{
    if (!event.id.present) {
        warn(event.offset, Tr::tr("async event without an \"id\"; skipped"));
        return;
    }
    std::string key(event.category);
    key += '\x1f';
    key.append(event.name);
    key += '\x1f';
    appendKey(key, event.id);
    auto it = m_asyncs.find(key);
    if (it == m_asyncs.end()) {
        if (!begin) {
            warn(event.offset,
                 Tr::tr("async end without a begin for \"%1\"; skipped").arg(fromUtf8(event.name)));
            return;
        }
        const quint32 object = addObject({fromUtf8(event.name), ObjectKind::Other});
        if (!object)
            return;
        it = m_asyncs.emplace(std::move(key), Async {object, actor, 0, event.offset}).first;
    }
    Async &async = it->second;
    if (!begin && async.open == 0) {
        warn(event.offset,
             Tr::tr("async end without a begin for \"%1\"; skipped").arg(fromUtf8(event.name)));
        return;
    }
    async.open += begin ? 1 : -1;
    if (begin)
        async.actor = actor;
    push(begin ? EventKind::SpanBegin : EventKind::SpanEnd, timeNs, actor, async.object, 0,
         nameText(event));
}

void ChromeEventConverter::addInstant(const ChromeEvent &event, quint32 actor, qint64 timeNs)
{
    // Weft's own export keeps the kind and full text in args.
    EventKind kind = EventKind::Mark;
    if (const ChromeArg *k = event.arg("weft_kind"); k && !k->isNumber) {
        if (k->text == "print")
            kind = EventKind::Print;
        else if (k->text == "error")
            kind = EventKind::Error;
    }
    const ChromeArg *body = event.arg("text");
    const quint32 textId = body && !body->isNumber ? text(body->text) : nameText(event);
    push(kind, timeNs, actor, 0, 0, textId);
    if (kind == EventKind::Error)
        m_events.back().flags |= Abnormal;
}

namespace {
std::optional<qint64> integerArg(const ChromeEvent &event, std::string_view key)
{
    const ChromeArg *a = event.arg(key);
    if (!a)
        return std::nullopt;
    if (a->isNumber) {
        // Integers only, and only where a double holds them exactly.
        if (!(std::fabs(a->number) <= 9007199254740992.0) || a->number != std::floor(a->number))
            return std::nullopt;
        return qint64(a->number);
    }
    qint64 value = 0; // large values are written as strings
    const auto [end, ec] = std::from_chars(a->text.data(), a->text.data() + a->text.size(), value);
    if (ec != std::errc() || end != a->text.data() + a->text.size())
        return std::nullopt;
    return value;
}

QString textArg(const ChromeEvent &event, std::string_view key)
{
    const ChromeArg *a = event.arg(key);
    return a && !a->isNumber ? fromUtf8(a->text) : QString();
}

EventKind kindNamed(std::string_view name)
{
    for (int k = 1; k < int(EventKind::Count); ++k) {
        if (name == eventKindName(EventKind(k)))
            return EventKind(k);
    }
    return EventKind::None;
}

// The .weft loader's bounds on these lists (core/tracefile.cpp).
constexpr qsizetype kMaxWeftListEntries = 1024;
} // namespace

void ChromeEventConverter::startWeftFile(const ChromeEvent &event)
{
    if (m_weft.active || !m_events.empty() || !m_actors.empty()) {
        warn(event.offset, Tr::tr("a \"weft_trace\" record after other events; ignored"));
        return;
    }
    if (integerArg(event, "version") != 1) {
        warn(event.offset,
             Tr::tr("written by another version of Weft; read as a plain Chrome trace"));
        return;
    }
    const auto base = integerArg(event, "base_ns");
    if (!base || std::llabs(*base) > kMaxTraceTimeNs) {
        warn(event.offset,
             Tr::tr("\"weft_trace\" without a usable base_ns; read as a plain Chrome trace"));
        return;
    }
    m_weft.active = true;
    m_weft.baseNs = *base;
    TraceMetadata &meta = m_weft.metadata;
    meta.scenarioId = textArg(event, "scenario");
    meta.title = textArg(event, "title");
    const qint64 status = integerArg(event, "status").value_or(qint64(Outcome::Status::Completed));
    meta.outcome.status = status >= 0 && status <= qint64(Outcome::Status::Deadlocked)
        ? Outcome::Status(status)
        : Outcome::Status::Completed;
    meta.outcome.summary = textArg(event, "summary");
    meta.droppedEvents
        = quint64(std::max<qint64>(0, integerArg(event, "dropped_events").value_or(0)));
}

template<typename T>
T *ChromeEventConverter::weftEntry(std::vector<T> &table, const ChromeEvent &event,
                                   const char *idKey, qint64 limit)
{
    // Ids come in order (the writer's), so a table never grows past what the file describes.
    const auto id = integerArg(event, idKey);
    if (!id || *id < 1 || *id > qint64(table.size()) + 1 || *id > limit) {
        warn(event.offset,
             Tr::tr("%1 with a missing or out-of-order %2; ignored")
                 .arg(fromUtf8(event.name), QLatin1String(idKey)));
        return nullptr;
    }
    if (*id > qint64(table.size()))
        table.emplace_back();
    return &table[std::size_t(*id - 1)];
}

void ChromeEventConverter::addWeftMetadata(const ChromeEvent &event)
{
    TraceMetadata &meta = m_weft.metadata;
    const std::string_view name = event.name;
    if (name == "weft_event") {
        if (event.weft.present)
            addWeftRecord(event, event.weft);
    } else if (name == "weft_parameter") {
        if (meta.parameters.size() < kMaxWeftListEntries)
            meta.parameters.append({textArg(event, "key"), textArg(event, "value")});
    } else if (name == "weft_outcome_value") {
        if (meta.outcome.values.size() < kMaxWeftListEntries)
            meta.outcome.values.append(
                {textArg(event, "key"), integerArg(event, "value").value_or(0)});
    } else if (name == "weft_object") {
        if (ObjectInfo *object = weftEntry(m_weft.objects, event, "id", kMaxObjects)) {
            object->name = textArg(event, "name");
            const qint64 kind = integerArg(event, "kind").value_or(0);
            object->kind = kind >= 0 && kind <= qint64(ObjectKind::Gil) ? ObjectKind(kind)
                                                                        : ObjectKind::Other;
        }
    } else if (name == "weft_site") {
        if (SourceSite *site = weftEntry(m_weft.sites, event, "id", 0xffff)) {
            site->file = textArg(event, "file");
            site->line = int(std::clamp<qint64>(integerArg(event, "line").value_or(0), 0, INT_MAX));
        }
    } else if (name == "process_name") {
        if (!event.arg("weft_process"))
            return; // lanes without a process: no entry of their own
        if (ProcessInfo *process = weftEntry(m_weft.processes, event, "weft_process", kMaxLanes)) {
            process->pid = integerArg(event, "weft_pid").value_or(0);
            process->name = event.arg("weft_unnamed") ? QString() : textArg(event, "name");
        }
    } else if (name == "thread_name") {
        if (ActorInfo *actor = weftEntry(m_weft.actors, event, "weft_actor", kMaxLanes)) {
            actor->name = event.arg("weft_unnamed") ? QString() : textArg(event, "name");
            actor->process = quint32(
                std::clamp<qint64>(integerArg(event, "weft_process").value_or(0), 0, UINT32_MAX));
            actor->nativeId = integerArg(event, "weft_native").value_or(0);
            actor->isMainThread = event.arg("weft_main") != nullptr;
            actor->isDaemon = event.arg("weft_daemon") != nullptr;
        }
    }
}

void ChromeEventConverter::addWeftRecord(const ChromeEvent &event, const ChromeWeftRecord &record)
{
    const EventKind kind = kindNamed(record.kind);
    if (kind == EventKind::None) {
        warn(event.offset,
             Tr::tr("args.weft has an unknown kind \"%1\"; skipped")
                 .arg(fromUtf8(record.kind.substr(0, 32))));
        return;
    }
    if (event.tid.isString || event.tid.number < 0 || event.tid.number > qint64(UINT32_MAX)
        || record.object < 0 || record.object > qint64(UINT32_MAX) || record.site < 0
        || record.site > 0xffff || record.flags < 0 || record.flags > 0xff) {
        warn(event.offset,
             Tr::tr("args.weft names a lane, object, site or flag out of range; skipped"));
        return;
    }
    // Wrapping, as the writer subtracted: exact for every time it can write.
    const qint64 timeNs = qint64(quint64(m_weft.baseNs) + quint64(record.offsetNs));
    if (std::llabs(timeNs) > kMaxTraceTimeNs) {
        warn(event.offset, Tr::tr("args.weft time is out of range; skipped"));
        return;
    }
    Event e;
    e.timeNs = timeNs;
    e.value = record.value;
    e.actor = quint32(event.tid.number);
    e.object = quint32(record.object);
    e.text = text(record.text);
    e.site = quint16(record.site);
    e.kind = kind;
    e.flags = quint8(record.flags) & quint8(~RawTicks);
    m_events.push_back(e);
    m_weft.places.push_back(record.place);
}

Trace ChromeEventConverter::finishWeftFile(const QString &title)
{
    // Back in the trace's own order: the file lists events by what draws them.
    std::vector<std::pair<qint64, std::size_t>> order;
    order.reserve(m_events.size());
    for (std::size_t i = 0; i < m_events.size(); ++i)
        order.emplace_back(m_weft.places[i], i);
    m_weft.places = {};
    std::sort(order.begin(), order.end());
    std::vector<Event> events;
    events.reserve(m_events.size());
    for (const auto &[place, index] : order)
        events.push_back(m_events[index]);
    m_events = {};
    order = {};

    TraceBuilder builder;
    for (const ProcessInfo &p : m_weft.processes)
        builder.addProcess(p);
    for (const ActorInfo &a : m_weft.actors)
        builder.addActor(a);
    for (const ObjectInfo &o : m_weft.objects)
        builder.addObject(o);
    for (const SourceSite &site : m_weft.sites)
        builder.addSite(site);
    builder.setStrings(m_texts.take());
    builder.setEvents(std::move(events)); // build() sorts by time, stably: ties keep this order
    builder.metadata() = std::move(m_weft.metadata);
    if (builder.metadata().title.isEmpty())
        builder.metadata().title = title;
    return builder.build();
}

void ChromeEventConverter::closeOpenSpans()
{
    // Grown by exactly the ends it adds: doubling a vector of millions of
    // events here would hold three times their size at once.
    std::size_t ends = 0;
    for (const Lane *l : m_laneOfActor)
        ends += l->openSpans.size();
    for (const auto &[key, async] : m_asyncs)
        ends += std::size_t(std::max<qint64>(0, async.open));
    m_events.reserve(m_events.size() + ends);
    qint64 unclosed = 0;
    for (Lane *l : m_laneOfActor) {
        while (!l->openSpans.empty()) {
            Event &begin = m_events[l->openSpans.back()];
            l->openSpans.pop_back();
            begin.value = m_lastTimeNs - begin.timeNs;
            const qint64 duration = begin.value;
            const quint32 args = text(l->openArgs.back());
            l->openArgs.pop_back();
            push(EventKind::SpanEnd, m_lastTimeNs, l->actor, 0, duration, args);
            m_events.back().flags |= Abnormal;
            ++unclosed;
        }
    }
    if (unclosed) {
        m_warningCount += unclosed;
        warnOnce(Tr::tr("%n B (begin) event(s) never ended; closed at the end of the trace",
                        nullptr, int(unclosed)));
    }
    qint64 openAsync = 0;
    for (auto &[key, async] : m_asyncs) {
        for (; async.open > 0; --async.open) {
            push(EventKind::SpanEnd, m_lastTimeNs, async.actor, async.object);
            m_events.back().flags |= Abnormal;
            ++openAsync;
        }
    }
    if (openAsync) {
        m_warningCount += openAsync;
        warnOnce(Tr::tr("%n async span(s) never ended; closed at the end of the trace", nullptr,
                        int(openAsync)));
    }
    qint64 unfinished = 0;
    std::size_t firstOffset = std::size_t(-1);
    for (const auto &[key, flow] : m_flows) {
        if (flow.starts != flow.finishes) {
            ++unfinished;
            firstOffset = std::min(firstOffset, flow.firstOffset);
        }
    }
    if (unfinished) {
        m_warningCount += unfinished;
        warnOnce(
            Tr::tr(
                "%n flow(s) do not have as many finishes as starts (the first begins at byte %1)",
                nullptr, int(unfinished))
                .arg(firstOffset));
    }
    if (m_cutTexts) {
        m_warningCount += m_cutTexts;
        warnOnce(Tr::tr("%n name(s) or text(s) longer than %1 KiB were cut to that length", nullptr,
                        int(std::min<qint64>(m_cutTexts, INT_MAX)))
                     .arg(kMaxTextBytes / 1024));
    }
    for (const auto &[phase, count] : m_skippedPhases) {
        warnOnce(Tr::tr("%Ln event(s) with unsupported phase \"%1\" skipped", nullptr, int(count))
                     .arg(QString::fromUtf8(phase.data(), qsizetype(phase.size()))));
    }
}

Trace ChromeEventConverter::finish(const QString &title)
{
    if (m_weft.active)
        return finishWeftFile(title);
    closeOpenSpans();
    // A file written in time order is nearly sorted: each slice's end and
    // flow finish is written beside its start, a little ahead of its time.
    // (bench_import's 100 MB file shifts 6 % of its events; the budget of a
    // quarter bounds what a file in another order wastes before the sort.)
    stableSortNearlySorted(m_events.begin(), m_events.end(), eventBefore, m_events.size() / 4);

    TraceBuilder builder;
    for (const ProcessInfo &p : m_processes)
        builder.addProcess(p);
    for (const ActorInfo &a : m_actors)
        builder.addActor(a);
    for (const ObjectInfo &o : m_objects)
        builder.addObject(o);
    builder.setStrings(m_texts.take()); // moved, not copied: a million names are 100 MB
    const std::size_t count = m_events.size();
    builder.setEvents(std::move(m_events));
    m_events = {};

    TraceMetadata &meta = builder.metadata();
    meta.title = title;
    meta.outcome.status = Outcome::Status::Completed;
    const int events = int(std::min<std::size_t>(count, INT_MAX));
    const int lanes = int(m_actors.size());
    const int warnings = int(std::min<qint64>(m_warningCount, INT_MAX));
    meta.outcome.summary
        = Tr::tr("Imported %1 on %2 from a Chrome trace; %3.")
              .arg(Tr::tr("%Ln event(s)", nullptr, events), Tr::tr("%Ln lane(s)", nullptr, lanes),
                   Tr::tr("%Ln warning(s)", nullptr, warnings));
    meta.outcome.setValue(QStringLiteral("events"), qint64(count));
    meta.outcome.setValue(QStringLiteral("warnings"), m_warningCount);
    return builder.build();
}

} // namespace weft
