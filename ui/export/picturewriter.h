// SPDX-License-Identifier: MIT
#pragma once

#include <QPageSize>
#include <QSize>
#include <QString>
#include <functional>
#include <optional>

class QPainter;

namespace weft::ui {

// What every exporter (timeline, sequence diagram, comparison) shares once
// it knows how big its picture is: one set of limits, and the one place that
// turns "paint this" into a PNG, SVG or PDF file. Each exporter lays its
// picture out and hands its renderer over as the paint callback.
class PictureWriter
{
public:
    // A side asked for by the user (--width, --height) must lie in this range.
    static constexpr int kMinSide = 200;
    static constexpr int kMaxSide = 20000;
    // A PNG is painted whole in memory, 4 bytes a pixel: 32 Mpx is 128 MB, room
    // for 1920 x 16 000 (about 550 lanes). A trace of 2000 lanes at 1600 px wide
    // needed a 360 MB image, more than the trace itself; SVG and PDF need none.
    static constexpr qint64 kMaxPngPixels = 32 * 1000 * 1000;
    // PDF's own limit for a page side: 14 400 points (200 inches), 19 200 px at
    // 96 per inch; readers refuse or crop a larger page, and the PDF writer holds
    // the page's whole content in memory until it ends.
    static constexpr int kMaxPdfSide = 19200;
    // PNG device pixels per logical pixel.
    static constexpr qreal kMinScale = 0.25;
    static constexpr qreal kMaxScale = 8;

    struct Picture
    {
        QSize size; // logical pixels: what the paint callback draws into
        qreal scale = 1.0; // PNG only
        QString title; // the SVG's <title>, the PDF's title
        QString description; // the SVG's <desc>
        // A PDF on this paper, landscape, the picture stretched to it (the
        // caller sized it to the paper's shape); otherwise a page its size.
        std::optional<QPageSize::PageSizeId> pdfPage;
    };
    using Paint = std::function<void(QPainter &)>;

    // Writes `path` (PNG, SVG or PDF by its suffix) through `paint`, or returns
    // false with a translated message: an unknown suffix, a size or scale out of
    // range, a picture too large for its format, not enough memory, an
    // unwritable path. Nothing is left at `path` after a failure.
    static bool write(const QString &path, const Picture &picture, const Paint &paint,
                      QString *error);

    // Empty when a side the user asked for is in range; otherwise the sentence
    // that says so, naming the width or (`height`) the height.
    static QString sideError(int pixels, bool height);
    // Empty when the PNG scale factor is in range.
    static QString scaleError(qreal scale);
};

} // namespace weft::ui
