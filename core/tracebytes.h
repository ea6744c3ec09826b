// SPDX-License-Identifier: MIT
#pragma once

// The byte-level reading and writing shared by TraceFile (versions 1 to 3),
// TraceStreamWriter and TraceStreamReader: little-endian primitives, strings
// as u32 byte length + UTF-8, and a reader that checks every length against
// what remains and names the byte offset of the first problem.

#include "trace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <cstring>

namespace weft::tracebytes {

// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::TraceFile)
};

// Little-endian primitives; strings are u32 byte length + UTF-8.
class Writer
{
public:
    void u8(quint8 v) { m_bytes.append(char(v)); }
    void u16(quint16 v) { raw(&v, 2); }
    void u32(quint32 v) { raw(&v, 4); }
    void i64(qint64 v) { raw(&v, 8); }
    void str(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        u32(quint32(utf8.size()));
        m_bytes.append(utf8);
    }
    void raw(const void *data, qsizetype size)
    {
        m_bytes.append(static_cast<const char *>(data), size);
    }
    QByteArray take() { return std::move(m_bytes); }
    qsizetype size() const { return m_bytes.size(); }
    const QByteArray &bytes() const { return m_bytes; }
    void clear() { m_bytes.resize(0); } // keeps the capacity for the next block

private:
    QByteArray m_bytes;
};

class Reader
{
public:
    // base: where bytes start in the file, so errors name the file's offset.
    explicit Reader(const QByteArray &bytes, qsizetype base = 0)
        : m_bytes(bytes)
        , m_base(base)
    {
    }
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    qsizetype offset() const { return m_offset; }
    qsizetype remaining() const { return m_bytes.size() - m_offset; }

    void fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = Tr::tr("at byte %1: %2").arg(m_base + m_offset).arg(what);
    }
    bool need(qsizetype n, const char *what)
    {
        if (failed())
            return false;
        if (n < 0 || remaining() < n) {
            fail(Tr::tr("file ends inside %1").arg(QLatin1String(what)));
            return false;
        }
        return true;
    }
    quint8 u8(const char *what)
    {
        quint8 v = 0;
        read(&v, 1, what);
        return v;
    }
    quint16 u16(const char *what)
    {
        quint16 v = 0;
        read(&v, 2, what);
        return v;
    }
    quint32 u32(const char *what)
    {
        quint32 v = 0;
        read(&v, 4, what);
        return v;
    }
    qint64 i64(const char *what)
    {
        qint64 v = 0;
        read(&v, 8, what);
        return v;
    }
    QString str(const char *what)
    {
        const quint32 size = u32(what);
        if (!need(qsizetype(size), what))
            return {};
        QString s = QString::fromUtf8(m_bytes.constData() + m_offset, qsizetype(size));
        m_offset += size;
        return s;
    }
    // A table count must be coverable by the bytes left (each entry takes at least minBytes).
    quint32 count(const char *what, qsizetype minBytes)
    {
        const quint32 n = u32(what);
        if (!failed() && qsizetype(n) * minBytes > remaining()) {
            fail(Tr::tr("%1 count %2 is larger than the rest of the file")
                     .arg(QLatin1String(what))
                     .arg(n));
            return 0;
        }
        return n;
    }
    void skipStr(const char *what)
    {
        const quint32 size = u32(what);
        if (need(qsizetype(size), what))
            m_offset += size;
    }
    void seek(qsizetype offset) { m_offset = offset; }
    void read(void *out, qsizetype n, const char *what)
    {
        if (!need(n, what))
            return;
        std::memcpy(out, m_bytes.constData() + m_offset, size_t(n));
        m_offset += n;
    }

private:
    const QByteArray &m_bytes;
    qsizetype m_base = 0;
    qsizetype m_offset = 0;
    QString m_error;
};

// An event as every version stores it: 32 bytes, little-endian.
inline void writeEvent(Writer &w, const Event &e)
{
    w.i64(e.timeNs);
    w.i64(e.value);
    w.u32(e.actor);
    w.u32(e.object);
    w.u32(e.text);
    w.u16(e.site);
    w.u8(quint8(e.kind));
    w.u8(e.flags);
}

// Reads the fields of an event but its kind, which it returns unchecked: the
// caller names the event when the kind is unknown.
inline quint8 readEvent(Reader &r, Event &e)
{
    e.timeNs = r.i64("event");
    e.value = r.i64("event");
    e.actor = r.u32("event");
    e.object = r.u32("event");
    e.text = r.u32("event");
    e.site = r.u16("event");
    const quint8 kind = r.u8("event");
    e.flags = r.u8("event");
    return kind;
}

inline void writeMetadata(Writer &w, const TraceMetadata &m)
{
    w.str(m.scenarioId);
    w.str(m.title);
    w.u32(quint32(m.parameters.size()));
    for (const auto &[key, value] : m.parameters) {
        w.str(key);
        w.str(value);
    }
    w.u8(quint8(m.outcome.status));
    w.str(m.outcome.summary);
    w.u32(quint32(m.outcome.values.size()));
    for (const auto &[key, value] : m.outcome.values) {
        w.str(key);
        w.i64(value);
    }
    w.i64(qint64(m.droppedEvents));
}

// The metadata fields (version 1 and 2: after the version; version 3: a
// metadata block), with the bounds every loader holds them to.
inline void readMetadata(Reader &r, TraceMetadata &m)
{
    m.scenarioId = r.str("scenario id");
    m.title = r.str("title");
    // A scenario has a handful of parameters and outcome values; a pair of
    // empty strings takes 8 bytes in the file but 48 in memory.
    constexpr quint32 kMaxNamedValues = 1024;
    const quint32 paramCount = r.count("parameters", 8);
    if (!r.failed() && paramCount > kMaxNamedValues)
        r.fail(Tr::tr("the trace has %1 parameters; at most %2 are allowed")
                   .arg(paramCount)
                   .arg(kMaxNamedValues));
    for (quint32 i = 0; i < paramCount && !r.failed(); ++i) {
        QString key = r.str("parameter");
        QString value = r.str("parameter");
        m.parameters.append({key, value});
    }
    const quint8 status = r.u8("outcome");
    if (!r.failed() && status > quint8(Outcome::Status::Deadlocked))
        r.fail(Tr::tr("unknown outcome status %1").arg(status));
    m.outcome.status = Outcome::Status(status);
    m.outcome.summary = r.str("outcome");
    const quint32 valueCount = r.count("outcome values", 12);
    if (!r.failed() && valueCount > kMaxNamedValues)
        r.fail(Tr::tr("the trace has %1 outcome values; at most %2 are allowed")
                   .arg(valueCount)
                   .arg(kMaxNamedValues));
    for (quint32 i = 0; i < valueCount && !r.failed(); ++i) {
        QString key = r.str("outcome value");
        const qint64 value = r.i64("outcome value");
        m.outcome.values.append({key, value});
    }
    const qint64 dropped = r.i64("dropped count");
    if (!r.failed() && dropped < 0)
        r.fail(Tr::tr("negative dropped-event count %1").arg(dropped));
    m.droppedEvents = quint64(dropped);
}

// The checksum of a v3 block's payload: FNV-1a over 8-byte words (then the
// tail bytes), fast enough for hundreds of megabytes. It finds a block whose
// bytes were never written (a crash left zeros or garbage), not an attacker.
inline quint32 checksum(const char *data, qsizetype size)
{
    quint64 h = 1469598103934665603ull;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        h = (h ^ word) * 1099511628211ull;
    }
    for (; i < size; ++i)
        h = (h ^ quint8(data[i])) * 1099511628211ull;
    return quint32(h ^ (h >> 32));
}

} // namespace weft::tracebytes
