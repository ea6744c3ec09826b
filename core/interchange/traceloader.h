// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

namespace weft {

// Called now and then while a large file loads (on the loading thread):
// bytes done, bytes in total, events so far.
using LoadProgress = std::function<void(qint64 done, qint64 total, qint64 events)>;

// Opens any trace Weft reads, deciding by content, not by file name: the
// native format (starts with WEFTTRC1, see TraceFile) or Chrome Trace Event
// JSON (see ChromeTraceImporter). On failure returns nullopt and sets error to
// "<file>: at byte N: what was wrong". Setting *cancel stops a load in
// progress. Problems that did not stop the load are put in warnings (the
// first few; the total count is in the trace's outcome value "warnings").
std::optional<Trace> loadTraceFile(const QString &path, QString *error,
                                   const LoadProgress &progress = {},
                                   const std::atomic_bool *cancel = nullptr,
                                   QStringList *warnings = nullptr);

// The same from bytes already in memory (used by tests and the fuzzers).
std::optional<Trace> loadTraceBytes(QByteArrayView bytes, QString *error,
                                    const LoadProgress &progress = {},
                                    const std::atomic_bool *cancel = nullptr,
                                    QStringList *warnings = nullptr);

// Writes the trace as Chrome Trace Event JSON (see ChromeTraceWriter).
bool saveChromeTrace(const Trace &trace, const QString &path, QString *error);

// Writes the trace in the format its file name asks for: Chrome Trace Event
// JSON for a name ending in .json (any case), so Perfetto opens it; Weft's
// native format (TraceFile) for anything else. Loading decides by content, so
// either reads back whatever the name.
bool saveTrace(const Trace &trace, const QString &path, QString *error);

} // namespace weft
