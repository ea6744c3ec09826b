// SPDX-License-Identifier: MIT
// libFuzzer target: the Chrome importer's result must not depend on how the
// input is cut into slices (issue 12: malformed JSON loaded 1 event whole and
// 3 in 16-byte slices). The first byte picks a slice size of 1 to 256; the
// rest is loaded whole and in slices, and the outcomes must be identical:
// both errors with the same message, or the same events, lanes and warnings.
#include "core/interchange/chrometraceimporter.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t sliceBytes = std::size_t(data[0]) + 1;
    const std::string_view json(reinterpret_cast<const char *>(data + 1), size - 1);
    weft::ChromeTraceImporter whole;
    QString wholeError;
    const auto a = whole.import(json, &wholeError);
    weft::ChromeTraceImporter sliced;
    sliced.setSliceBytes(sliceBytes);
    QString slicedError;
    const auto b = sliced.import(json, &slicedError);
    if (bool(a) != bool(b))
        std::abort();
    if (!a) {
        if (wholeError != slicedError)
            std::abort();
        return 0;
    }
    if (!(a->events() == b->events()) || a->actorCount() != b->actorCount()
        || whole.warningCount() != sliced.warningCount() || whole.warnings() != sliced.warnings())
        std::abort();
    return 0;
}
