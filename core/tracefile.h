// SPDX-License-Identifier: MIT
#pragma once

#include "trace.h"
#include "traceloadoptions.h"

#include <QString>
#include <QStringList>

class QFile;

#include <optional>

namespace weft {

// Reads and writes Weft's native trace format (.weft), documented in
// docs/trace-format.md. Loading never trusts the file: every count and id is
// checked against what remains, and an error names the byte offset.
class TraceFile
{
public:
    static bool save(const Trace &trace, const QString &path, QString *error);
    static std::optional<Trace> load(const QString &path, QString *error,
                                     QStringList *warnings = nullptr);

    // Opens a trace file without trusting it: only a regular file of at most
    // maxFileBytes() is accepted; a FIFO, device, socket or directory is
    // refused with a clear message, without blocking on it (a FIFO with no
    // writer would block a plain open forever). On success file is open and
    // *size holds its size; on failure error says why (without the path).
    static bool openForReading(QFile &file, const QString &path, qint64 *size, QString *error);
    // The largest trace file Weft opens: a quarter of the machine's memory,
    // at least 1 GiB and at most 16 GiB. A load keeps about the file's size in
    // events (32 bytes each in both) and the views derive about as much again,
    // so a larger file would not fit beside them; it bounds what a load reads
    // and keeps (see docs/trace-format.md, "Limits").
    static qint64 maxFileBytes();
    static constexpr qint64 kMinMaxFileBytes = qint64(1) << 30;
    static constexpr qint64 kMaxMaxFileBytes = qint64(16) << 30;

    // Version 3 (blocks, see TraceStreamWriter).
    static QByteArray serialize(const Trace &trace);
    // Version 2, for tests and corpus files that check older files still load.
    static QByteArray serializeVersion2(const Trace &trace);
    // Problems that did not stop the load (a version 3 file cut short) go in warnings.
    // options: threads, progress and cancelling of a version 3 file's events.
    static std::optional<Trace> deserialize(const QByteArray &bytes, QString *error,
                                            QStringList *warnings = nullptr,
                                            const TraceLoadOptions &options = {});

    static constexpr char kMagic[8] = {'W', 'E', 'F', 'T', 'T', 'R', 'C', '1'};
    // Version 2 appends the schedule of a stepped run; version 3 writes
    // everything in self-contained blocks, so a file cut short still opens.
    // Versions 1 and 2 still load.
    static constexpr quint32 kVersion = 3;
    static constexpr quint32 kOldestVersion = 1;
};

} // namespace weft
