// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/timeline/theme.h"

#include <QString>
#include <optional>

namespace weft::ui {

struct SequenceExportOptions
{
    int width = 0; // logical pixels; 0: as wide as the lifelines need
    qreal scale = 1.0; // PNG only: device pixels per logical pixel
    QString title; // empty: the trace's title
    std::optional<Theme> theme; // empty: Theme::current()
};

// Writes the trace's sequence diagram as PNG, SVG or PDF (by the file's
// suffix), with the same renderer as the view. Returns false with a translated
// message for a trace without sockets or messages, an unknown suffix, a
// picture too large or an unwritable path.
bool exportSequenceDiagram(const Trace &trace, const QString &path,
                           const SequenceExportOptions &options, QString *error);

} // namespace weft::ui
