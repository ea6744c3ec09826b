// SPDX-License-Identifier: MIT
#pragma once

#include "rawrecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <vector>

namespace weft::record {

// One raw record as read back, with the process it came from and its text.
struct RawEvent
{
    RawRecord record {};
    qint32 pid = 0;
    QByteArray text;
};

// Reads the chunk files a recording left in its directory. Never trusts them:
// the traced program may have scribbled over its own mappings, been killed in
// the middle of a record, or not been Weft's at all; whatever is damaged is
// skipped with a warning, never a crash.
class ChunkReader
{
public:
    explicit ChunkReader(QString directory);

    // Every whole record of every chunk, each thread's in its own order, the
    // threads one after another (the decoder sorts by time).
    std::vector<RawEvent> readAll();

    // Live (a streamed recording): the records added since the last call, each
    // thread's in its own order, at most maxPerThread of a thread (the rest wait
    // for the next call). *behindNs: the earliest last-read time of a thread
    // that has more waiting (none: max). A chunk read to its end that the
    // drainer has closed (a later one of its thread exists; final: all are) is
    // deleted, so the directory holds about one chunk per thread. A thread
    // that skip(pid, tid) says to pass over is not read this time (and is behind).
    std::vector<RawEvent> readNew(bool final, std::uint32_t maxPerThread,
                                  const std::function<bool(qint32, qint32)> &skip,
                                  qint64 *behindNs);

    const QStringList &warnings() const { return m_warnings; }
    qint64 chunkCount() const { return m_chunks; }
    // Records the program had to drop (its ring was full), as the chunks say.
    quint64 droppedEvents() const { return m_dropped; }

private:
    void readChunk(const QString &path, std::vector<RawEvent> &out);
    struct ChunkRead
    {
        std::uint32_t count = 0; // whole records' slots the chunk holds now
        std::uint32_t next = 0; // the slot after the last record read
        bool capped = false; // stopped at maxRecords with more to read
        quint64 dropped = 0; // records the program dropped, as the chunk says now
    };
    // At most maxRecords records from slot `from` on.
    ChunkRead readChunkFrom(const QString &path, std::vector<RawEvent> &out, std::uint32_t from,
                            std::uint32_t maxRecords);
    void warn(const QString &message);

    QString m_directory;
    QStringList m_warnings;
    qint64 m_chunks = 0;
    quint64 m_dropped = 0;
    std::map<QString, std::uint32_t> m_progress; // live: slots read per chunk
    std::map<std::pair<qint64, qint64>, qint64>
        m_lastNs; // live: per (pid, tid), the last time read
};

} // namespace weft::record
