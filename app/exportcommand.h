// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/timeline/theme.h"

#include <QString>

namespace weft::app {

// How a picture from the command line looks: light unless asked otherwise, so
// the same command gives the same picture on any desktop.
struct ExportLook
{
    ui::Theme::Variant variant = ui::Theme::Variant::Light;
    int fontScalePercent = 100;
};

// Reads the values of --theme (light|dark; empty: light) and --font-scale
// (a percentage, 100 to 250; empty: 100). Returns false with a message on a bad one.
bool parseExportLook(const QString &theme, const QString &fontScale, ExportLook *look,
                     QString *error);

// Writes a picture of the trace (.png, .svg or .pdf, chosen by the suffix).
// Returns false with a message on an unknown format or an unwritable path.
bool exportTraceToFile(const Trace &trace, const QString &path, int width, const ExportLook &look,
                       QString *error);

} // namespace weft::app
