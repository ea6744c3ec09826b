// SPDX-License-Identifier: MIT
#include "tracefile.h"

#include "tracebuilder.h"
#include "tracebytes.h"
#include "tracestreamreader.h"
#include "tracestreamwriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cstring>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace weft {

namespace {
using tracebytes::Reader;
using tracebytes::Tr;
using tracebytes::Writer;

bool isValidKind(quint8 kind)
{
    return kind < quint8(EventKind::Count);
}
} // namespace

QByteArray TraceFile::serialize(const Trace &trace)
{
    // Version 3: the same blocks a streamed recording writes, all at once.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    TraceBuilder tables;
    tables.copyTablesOf(trace);
    tables.metadata() = trace.metadata();
    tables.setSchedule(trace.schedule());
    TraceStreamWriter writer(&buffer);
    writer.begin(trace.metadata());
    writer.append(tables, trace.events().data(), trace.events().size());
    writer.finish(tables);
    return bytes;
}

QByteArray TraceFile::serializeVersion2(const Trace &trace)
{
    Writer w;
    w.raw(kMagic, sizeof kMagic);
    w.u32(2);

    const TraceMetadata &m = trace.metadata();
    tracebytes::writeMetadata(w, m);

    w.u32(quint32(trace.processCount()));
    for (int i = 1; i <= trace.processCount(); ++i) {
        const ProcessInfo p = trace.process(quint32(i));
        w.i64(p.pid);
        w.str(p.name);
    }
    w.u32(quint32(trace.actorCount()));
    for (int i = 1; i <= trace.actorCount(); ++i) {
        const ActorInfo a = trace.actor(quint32(i));
        w.str(a.name);
        w.i64(a.nativeId);
        w.u32(a.process);
        w.u8(quint8((a.isMainThread ? 1 : 0) | (a.isDaemon ? 2 : 0)));
    }
    w.u32(quint32(trace.objectCount()));
    for (int i = 1; i <= trace.objectCount(); ++i) {
        const ObjectInfo o = trace.object(quint32(i));
        w.str(o.name);
        w.u8(quint8(o.kind));
    }
    w.u32(quint32(trace.stringCount()));
    for (int i = 1; i <= trace.stringCount(); ++i)
        w.str(trace.text(quint32(i)));
    w.u32(quint32(trace.siteCount()));
    for (int i = 1; i <= trace.siteCount(); ++i) {
        const SourceSite s = trace.site(quint16(i));
        w.str(s.file);
        w.u32(quint32(s.line));
    }
    w.u32(quint32(trace.events().size()));
    for (const Event &e : trace.events())
        tracebytes::writeEvent(w, e);
    const Schedule &schedule = trace.schedule();
    w.u8(schedule.leftStepMode() ? 1 : 0);
    w.u32(quint32(schedule.size()));
    for (const ScheduleStep &step : schedule.steps()) {
        w.u32(step.actor);
        w.u8(quint8(step.kind));
        w.u16(step.site);
    }
    return w.take();
}

std::optional<Trace> TraceFile::deserialize(const QByteArray &bytes, QString *error,
                                            QStringList *warnings, const TraceLoadOptions &options)
{
    auto failWith = [error](const QString &message) -> std::optional<Trace> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return failWith(Tr::tr("the file is empty"));
    if (bytes.size() < qsizetype(sizeof kMagic)
        || std::memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0)
        return failWith(Tr::tr("not a Weft trace (the file does not start with WEFTTRC1)"));

    Reader r(bytes);
    char magic[8];
    r.read(magic, 8, "header");
    const quint32 version = r.u32("header");
    if (!r.failed() && (version < kOldestVersion || version > kVersion))
        return failWith(Tr::tr("unsupported trace version %1 (this Weft reads versions %2 to %3)")
                            .arg(version)
                            .arg(kOldestVersion)
                            .arg(kVersion));
    if (!r.failed() && version >= 3)
        return TraceStreamReader::read(bytes, error, warnings, options);

    TraceBuilder b;
    tracebytes::readMetadata(r, b.metadata());

    const quint32 processCount = r.count("processes", 12);
    if (!r.failed() && processCount > kMaxTraceActors)
        r.fail(Tr::tr("the trace has %1 processes; Weft opens traces of at most %2")
                   .arg(processCount)
                   .arg(kMaxTraceActors));
    for (quint32 i = 0; i < processCount && !r.failed(); ++i) {
        ProcessInfo p;
        p.pid = r.i64("process");
        p.name = r.str("process");
        b.addProcess(p);
    }
    const quint32 actorCount = r.count("actors", 17);
    if (!r.failed() && actorCount > kMaxTraceActors)
        r.fail(Tr::tr("the trace has %1 threads; Weft opens traces of at most %2")
                   .arg(actorCount)
                   .arg(kMaxTraceActors));
    for (quint32 i = 0; i < actorCount && !r.failed(); ++i) {
        ActorInfo a;
        a.name = r.str("actor");
        a.nativeId = r.i64("actor");
        a.process = r.u32("actor");
        const quint8 flags = r.u8("actor");
        a.isMainThread = flags & 1;
        a.isDaemon = flags & 2;
        if (!r.failed() && a.process > processCount)
            r.fail(Tr::tr("actor %1 refers to process %2, but there are only %3")
                       .arg(i + 1)
                       .arg(a.process)
                       .arg(processCount));
        b.addActor(a);
    }
    // Objects and strings are passed over now and built once the events are
    // known: an entry takes 5 or 4 bytes in the file but 32 or 24 in memory, so
    // a file of nothing but empty entries would need six times its size. Each
    // one is there for the events to point to, so there may not be many more
    // of them than events.
    const quint32 objectCount = r.count("objects", 5);
    const qsizetype objectsAt = r.offset();
    for (quint32 i = 0; i < objectCount && !r.failed(); ++i) {
        r.skipStr("object");
        r.u8("object");
    }
    const quint32 stringCount = r.count("strings", 4);
    const qsizetype stringsAt = r.offset();
    for (quint32 i = 0; i < stringCount && !r.failed(); ++i)
        r.skipStr("string");
    const quint32 siteCount = r.count("sites", 8);
    if (!r.failed() && siteCount > 0xffff)
        r.fail(Tr::tr("too many source sites (%1)").arg(siteCount));
    for (quint32 i = 0; i < siteCount && !r.failed(); ++i) {
        SourceSite s;
        s.file = r.str("site");
        s.line = int(r.u32("site"));
        b.addSite(s);
    }
    const quint32 eventCount = r.count("events", 32);
    b.reserveEvents(r.failed() ? 0 : eventCount);
    qint64 firstNs = 0, previousNs = 0;
    for (quint32 i = 0; i < eventCount && !r.failed(); ++i) {
        const qsizetype eventOffset = r.offset();
        Event e;
        const quint8 kind = tracebytes::readEvent(r, e);
        if (r.failed())
            break;
        if (!isValidKind(kind))
            r.fail(Tr::tr("event %1 has unknown kind %2").arg(i).arg(kind));
        else if (e.actor > actorCount || e.object > objectCount || e.text > stringCount
                 || e.site > siteCount)
            r.fail(Tr::tr("event %1 refers to an actor, object, string or site that does not exist")
                       .arg(i));
        else if (i > 0 && e.timeNs < previousNs)
            r.fail(Tr::tr("event %1 (at byte %2) is earlier than the event before it; events must "
                          "be in time order")
                       .arg(i)
                       .arg(eventOffset));
        else if (const QString bad = Trace::checkTimeBounds(i == 0 ? e.timeNs : firstNs, e.timeNs);
                 !bad.isEmpty())
            r.fail(Tr::tr("event %1 (at byte %2): %3").arg(i).arg(eventOffset).arg(bad));
        if (i == 0)
            firstNs = e.timeNs;
        previousNs = e.timeNs;
        e.kind = EventKind(kind);
        b.addEvent(e);
    }
    // The tables passed over above.
    constexpr quint32 kSpareEntries = 65536;
    if (!r.failed() && quint64(objectCount) > quint64(eventCount) + kSpareEntries)
        r.fail(Tr::tr("the file lists %1 objects; its events can refer to at most %2")
                   .arg(objectCount)
                   .arg(quint64(eventCount) + kSpareEntries));
    if (!r.failed() && quint64(stringCount) > quint64(eventCount) + kSpareEntries)
        r.fail(Tr::tr("the file lists %1 strings; its events can refer to at most %2")
                   .arg(stringCount)
                   .arg(quint64(eventCount) + kSpareEntries));
    if (!r.failed()) {
        std::vector<bool> isCounter(std::size_t(objectCount) + 1, false);
        quint32 counters = 0;
        for (const Event &e : b.events())
            if (e.kind == EventKind::CounterValue && !isCounter[e.object]) {
                isCounter[e.object] = true;
                ++counters;
            }
        if (counters > kMaxTraceCounters)
            r.fail(Tr::tr("the trace has %1 counter tracks; Weft opens traces of at most %2")
                       .arg(counters)
                       .arg(kMaxTraceCounters));
    }
    const qsizetype afterEvents = r.offset();
    r.seek(objectsAt);
    for (quint32 i = 0; i < objectCount && !r.failed(); ++i) {
        ObjectInfo o;
        o.name = r.str("object");
        const quint8 kind = r.u8("object");
        if (!r.failed() && kind > quint8(ObjectKind::Gil))
            r.fail(Tr::tr("object %1 has unknown kind %2").arg(i + 1).arg(kind));
        o.kind = ObjectKind(kind);
        b.addObject(o);
    }
    r.seek(stringsAt);
    for (quint32 i = 0; i < stringCount && !r.failed(); ++i)
        b.appendString(r.str("string"));
    r.seek(afterEvents);
    if (version >= 2 && !r.failed()) {
        Schedule schedule;
        const quint8 flags = r.u8("schedule");
        if (!r.failed() && flags > 1)
            r.fail(Tr::tr("unknown schedule flags %1").arg(flags));
        schedule.setLeftStepMode(flags & 1);
        const quint32 stepCount = r.count("schedule steps", 7);
        for (quint32 i = 0; i < stepCount && !r.failed(); ++i) {
            ScheduleStep step;
            step.actor = r.u32("schedule step");
            const quint8 kind = r.u8("schedule step");
            step.site = r.u16("schedule step");
            if (r.failed())
                break;
            if (!isValidKind(kind) || kind == quint8(EventKind::None))
                r.fail(Tr::tr("schedule step %1 has unknown kind %2").arg(i).arg(kind));
            else if (step.actor == 0 || step.actor > actorCount || step.site > siteCount)
                r.fail(Tr::tr("schedule step %1 refers to an actor or site that does not exist")
                           .arg(i));
            step.kind = EventKind(kind);
            schedule.append(step);
        }
        b.setSchedule(schedule);
    }
    if (!r.failed() && r.remaining() != 0)
        r.fail(Tr::tr("%1 unexpected bytes after the last event").arg(r.remaining()));
    if (r.failed())
        return failWith(r.error());
    return b.build();
}

bool TraceFile::save(const Trace &trace, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(serialize(trace));
    if (!file.commit()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

qint64 TraceFile::maxFileBytes()
{
    static const qint64 limit = [] {
#ifdef Q_OS_UNIX
        const long pages = ::sysconf(_SC_PHYS_PAGES);
        const long pageSize = ::sysconf(_SC_PAGESIZE);
        if (pages <= 0 || pageSize <= 0)
            return kMinMaxFileBytes;
        const qint64 quarter = qint64(pages) / 4 * qint64(pageSize);
        return std::clamp(quarter, kMinMaxFileBytes, kMaxMaxFileBytes);
#else
        return kMinMaxFileBytes;
#endif
    }();
    return limit;
}

bool TraceFile::openForReading(QFile &file, const QString &path, qint64 *size, QString *error)
{
    auto failWith = [error](const QString &what) {
        if (error)
            *error = what;
        return false;
    };
    auto tooLarge = [&](qint64 bytes) {
        return failWith(Tr::tr("the file is %1 MB; Weft opens trace files of up to %2 MB")
                            .arg(bytes / (1024 * 1024))
                            .arg(maxFileBytes() / (1024 * 1024)));
    };
#ifdef Q_OS_UNIX
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of
    // waiting for one; fstat then says what was opened (no race with a
    // separate stat). Regular files ignore the flag.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return failWith(Tr::tr("no such file"));
        return failWith(QString::fromLocal8Bit(::strerror(err)));
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return failWith(QString::fromLocal8Bit(::strerror(err)));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        if (S_ISDIR(st.st_mode))
            return failWith(Tr::tr("this is a directory, not a trace file"));
        if (S_ISFIFO(st.st_mode))
            return failWith(
                Tr::tr("this is a pipe (FIFO), not a trace file; Weft opens only regular files"));
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
            return failWith(
                Tr::tr("this is a device, not a trace file; Weft opens only regular files"));
        return failWith(Tr::tr("this is not a regular file; Weft opens only regular files"));
    }
    if (qint64(st.st_size) > maxFileBytes()) {
        ::close(fd);
        return tooLarge(qint64(st.st_size));
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return failWith(file.errorString());
    }
    *size = qint64(st.st_size);
    return true;
#else
    const QFileInfo info(path);
    if (!info.exists())
        return failWith(Tr::tr("no such file"));
    if (info.isDir())
        return failWith(Tr::tr("this is a directory, not a trace file"));
    if (!info.isFile())
        return failWith(Tr::tr("this is not a regular file; Weft opens only regular files"));
    if (info.size() > maxFileBytes())
        return tooLarge(info.size());
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return failWith(file.errorString());
    *size = file.size();
    return true;
#endif
}

std::optional<Trace> TraceFile::load(const QString &path, QString *error, QStringList *warnings)
{
    QFile file;
    qint64 size = 0;
    QString problem;
    if (!openForReading(file, path, &size, &problem)) {
        if (error)
            *error = Tr::tr("cannot open %1: %2").arg(path, problem);
        return std::nullopt;
    }
    // Reads at most the size fstat saw: a file that grows meanwhile cannot
    // make the read unbounded.
    const QByteArray bytes = file.read(size);
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto trace = deserialize(bytes, &problem, warnings);
    if (!trace && error)
        *error = Tr::tr("%1: %2").arg(path, problem);
    return trace;
}

} // namespace weft
