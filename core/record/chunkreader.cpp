// SPDX-License-Identifier: MIT
#include "chunkreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstddef>
#include <cstring>
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

std::vector<RawEvent> ChunkReader::readNew(bool final)
{
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
    for (std::size_t i = 0; i < names.size(); ++i) {
        const ChunkName &name = names[i];
        // The drainer closes a thread's chunk before it makes the next one:
        // a chunk with a successor will not grow any more.
        const bool closed = final
            || (i + 1 < names.size() && names[i + 1].pid == name.pid
                && names[i + 1].tid == name.tid);
        std::uint32_t &from = m_progress[name.path];
        const ChunkRead read = readChunkFrom(name.path, events, from, closed);
        from = read.next;
        if (closed) {
            // Read to its end (what could not be read never will be): its
            // memory (tmpfs) is given back at once.
            QFile::remove(name.path);
            m_progress.erase(name.path);
        }
    }
    return events;
}

void ChunkReader::readChunk(const QString &path, std::vector<RawEvent> &out)
{
    readChunkFrom(path, out, 0, true);
}

ChunkReader::ChunkRead ChunkReader::readChunkFrom(const QString &path, std::vector<RawEvent> &out,
                                                  std::uint32_t from, bool countDropped)
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
    if (header.version >= 2 && countDropped)
        m_dropped += header.dropped;
    result.count = std::uint32_t(std::min<qint64>(count, slotCount));
    if (from >= result.count)
        return result;
    if (from > 0 && !file.seek(kChunkHeaderBytes + qint64(from) * qint64(sizeof(RawRecord))))
        return result;
    std::uint32_t usable = result.count - from;
    const QByteArray body = file.read(qint64(usable) * qint64(sizeof(RawRecord)));
    usable = std::uint32_t(body.size() / qint64(sizeof(RawRecord))); // truncated meanwhile
    const auto *records = reinterpret_cast<const uchar *>(body.constData());
    for (std::uint32_t slot = 0; slot < usable;) {
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
