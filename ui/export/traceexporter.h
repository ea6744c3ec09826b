// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "ui/timeline/theme.h"

#include <QPageSize>
#include <QString>
#include <optional>

namespace weft::ui {

struct ExportOptions
{
    // Logical pixels (PNG is width * scale device pixels). 0: 1600 at 100 % text,
    // growing with the theme's text scale, and wider still if the title needs it.
    int width = 0;
    // 0: as tall as the rows need (at least width * minHeightRatio). Otherwise the
    // picture is exactly this tall: a few lanes grow to fill it, too many shrink
    // the whole drawing (text too) to fit it.
    int height = 0;
    qreal minHeightRatio = 0; // 9/16: a small scene fills a 16:9 slide
    // A PDF on this paper, landscape, the picture fitted in; otherwise a page the
    // picture's size.
    std::optional<QPageSize::PageSizeId> pdfPage;
    qreal scale = 1.0; // PNG only: 2.0 for a crisp slide
    bool visibleWindowOnly = false;
    qint64 fromNs = 0, toNs = 0; // the window when visibleWindowOnly
    bool showPlayhead = false;
    qint64 playheadNs = 0;
    QString title; // empty: the trace's title and outcome summary
    std::optional<Theme> theme; // empty: Theme::current(), what the screen shows
    // The step-order axis (StepOrder): a column per event, the ruler counting
    // steps. fromNs, toNs and playheadNs stay real times.
    bool stepAxis = false;
};

// Writes a picture of the trace: PNG, SVG or PDF chosen by the file's suffix,
// with title, lane labels, ruler and legend. Returns false with a translated
// message for an unknown suffix, an empty trace or an unwritable path.
// `notice`, if given, is set (translated) when the picture could not be what
// was asked but was written anyway: lanes too many for the height asked, so
// the picture is taller; otherwise cleared.
bool exportTrace(const Trace &trace, const QString &path, const ExportOptions &options,
                 QString *error, QString *notice = nullptr);

// The width a picture gets when ExportOptions::width is 0: 1600 at 100 % text,
// proportionally more at a larger text size, and at least the title's width.
int defaultExportWidth(const Theme &theme, const QString &title);

// The suffixes exportTrace() understands, lower case, without the dot.
QStringList exportFormats();
// Empty when the path ends in a format exportFormats() names; otherwise the
// sentence every exporter (timeline, sequence diagram, comparison) reports.
QString unsupportedFormatError(const QString &path);

} // namespace weft::ui
