// SPDX-License-Identifier: MIT
#pragma once

#include "trace.h"
#include "traceloadoptions.h"

#include <QByteArray>
#include <QStringList>
#include <optional>

namespace weft {

// Reads the blocks of a .weft file of version 3 (written by
// TraceStreamWriter; docs/trace-format.md, "Version 3: blocks"). A file cut
// anywhere (a killed recording) loads up to its last whole block, with a
// warning saying how many events were kept; a whole block that is malformed
// is an error, as in versions 1 and 2. Never trusts the file: every length is
// checked against what remains, every id against the tables read before it.
class TraceStreamReader
{
public:
    // bytes: the whole file, header included (its version already checked).
    // The events are decoded on options.threads threads; the trace, its
    // warnings and its errors are the same with any number.
    static std::optional<Trace> read(const QByteArray &bytes, QString *error, QStringList *warnings,
                                     const TraceLoadOptions &options = {});
};

} // namespace weft
