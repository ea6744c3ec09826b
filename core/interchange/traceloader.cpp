// SPDX-License-Identifier: MIT
#include "traceloader.h"

#include "chrometraceimporter.h"
#include "chrometracewriter.h"
#include "core/tracefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cstring>
#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::TraceLoader)
};

bool isNative(QByteArrayView bytes)
{
    return bytes.size() >= qsizetype(sizeof TraceFile::kMagic)
        && std::memcmp(bytes.data(), TraceFile::kMagic, sizeof TraceFile::kMagic) == 0;
}

std::optional<Trace> load(QByteArrayView bytes, const QString &title, QString *error,
                          const LoadProgress &progress, const std::atomic_bool *cancel,
                          QStringList *warnings, const ChromeTraceImporter::Release &release = {})
{
    if (bytes.isEmpty()) {
        if (error)
            *error = Tr::tr("the file is empty");
        return std::nullopt;
    }
    if (isNative(bytes)) {
        // The native loader copies nothing it does not keep; a view is enough.
        QStringList found; // a version 3 file cut short
        TraceLoadOptions options;
        options.cancel = cancel;
        options.progress = progress;
        auto trace = TraceFile::deserialize(QByteArray::fromRawData(bytes.data(), bytes.size()),
                                            error, &found, options);
        if (trace && warnings)
            *warnings = found;
        return trace;
    }
    ChromeTraceImporter importer;
    importer.setProgress(progress);
    importer.setRelease(release);
    importer.setCancelFlag(cancel);
    importer.setTitle(title);
    auto trace = importer.import(std::string_view(bytes.data(), std::size_t(bytes.size())), error);
    if (trace && warnings)
        *warnings = importer.warnings();
    return trace;
}
} // namespace

std::optional<Trace> loadTraceBytes(QByteArrayView bytes, QString *error,
                                    const LoadProgress &progress, const std::atomic_bool *cancel,
                                    QStringList *warnings)
{
    return load(bytes, QString(), error, progress, cancel, warnings);
}

std::optional<Trace> loadTraceFile(const QString &path, QString *error,
                                   const LoadProgress &progress, const std::atomic_bool *cancel,
                                   QStringList *warnings)
{
    auto failWith = [&](const QString &what) -> std::optional<Trace> {
        if (error)
            *error = Tr::tr("%1: %2").arg(path, what);
        return std::nullopt;
    };
    // Only a regular file of bounded size: a FIFO, device or socket is refused
    // without blocking on it, and nothing reads more than
    // TraceFile::maxFileBytes().
    QFile file;
    qint64 size = 0;
    QString refused;
    if (!TraceFile::openForReading(file, path, &size, &refused))
        return failWith(refused);

    // Mapping avoids a copy of what may be hundreds of megabytes; a file that
    // cannot be mapped is read instead, never more than the size seen at open.
    QByteArray contents;
    QByteArrayView bytes;
    uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    if (mapped) {
        bytes = QByteArrayView(reinterpret_cast<const char *>(mapped), size);
    } else {
        contents = file.read(size);
        if (file.error() != QFileDevice::NoError)
            return failWith(file.errorString());
        bytes = contents;
    }
    // The importer says when it has copied each slice and will not read
    // before it again: those pages are given back as it goes, so a mapped
    // file does not stay resident beside the trace built from it (for a
    // 100 MB file, 100 MB of the peak). The data stays readable: a page is
    // read back from the page cache if anything touches it. Given back a few
    // MiB at a time: each madvise() flushes the other cores' TLBs.
    qint64 released = 0;
    const qint64 pageSize = qint64(sysconf(_SC_PAGESIZE));
    constexpr qint64 kReleaseBatch = qint64(4) << 20;
    const auto release = [&](qint64 upTo) {
        upTo = std::min(upTo, size) / pageSize * pageSize;
        if (upTo - released >= kReleaseBatch) {
            ::madvise(mapped + released, std::size_t(upTo - released), MADV_DONTNEED);
            released = upTo;
        }
    };
    QString problem;
    auto trace
        = load(bytes, QFileInfo(path).fileName(), &problem, progress, cancel, warnings,
               mapped ? ChromeTraceImporter::Release(release) : ChromeTraceImporter::Release());
    if (mapped)
        file.unmap(mapped);
    if (!trace)
        return failWith(problem);
    return trace;
}

bool saveChromeTrace(const Trace &trace, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    ChromeTraceWriter writer(&file);
    if (!writer.write(trace) || !file.commit()) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool saveTrace(const Trace &trace, const QString &path, QString *error)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return saveChromeTrace(trace, path, error);
    return TraceFile::save(trace, path, error);
}

} // namespace weft
