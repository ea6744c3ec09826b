// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/timeline/theme.h"

#include <QString>
#include <optional>

namespace weft::ui {

struct ExportOptions
{
    int width = 1600; // logical pixels (PNG is width * scale device pixels)
    qreal scale = 1.0; // PNG only: 2.0 for a crisp slide
    bool visibleWindowOnly = false;
    qint64 fromNs = 0, toNs = 0; // the window when visibleWindowOnly
    bool showPlayhead = false;
    qint64 playheadNs = 0;
    QString title; // empty: the trace's title and outcome summary
    std::optional<Theme> theme; // empty: Theme::current(), what the screen shows
};

// Writes a picture of the trace: PNG, SVG or PDF chosen by the file's suffix,
// with title, lane labels, ruler and legend. Returns false with a translated
// message for an unknown suffix, an empty trace or an unwritable path.
bool exportTrace(const Trace &trace, const QString &path, const ExportOptions &options,
                 QString *error);

// The suffixes exportTrace() understands, lower case, without the dot.
QStringList exportFormats();

} // namespace weft::ui
