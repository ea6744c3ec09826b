// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"
#include "tracebytes.h"

#include <QString>
#include <vector>

class QIODevice;

namespace weft {

class TraceBuilder;

// Writes a .weft file of version 3 as a trace grows: the header, then
// self-contained blocks (docs/trace-format.md, "Version 3: blocks"), each
// written whole as soon as it is known, so a file cut anywhere (a killed run,
// a full disk) still opens up to its last whole block. The tables an event
// refers to are always written before it. TraceFile::save writes through it
// too, all at once.
//
// The builder passed to append() and finish() is the one the events' ids
// refer to; it only grows (renamed lanes, processes and objects are written
// again, the newest name wins; so is a lane whose native id was set).
class TraceStreamWriter
{
public:
    explicit TraceStreamWriter(QIODevice *out);

    // The header and a first metadata block (a cut file shows its title).
    bool begin(const TraceMetadata &metadata);
    // The tables' new entries (and renamed lanes and processes), then the
    // events, kEventsPerBlock to a block.
    bool append(const TraceBuilder &tables, const Event *events, std::size_t count);
    // Whatever was renamed since, the final metadata and schedule, and the end
    // block. Nothing may be appended afterwards.
    bool finish(const TraceBuilder &tables);

    quint64 eventsWritten() const { return m_events; }
    QString errorString() const { return m_error; }

    static constexpr std::size_t kEventsPerBlock = 65536;

    // The block types of version 3 (a u32 on the wire).
    enum class Block : quint32 {
        Metadata = 1,
        Processes = 2,
        Actors = 3,
        Objects = 4,
        Strings = 5,
        Sites = 6,
        Events = 7,
        Schedule = 8,
        End = 9,
    };
    // A block's header: type, entry count, payload bytes, payload checksum.
    static constexpr qsizetype kBlockHeaderBytes = 16;

private:
    bool writeTables(const TraceBuilder &tables, bool everything);
    bool writeMetadata(const TraceMetadata &metadata);
    bool writeBlock(Block type, quint32 count);

    QIODevice *m_out;
    tracebytes::Writer m_payload;
    QString m_error;
    quint64 m_events = 0;
    // What the reader already has: entries written, and the names last written
    // of lanes and processes (to write a renamed one again).
    std::vector<QString> m_processNames, m_actorNames, m_objectNames;
    std::vector<bool> m_actorDaemon;
    std::vector<qint64> m_actorNativeIds; // set once a recorded thread runs
    quint32 m_strings = 0, m_sites = 0;
    bool m_finished = false;
};

} // namespace weft
