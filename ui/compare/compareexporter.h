// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/timeline/theme.h"

#include <QString>
#include <optional>

namespace weft::ui {

class RunComparison;

struct CompareExportOptions
{
    int width = 0; // logical pixels; 0: the timeline export's default width
    qreal scale = 1.0; // PNG only
    // The window in ns after each run's start; toNs <= fromNs: all of the longer run.
    qint64 fromNs = 0, toNs = 0;
    std::optional<Theme> theme; // empty: Theme::current()
};

// Writes a picture of two runs compared (CompareRenderer): PNG, SVG or PDF by
// the file's suffix, as tall as both runs' rows need. Returns false with a
// translated message for an unknown suffix, an empty run, a bad size or an
// unwritable path.
bool exportComparison(const RunComparison &comparison, const QString &path,
                      const CompareExportOptions &options, QString *error);

} // namespace weft::ui
