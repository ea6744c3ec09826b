// SPDX-License-Identifier: MIT
// libFuzzer target: the native .weft loader (TraceFile::deserialize). Any
// input must give a trace or an error; a trace that loads must save and load
// back unchanged, and must export to Chrome JSON without tripping a sanitizer
// (ids and values in a loaded file are hostile input to the exporter too).
#include "core/interchange/chrometracewriter.h"
#include "core/tracefile.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto trace = weft::TraceFile::deserialize(bytes, &error);
    if (!trace) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const auto again = weft::TraceFile::deserialize(weft::TraceFile::serialize(*trace), &error);
    if (!again || !(*again == *trace))
        std::abort();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    weft::ChromeTraceWriter writer(&buffer);
    if (!writer.write(*trace))
        std::abort();
    return 0;
}
