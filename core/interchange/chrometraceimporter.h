// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>
#include <string_view>

namespace weft {

// Reads Chrome Trace Event Format JSON written by other tools (the bare array
// or the {"traceEvents": [...]} object) into a Trace, using simdjson's
// On-Demand parser slice by slice (see ChromeTraceScanner) so memory stays
// bounded by the file plus the events it yields.
//
// A file that cannot be read gives an error naming the byte offset and the
// problem; problems confined to single events give warnings and the rest of
// the trace loads.
class ChromeTraceImporter
{
public:
    // Bytes done, bytes in total, events so far.
    using Progress = std::function<void(qint64 done, qint64 total, qint64 events)>;
    static constexpr std::size_t kSliceBytes = std::size_t(256) << 10;

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Told, as the import goes, that the bytes before upTo have been copied
    // and will not be needed again: a mapped file's pages can be given back.
    using Release = std::function<void(qint64 upTo)>;
    void setRelease(Release release) { m_release = std::move(release); }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    void setTitle(const QString &title) { m_title = title; }
    // Tests and fuzzers use tiny slices to exercise the cuts between them.
    void setSliceBytes(std::size_t bytes) { m_sliceBytes = bytes > 0 ? bytes : 1; }
    // Threads that parse slices beside the one converting them (see
    // ChromeSliceWorkers); 0 parses on the calling thread. The trace is the
    // same whatever the count. Default: ChromeSliceWorkers::defaultCount().
    void setWorkers(int workers) { m_workers = workers; }

    // json need not be padded or null-terminated.
    std::optional<Trace> import(std::string_view json, QString *error);

    qint64 warningCount() const { return m_warningCount; }
    QStringList warnings() const { return m_warnings; }

private:
    Progress m_progress;
    Release m_release;
    const std::atomic_bool *m_cancel = nullptr;
    QString m_title;
    std::size_t m_sliceBytes = kSliceBytes;
    int m_workers = -1;
    qint64 m_warningCount = 0;
    QStringList m_warnings;
};

} // namespace weft
