// SPDX-License-Identifier: MIT
#pragma once

#include "rawrecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
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

    const QStringList &warnings() const { return m_warnings; }
    qint64 chunkCount() const { return m_chunks; }
    // Records the program had to drop (its ring was full), as the chunks say.
    quint64 droppedEvents() const { return m_dropped; }

private:
    void readChunk(const QString &path, std::vector<RawEvent> &out);
    void warn(const QString &message);

    QString m_directory;
    QStringList m_warnings;
    qint64 m_chunks = 0;
    quint64 m_dropped = 0;
};

} // namespace weft::record
