// SPDX-License-Identifier: MIT
#include "chrometracewriter.h"

#include "core/derived/tracearrows.h"
#include "traceintervals.h"

#include <QHash>
#include <QIODevice>
#include <QSet>
#include <algorithm>
#include <charconv>

namespace weft {

namespace {
constexpr std::size_t kFlushBytes = 64 * 1024;
// Byte counts are clamped to this (2^61) so that sums of two never overflow.
constexpr qint64 kMaxBytes = qint64(1) << 61;

// Instants keep their text in args; the name shown on the glyph is cut short.
QString shortName(const QString &text, const char *fallback)
{
    if (text.isEmpty())
        return QLatin1String(fallback);
    return text.size() <= 60 ? text : text.left(59) + QChar(0x2026);
}

bool isInstant(EventKind kind)
{
    return kind == EventKind::Print || kind == EventKind::Mark || kind == EventKind::Error
        || kind == EventKind::SocketOp || kind == EventKind::ProcessStart
        || kind == EventKind::ProcessExit;
}
} // namespace

ChromeTraceWriter::ChromeTraceWriter(QIODevice *device)
    : m_device(device)
{
}

void ChromeTraceWriter::flushIfFull()
{
    if (m_buffer.size() < kFlushBytes)
        return;
    if (m_ok
        && m_device->write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size()))
        m_ok = false;
    m_buffer.clear();
}

void ChromeTraceWriter::number(qint64 value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    m_buffer.append(digits, result.ptr);
}

void ChromeTraceWriter::time(qint64 ns)
{
    // Microseconds with three decimals: exact to the nanosecond, no floating
    // point. Unsigned, because times from a file may be 2^63 apart.
    const bool negative = ns < m_baseNs;
    const quint64 rel
        = negative ? quint64(m_baseNs) - quint64(ns) : quint64(ns) - quint64(m_baseNs);
    if (negative)
        m_buffer += '-';
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, rel / 1000);
    m_buffer.append(digits, result.ptr);
    const int frac = int(rel % 1000);
    m_buffer += '.';
    m_buffer += char('0' + frac / 100);
    m_buffer += char('0' + frac / 10 % 10);
    m_buffer += char('0' + frac % 10);
}

void ChromeTraceWriter::duration(qint64 beginNs, qint64 endNs)
{
    const qint64 base = m_baseNs;
    m_baseNs = beginNs;
    time(endNs);
    m_baseNs = base;
}

void ChromeTraceWriter::string(const char *text)
{
    string(QString::fromUtf8(text));
}

void ChromeTraceWriter::string(const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    m_buffer += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_buffer += '\\';
            m_buffer += c;
        } else if (u < 0x20) {
            switch (c) {
            case '\n':
                m_buffer += "\\n";
                break;
            case '\t':
                m_buffer += "\\t";
                break;
            case '\r':
                m_buffer += "\\r";
                break;
            default:
                m_buffer += "\\u00";
                m_buffer += hex[u >> 4];
                m_buffer += hex[u & 0xf];
            }
        } else {
            m_buffer += c;
        }
    }
    m_buffer += '"';
}

void ChromeTraceWriter::key(const char *name)
{
    m_buffer += ",\"";
    m_buffer += name;
    m_buffer += "\":";
}

void ChromeTraceWriter::openArgs()
{
    m_buffer += ",\"args\":{";
    m_argsEmpty = true;
}

void ChromeTraceWriter::argKey(const char *name)
{
    if (!m_argsEmpty)
        m_buffer += ',';
    m_argsEmpty = false;
    m_buffer += '"';
    m_buffer += name;
    m_buffer += "\":";
}

bool ChromeTraceWriter::carry(const char *name, int index)
{
    if (index < 0 || std::size_t(index) >= m_carried.size() || m_carried[std::size_t(index)])
        return false;
    m_carried[std::size_t(index)] = true;
    const Event &e = m_trace->events()[std::size_t(index)];
    argKey(name);
    // n: the event's place in the trace (ties in time keep their order);
    // t: nanoseconds after the first event, exact (wrapping, as the reader does).
    m_buffer += "{\"n\":";
    number(index);
    m_buffer += ",\"k\":\"";
    m_buffer += eventKindName(e.kind);
    m_buffer += "\",\"t\":";
    number(qint64(quint64(e.timeNs) - quint64(m_baseNs)));
    if (e.value) {
        m_buffer += ",\"v\":";
        number(e.value);
    }
    if (e.object) {
        m_buffer += ",\"o\":";
        number(e.object);
    }
    if (const QString text = e.text ? m_trace->text(e.text) : QString(); !text.isEmpty()) {
        m_buffer += ",\"x\":";
        string(text);
    }
    if (e.site) {
        m_buffer += ",\"s\":";
        number(e.site);
    }
    if (e.flags) {
        m_buffer += ",\"f\":";
        number(e.flags);
    }
    m_buffer += '}';
    return true;
}

void ChromeTraceWriter::metadataEvent(const char *name, quint32 actor)
{
    begin('M', QLatin1String(name), "__metadata", actor, m_baseNs);
}

qint64 ChromeTraceWriter::pidOf(quint32 actor) const
{
    const quint32 process = actor < m_processOf.size() ? m_processOf[actor] : 0;
    return process < m_pids.size() ? m_pids[process] : 0;
}

void ChromeTraceWriter::begin(char phase, const QString &name, const char *category, quint32 actor,
                              qint64 timeNs)
{
    m_buffer += m_first ? "\n" : ",\n";
    m_first = false;
    m_buffer += "{\"ph\":\"";
    m_buffer += phase;
    m_buffer += "\",\"name\":";
    string(name);
    key("cat");
    m_buffer += '"';
    m_buffer += category;
    m_buffer += '"';
    key("pid");
    number(pidOf(actor));
    key("tid");
    number(actor);
    key("ts");
    time(timeNs);
}

void ChromeTraceWriter::end()
{
    m_buffer += '}';
    flushIfFull();
}

bool ChromeTraceWriter::write(const Trace &trace)
{
    m_ok = true;
    m_first = true;
    m_buffer.clear();
    m_baseNs = trace.startNs();

    // pid: the real one where it is known and unique, else a small stand-in.
    m_pids.assign(std::size_t(trace.processCount()) + 1, 0);
    QSet<qint64> used {0};
    for (int p = 1; p <= trace.processCount(); ++p) {
        const qint64 pid = trace.process(quint32(p)).pid;
        if (pid > 0 && !used.contains(pid)) {
            m_pids[std::size_t(p)] = pid;
            used.insert(pid);
        }
    }
    qint64 next = 1;
    for (int p = 1; p <= trace.processCount(); ++p) {
        if (m_pids[std::size_t(p)] != 0)
            continue;
        while (used.contains(next))
            ++next;
        m_pids[std::size_t(p)] = next;
        used.insert(next);
    }
    m_processOf.assign(std::size_t(trace.actorCount()) + 1, 0);
    for (int a = 1; a <= trace.actorCount(); ++a) {
        const quint32 process = trace.actor(quint32(a)).process;
        m_processOf[std::size_t(a)] = process <= quint32(trace.processCount()) ? process : 0;
    }

    m_trace = &trace;
    m_carried.assign(trace.events().size(), false);
    m_buffer += "{\"traceEvents\":[";
    writeTables(trace);
    writeMetadata(trace);
    writeIntervals(trace);
    writeArrows(trace);
    writePoints(trace);
    writeUncarried(trace);
    m_buffer += "\n],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":{\"generator\":\"Weft\"";
    const TraceMetadata &meta = trace.metadata();
    key("scenario");
    string(meta.scenarioId);
    key("title");
    string(meta.title);
    key("outcome");
    string(meta.outcome.summary);
    key("dropped_events");
    number(qint64(meta.droppedEvents));
    m_buffer += "}}\n";

    if (m_ok
        && m_device->write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size()))
        m_ok = false;
    m_buffer.clear();
    m_carried = {};
    m_trace = nullptr;
    return m_ok;
}

void ChromeTraceWriter::writeTables(const Trace &trace)
{
    // First in the file: a reader knows before any other event that the
    // args.weft records are the trace and the rest is drawn from them.
    const TraceMetadata &meta = trace.metadata();
    metadataEvent("weft_trace");
    openArgs();
    argKey("version");
    number(1);
    argKey("base_ns"); // a string: a double would round a clock's nanoseconds
    string(QString::number(m_baseNs));
    argKey("scenario");
    string(meta.scenarioId);
    argKey("title");
    string(meta.title);
    argKey("status");
    number(qint64(meta.outcome.status));
    argKey("summary");
    string(meta.outcome.summary);
    argKey("dropped_events");
    string(QString::number(meta.droppedEvents));
    closeArgs();
    end();
    for (const auto &[name, value] : meta.parameters) {
        metadataEvent("weft_parameter");
        openArgs();
        argKey("key");
        string(name);
        argKey("value");
        string(value);
        closeArgs();
        end();
    }
    for (const auto &[name, value] : meta.outcome.values) {
        metadataEvent("weft_outcome_value");
        openArgs();
        argKey("key");
        string(name);
        argKey("value");
        string(QString::number(value));
        closeArgs();
        end();
    }
    for (int o = 1; o <= trace.objectCount(); ++o) {
        const ObjectInfo object = trace.object(quint32(o));
        metadataEvent("weft_object");
        openArgs();
        argKey("id");
        number(o);
        argKey("name");
        string(object.name);
        argKey("kind");
        number(qint64(object.kind));
        closeArgs();
        end();
    }
    for (int s = 1; s <= trace.siteCount(); ++s) {
        const SourceSite site = trace.site(quint16(s));
        metadataEvent("weft_site");
        openArgs();
        argKey("id");
        number(s);
        argKey("file");
        string(site.file);
        argKey("line");
        number(site.line);
        closeArgs();
        end();
    }
}

void ChromeTraceWriter::writeMetadata(const Trace &trace)
{
    bool lanesWithoutProcess = false;
    for (int a = 1; a <= trace.actorCount(); ++a)
        lanesWithoutProcess |= m_processOf[std::size_t(a)] == 0;
    for (int p = lanesWithoutProcess ? 0 : 1; p <= trace.processCount(); ++p) {
        const QString given = p == 0 ? trace.metadata().title : trace.process(quint32(p)).name;
        const QString name = !given.isEmpty() ? given
            : p == 0                          ? QStringLiteral("Weft")
                     : QStringLiteral("Process %1").arg(m_pids[std::size_t(p)]);
        m_buffer += m_first ? "\n" : ",\n";
        m_first = false;
        m_buffer += "{\"ph\":\"M\",\"name\":\"process_name\",\"cat\":\"__metadata\",\"pid\":";
        number(m_pids[std::size_t(p)]);
        m_buffer += ",\"tid\":0,\"ts\":0";
        openArgs();
        argKey("name");
        string(name);
        if (p > 0) {
            argKey("weft_process");
            number(p);
            argKey("weft_pid");
            number(trace.process(quint32(p)).pid);
            if (given.isEmpty()) {
                argKey("weft_unnamed");
                number(1);
            }
        }
        closeArgs();
        end();
    }
    for (int a = 1; a <= trace.actorCount(); ++a) {
        const ActorInfo actor = trace.actor(quint32(a));
        const QString name = actor.name.isEmpty() ? QStringLiteral("Thread %1").arg(a) : actor.name;
        begin('M', QStringLiteral("thread_name"), "__metadata", quint32(a), m_baseNs);
        openArgs();
        argKey("name");
        string(name);
        argKey("weft_actor");
        number(a);
        argKey("weft_process");
        number(actor.process);
        argKey("weft_native");
        number(actor.nativeId);
        if (actor.isMainThread) {
            argKey("weft_main");
            number(1);
        }
        if (actor.isDaemon) {
            argKey("weft_daemon");
            number(1);
        }
        if (actor.name.isEmpty()) {
            argKey("weft_unnamed");
            number(1);
        }
        closeArgs();
        end();
        begin('M', QStringLiteral("thread_sort_index"), "__metadata", quint32(a), m_baseNs);
        m_buffer += ",\"args\":{\"sort_index\":";
        number(a);
        m_buffer += "}";
        end();
    }
}

void ChromeTraceWriter::writeIntervals(const Trace &trace)
{
    const TraceIntervals intervals(trace);
    for (const TraceIntervals::StateSpan &s : intervals.stateSpans()) {
        begin('X', QLatin1String(TraceIntervals::stateName(s.state)), "state", s.actor, s.beginNs);
        key("dur");
        duration(s.beginNs, s.endNs);
        openArgs();
        argKey("state");
        string(TraceIntervals::stateName(s.state));
        if (s.object) {
            argKey("object");
            string(trace.object(s.object).name);
        }
        if (s.state == TraceIntervals::State::Joining && s.value > 0) {
            argKey("joins");
            string(trace.actor(quint32(s.value)).name);
        }
        if (s.text) {
            argKey("text");
            string(trace.text(s.text));
        }
        if (s.unfinished) {
            argKey("unfinished");
            raw("true");
        }
        carry("weft", s.beginEvent);
        carry("weft_end", s.endEvent);
        closeArgs();
        end();
    }

    // Async ids are unique across the file: holds 1..H, async phases H + object.
    qint64 id = 0;
    for (const TraceIntervals::LockHold &h : intervals.lockHolds()) {
        ++id;
        const QString lock = trace.object(h.lock).name;
        begin('b', lock, "lock", h.actor, h.beginNs);
        key("id");
        number(id);
        openArgs();
        carry("weft", h.acquireEvent);
        closeArgs();
        end();
        begin('e', lock, "lock", h.actor, h.endNs);
        key("id");
        number(id);
        openArgs();
        if (h.unfinished) {
            argKey("unfinished");
            raw("true");
        }
        carry("weft", h.releaseEvent);
        closeArgs();
        end();
    }
    const qint64 asyncBase = id;
    for (const TraceIntervals::Phase &p : intervals.phases()) {
        const QString name = shortName(trace.text(p.text), "phase");
        if (p.object == 0) {
            begin('X', name, "phase", p.actor, p.beginNs);
            key("dur");
            duration(p.beginNs, p.endNs);
            openArgs();
            if (p.unfinished) {
                argKey("unfinished");
                raw("true");
            }
            carry("weft", p.beginEvent);
            closeArgs();
            end();
            continue;
        }
        begin('b', name, "async", p.actor, p.beginNs);
        key("id");
        number(asyncBase + p.object);
        openArgs();
        carry("weft", p.beginEvent);
        closeArgs();
        end();
        begin('e', name, "async", p.actor, p.endNs);
        key("id");
        number(asyncBase + p.object);
        end();
    }
}

void ChromeTraceWriter::writeArrows(const Trace &trace)
{
    // Flow ids follow the async ids so no id is shared between kinds.
    qint64 id = qint64(trace.events().size()) + trace.objectCount() + 1;
    const auto &events = trace.events();
    const std::shared_ptr<const TraceArrows> arrows = TraceArrows::of(trace);
    for (const TraceArrows::Arrow &a : arrows->arrows()) {
        const Event &from = events[a.from];
        const Event &to = events[a.to];
        if (from.actor == 0 || to.actor == 0)
            continue;
        const QString name = QLatin1String(TraceArrows::kindName(a.kind));
        begin('s', name, "flow", from.actor, from.timeNs);
        key("id");
        number(id);
        openArgs();
        if (a.bytes > 0) {
            argKey("bytes");
            number(a.bytes);
        }
        carry("weft", int(a.from));
        closeArgs();
        end();
        begin('f', name, "flow", to.actor, to.timeNs);
        key("id");
        number(id);
        m_buffer += ",\"bp\":\"e\"";
        openArgs();
        carry("weft", int(a.to));
        closeArgs();
        end();
        ++id;
    }
}

void ChromeTraceWriter::writePoints(const Trace &trace)
{
    // A channel whose other end has no lane (an outside client of socket.server,
    // a peer in another program) has only sends or only receives here: bytes
    // "in flight" on it would only grow or go negative. It gets a running total
    // instead, named so that it says the other end is outside.
    enum : quint8 { Sent = 1, Received = 2, BothEnds = Sent | Received };
    QHash<quint32, quint8> ends;
    for (const Event &e : trace.events()) {
        if (e.actor != 0 && e.kind == EventKind::PacketSend)
            ends[e.object] |= Sent;
        else if (e.actor != 0 && e.kind == EventKind::PacketRecv)
            ends[e.object] |= Received;
    }
    QHash<quint32, qint64> counted; // packet channel -> bytes in flight, or through it
    for (const Event &e : trace.events()) {
        if (e.actor == 0)
            continue;
        if (e.kind == EventKind::CounterValue) {
            begin('C', trace.object(e.object).name, "counter", e.actor, e.timeNs);
            m_buffer += ",\"args\":{\"value\":";
            number(e.value);
            m_buffer += "}";
            end();
        } else if (e.kind == EventKind::PacketSend || e.kind == EventKind::PacketRecv) {
            qint64 &bytes = counted[e.object];
            const bool bothEnds = ends.value(e.object) == BothEnds;
            // Saturating: values from a file may be anything.
            const qint64 size = std::clamp(e.value, qint64(0), kMaxBytes);
            const qint64 change = e.kind == EventKind::PacketSend || !bothEnds ? size : -size;
            bytes = std::clamp(bytes + change, -kMaxBytes, kMaxBytes);
            const QString name = bothEnds
                ? trace.object(e.object).name + QStringLiteral(" bytes in flight")
                : trace.object(e.object).name
                    + QStringLiteral(" bytes (other end outside the trace)");
            begin('C', name, "counter", e.actor, e.timeNs);
            m_buffer += ",\"args\":{\"value\":";
            // Clocks of two processes can put a receive a hair before its send.
            number(std::max<qint64>(bytes, 0));
            m_buffer += "}";
            end();
        } else if (isInstant(e.kind)) {
            const QString text = trace.text(e.text);
            begin('i', shortName(text, eventKindName(e.kind)), eventKindName(e.kind), e.actor,
                  e.timeNs);
            m_buffer += ",\"s\":\"t\"";
            openArgs();
            argKey("weft_kind");
            string(eventKindName(e.kind));
            if (!text.isEmpty()) {
                argKey("text");
                string(text);
            }
            if (e.kind == EventKind::ProcessExit || e.kind == EventKind::ProcessStart) {
                argKey("value");
                number(e.value);
            }
            if (e.isAbnormal()) {
                argKey("abnormal");
                raw("true");
            }
            carry("weft", int(&e - trace.events().data()));
            closeArgs();
            end();
        }
    }
}

void ChromeTraceWriter::writeUncarried(const Trace &trace)
{
    // What no drawn event stands for (a lane's start, a counter's sample, a
    // slice's end ...) is still part of the trace: a metadata event, which
    // Perfetto and chrome://tracing pass over, keeps it.
    const auto &events = trace.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (m_carried[i])
            continue;
        metadataEvent("weft_event", events[i].actor);
        openArgs();
        carry("weft", int(i));
        closeArgs();
        end();
    }
}

} // namespace weft
