// SPDX-License-Identifier: MIT
#include "chunkreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <limits>
#include <tuple>

namespace weft::record {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::record::ChunkReader)
};

// "<pid>-<tid>-<seq>.wrc" -> its numbers, so a thread's chunks are read in order.
struct ChunkName
{
    qint64 pid = 0, tid = 0, sequence = 0;
    QString path;
};

bool parseName(const QString &fileName, ChunkName &name)
{
    const QStringList parts = fileName.chopped(int(std::strlen(kChunkSuffix))).split(u'-');
    if (parts.size() != 3)
        return false;
    bool ok[3] = {};
    name.pid = parts[0].toLongLong(&ok[0]);
    name.tid = parts[1].toLongLong(&ok[1]);
    name.sequence = parts[2].toLongLong(&ok[2]);
    return ok[0] && ok[1] && ok[2];
}

constexpr int kMaxWarnings = 20;
} // namespace

ChunkReader::ChunkReader(QString directory)
    : m_directory(std::move(directory))
{
}

void ChunkReader::warn(const QString &message)
{
    if (m_warnings.size() < kMaxWarnings)
        m_warnings.append(message);
}

std::vector<RawEvent> ChunkReader::readAll()
{
    std::vector<ChunkName> names;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({QStringLiteral("*") + QLatin1String(kChunkSuffix)},
                                            QDir::Files | QDir::NoSymLinks);
    for (const QString &file : files) {
        ChunkName name;
        if (!parseName(file, name)) {
            warn(Tr::tr("skipped %1: not a chunk name").arg(file));
            continue;
        }
        name.path = dir.filePath(file);
        names.push_back(name);
    }
    std::sort(names.begin(), names.end(), [](const ChunkName &a, const ChunkName &b) {
        return std::tie(a.pid, a.tid, a.sequence) < std::tie(b.pid, b.tid, b.sequence);
    });
    // One allocation: a chunk holds at most its size / 40 records (a file too
    // large to be a chunk is skipped below and must not size this).
    qint64 bytes = 0;
    for (const ChunkName &name : names) {
        const qint64 size = QFileInfo(name.path).size();
        if (size <= qint64(kChunkBytes) * 4)
            bytes += std::max<qint64>(size, 0);
    }
    std::vector<RawEvent> events;
    events.reserve(std::size_t(bytes / qint64(sizeof(RawRecord))));
    for (const ChunkName &name : names)
        readChunk(name.path, events);
    return events;
}

std::vector<RawEvent> ChunkReader::readNew(bool final, std::uint32_t maxPerThread,
                                           const std::function<bool(qint32, qint32)> &skip,
                                           qint64 *behindNs)
{
    *behindNs = std::numeric_limits<qint64>::max();
    std::vector<ChunkName> names;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({QStringLiteral("*") + QLatin1String(kChunkSuffix)},
                                            QDir::Files | QDir::NoSymLinks);
    for (const QString &file : files) {
        ChunkName name;
        if (!parseName(file, name))
            continue; // readAll() warns; a live reader passes it over
        name.path = dir.filePath(file);
        names.push_back(name);
    }
    std::sort(names.begin(), names.end(), [](const ChunkName &a, const ChunkName &b) {
        return std::tie(a.pid, a.tid, a.sequence) < std::tie(b.pid, b.tid, b.sequence);
    });
    std::vector<RawEvent> events;
    const ChunkName *stoppedAt = nullptr; // a thread whose chunk was left unfinished
    std::map<std::pair<qint64, qint64>, std::uint32_t> takenOf;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const ChunkName &name = names[i];
        // A thread's later chunks wait until its earlier one is read to its end.
        if (stoppedAt && stoppedAt->pid == name.pid && stoppedAt->tid == name.tid)
            continue;
        const auto thread = std::make_pair(name.pid, name.tid);
        if (skip && skip(qint32(name.pid), qint32(name.tid))) {
            // Its reader holds enough of it: nothing after its last record read is known.
            stoppedAt = &name;
            const auto last = m_lastNs.find(thread);
            if (last != m_lastNs.end())
                *behindNs = std::min(*behindNs, last->second);
            continue;
        }
        // The drainer closes a thread's chunk before it makes the next one:
        // a chunk with a successor will not grow any more.
        const bool closed = final
            || (i + 1 < names.size() && names[i + 1].pid == name.pid
                && names[i + 1].tid == name.tid);
        std::uint32_t &from = m_progress[name.path];
        const std::size_t before = events.size();
        // The budget is the thread's, across its chunks.
        std::uint32_t &taken = takenOf[thread];
        const ChunkRead read = readChunkFrom(name.path, events, from, maxPerThread - taken);
        taken += std::uint32_t(events.size() - before);
        from = read.next;
        if (events.size() > before)
            m_lastNs[thread] = events.back().record.timeNs;
        if (read.capped) {
            // More is there: nothing of this thread after what was read is known yet.
            stoppedAt = &name;
            const auto last = m_lastNs.find(thread);
            *behindNs = std::min(*behindNs,
                                 last != m_lastNs.end() ? last->second
                                                        : std::numeric_limits<qint64>::min());
            continue;
        }
        if (closed) {
            // Read to its end (what could not be read never will be): its
            // memory (tmpfs) is given back at once. Its dropped count is final.
            m_dropped += read.dropped;
            QFile::remove(name.path);
            m_progress.erase(name.path);
        }
    }
    return events;
}

void ChunkReader::readChunk(const QString &path, std::vector<RawEvent> &out)
{
    m_dropped += readChunkFrom(path, out, 0, std::numeric_limits<std::uint32_t>::max()).dropped;
}

ChunkReader::ChunkRead ChunkReader::readChunkFrom(const QString &path, std::vector<RawEvent> &out,
                                                  std::uint32_t from, std::uint32_t maxRecords)
{
    ChunkRead result;
    result.next = from;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        warn(Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
        return result;
    }
    if (file.size() == 0)
        return result; // the drainer has just created it
    if (file.size() < kChunkHeaderBytes || file.size() > qint64(kChunkBytes) * 4) {
        warn(Tr::tr("skipped %1: %2 bytes is not a chunk's size").arg(path).arg(file.size()));
        return result;
    }
    // Read, never mapped: the recorded program can see the directory, and a
    // mapping of a file it truncates would kill Weft with SIGBUS. The count is
    // read first; the records it covers were written before it.
    const qint64 size = file.size();
    const QByteArray head = file.read(kChunkHeaderBytes);
    if (head.size() < qint64(sizeof(ChunkHeader)))
        return result; // truncated since we looked: nothing to read
    ChunkHeader header;
    std::memcpy(&header, head.constData(), sizeof header);
    const std::uint32_t count = header.count;
    if (header.magic == 0)
        return result; // the drainer is creating it (allocated, header not yet written)
    if (header.magic != kChunkMagic || header.version < kOldestFormatVersion
        || header.version > kFormatVersion) {
        warn(Tr::tr("skipped %1: not a Weft recording chunk (or another version)").arg(path));
        return result;
    }
    const qint64 slotCount = (size - kChunkHeaderBytes) / qint64(sizeof(RawRecord));
    if (count > slotCount) {
        warn(Tr::tr("%1 claims %2 records, holds %3: read what is there")
                 .arg(path)
                 .arg(count)
                 .arg(slotCount));
    }
    if (from == 0)
        ++m_chunks;
    if (header.version >= 2)
        result.dropped = header.dropped;
    result.count = std::uint32_t(std::min<qint64>(count, slotCount));
    if (from >= result.count)
        return result;
    if (from > 0 && !file.seek(kChunkHeaderBytes + qint64(from) * qint64(sizeof(RawRecord))))
        return result;
    std::uint32_t usable = result.count - from;
    const QByteArray body = file.read(qint64(usable) * qint64(sizeof(RawRecord)));
    usable = std::uint32_t(body.size() / qint64(sizeof(RawRecord))); // truncated meanwhile
    const auto *records = reinterpret_cast<const uchar *>(body.constData());
    std::uint32_t taken = 0;
    for (std::uint32_t slot = 0; slot < usable;) {
        if (taken == maxRecords) {
            result.capped = true;
            break;
        }
        ++taken;
        RawEvent event;
        std::memcpy(&event.record, records + qint64(slot) * qint64(sizeof(RawRecord)),
                    sizeof(RawRecord));
        event.pid = header.pid;
        ++slot;
        const std::uint32_t textBytes
            = std::min<std::uint32_t>(event.record.textBytes, kMaxTextBytes);
        const std::uint32_t textSlots = (textBytes + sizeof(RawRecord) - 1) / sizeof(RawRecord);
        if (textSlots > usable - slot) {
            warn(Tr::tr("%1: a record's text runs past the chunk's end").arg(path));
            break;
        }
        if (textBytes > 0)
            event.text = QByteArray(
                reinterpret_cast<const char *>(records + qint64(slot) * qint64(sizeof(RawRecord))),
                int(textBytes));
        slot += textSlots;
        if (event.record.tid <= 0)
            event.record.tid = header.tid;
        out.push_back(std::move(event));
        result.next = from + slot;
    }
    return result;
}

} // namespace weft::record
