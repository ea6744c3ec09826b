#pragma once

#include "trace.h"

#include <QString>

#include <optional>

namespace weft {

// Reads and writes Weft's native trace format (.weft), documented in
// docs/trace-format.md. Loading never trusts the file: every count and id is
// checked against what remains, and an error names the byte offset.
class TraceFile
{
public:
    static bool save(const Trace &trace, const QString &path, QString *error);
    static std::optional<Trace> load(const QString &path, QString *error);

    static QByteArray serialize(const Trace &trace);
    static std::optional<Trace> deserialize(const QByteArray &bytes, QString *error);

    static constexpr char kMagic[8] = {'W', 'E', 'F', 'T', 'T', 'R', 'C', '1'};
    // Version 2 appends the schedule of a stepped run; version 1 files still load.
    static constexpr quint32 kVersion = 2;
    static constexpr quint32 kOldestVersion = 1;
};

} // namespace weft
