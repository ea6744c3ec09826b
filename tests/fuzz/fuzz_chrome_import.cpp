// libFuzzer target: Chrome Trace Event JSON import. Any input must give a
// trace or an error; a trace that loads must export to JSON that loads again
// with the same lanes (the exporter is fed whatever the importer accepts).
#include "core/interchange/chrometraceimporter.h"
#include "core/interchange/chrometracewriter.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    weft::ChromeTraceImporter importer;
    const auto trace = importer.import(std::string_view(reinterpret_cast<const char *>(data), size), &error);
    if (!trace) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    weft::ChromeTraceWriter writer(&buffer);
    if (!writer.write(*trace))
        std::abort();
    const QByteArray json = buffer.data();
    weft::ChromeTraceImporter again;
    const auto reloaded = again.import(std::string_view(json.constData(), std::size_t(json.size())), &error);
    if (!reloaded || reloaded->actorCount() != trace->actorCount())
        std::abort();
    return 0;
}
