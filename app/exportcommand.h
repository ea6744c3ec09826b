#pragma once

#include "core/trace.h"

#include <QString>

namespace weft::app {

// Writes a picture of the trace (.png, .svg or .pdf, chosen by the suffix).
// Returns false with a message on an unknown format or an unwritable path.
bool exportTraceToFile(const Trace &trace, const QString &path, int width, QString *error);

} // namespace weft::app
