// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/export/exportpreset.h"
#include "ui/timeline/theme.h"

#include <QString>

namespace weft::app {

// How a picture from the command line looks: light unless asked otherwise, so
// the same command gives the same picture on any desktop.
struct ExportLook
{
    ui::Theme::Variant variant = ui::Theme::Variant::Light;
    int fontScalePercent = 100;
    bool stepAxis = false; // --axis steps: a column per event (View ▸ Axis ▸ Steps)
};

// Reads the values of --theme (light|dark; empty: light) and --font-scale
// (a percentage, 100 to 250; empty: 100). Returns false with a message on a bad one.
bool parseExportLook(const QString &theme, const QString &fontScale, ExportLook *look,
                     QString *error);

// Reads the value of --axis (time|steps; empty: time). False with a message on another.
bool parseExportAxis(const QString &axis, ExportLook *look, QString *error);

// What a picture from the command line shows and its size: --preset, --width,
// --height and --range.
struct ExportShape
{
    ui::ExportPreset preset = ui::ExportPreset::Fit;
    int width = 0; // Custom: 0 follows the text size
    int height = 0; // Custom: 0 is as tall as the lanes need
    bool hasRange = false;
    qint64 rangeFromNs = 0, rangeToNs = 0; // from the trace's start
    bool sequenceView = false; // --view sequence: the sequence diagram instead of the timeline
};

// Reads --preset (fit|slide-16x9|slide-4x3|a4|letter|custom; empty: fit, or custom
// when a width or height is given), --width and --height (pixels, 200 to 16000;
// only with custom) and --range (START_MS:END_MS from the start of the run).
// Returns false with a message on a bad value or combination.
bool parseExportShape(const QString &preset, const QString &width, const QString &height,
                      const QString &range, ExportShape *shape, QString *error);

// False with a message when --range lies outside the trace.
bool checkExportRange(const Trace &trace, const ExportShape &shape, QString *error);

// Reads --view (timeline|sequence; empty: timeline) into shape->sequenceView.
bool parseExportView(const QString &view, ExportShape *shape, QString *error);
// False with a message when --view sequence is asked of a trace without sockets or messages.
bool checkExportView(const Trace &trace, const ExportShape &shape, QString *error);

// Writes a picture of the trace (.png, .svg or .pdf, chosen by the suffix).
// Returns false with a message on an unknown format or an unwritable path.
// `notice`: what the picture could not honour (see ui::exportTrace).
bool exportTraceToFile(const Trace &trace, const QString &path, const ExportShape &shape,
                       const ExportLook &look, QString *error, QString *notice = nullptr);

} // namespace weft::app
