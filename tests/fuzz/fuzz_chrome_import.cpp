// SPDX-License-Identifier: MIT
// libFuzzer target: Chrome Trace Event JSON import. Any input must give a
// trace or an error; cut into tiny slices it must give the same trace (when
// both load); a trace that loads must export to JSON that loads again with
// the same lanes (the exporter is fed whatever the importer accepts).
#include "core/interchange/chrometraceimporter.h"
#include "core/interchange/chrometracewriter.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view json(reinterpret_cast<const char *>(data), size);
    QString error;
    weft::ChromeTraceImporter importer;
    const auto trace = importer.import(json, &error);
    if (!trace && error.isEmpty())
        std::abort();

    // Tiny slices exercise the guessed cuts, their retries and the ends of slices.
    QString slicedError;
    weft::ChromeTraceImporter sliced;
    sliced.setSliceBytes(16);
    const auto small = sliced.import(json, &slicedError);
    if (!small && slicedError.isEmpty())
        std::abort();
    if (!trace)
        return 0;
    if (small
        && (small->events().size() != trace->events().size()
            || small->actorCount() != trace->actorCount()))
        std::abort();

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    weft::ChromeTraceWriter writer(&buffer);
    if (!writer.write(*trace))
        std::abort();
    const QByteArray exported = buffer.data();
    weft::ChromeTraceImporter again;
    const auto reloaded = again.import(
        std::string_view(exported.constData(), std::size_t(exported.size())), &error);
    if (!reloaded || reloaded->actorCount() != trace->actorCount())
        std::abort();
    return 0;
}
