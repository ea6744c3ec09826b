// SPDX-License-Identifier: MIT
#include "traceexporter.h"

#include "core/interchange/untrustedtext.h"
#include "svgwriter.h"
#include "ui/timeline/axismapping.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"
#include "ui/timeline/timeruler.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

namespace weft::ui {

namespace {

constexpr int kMinWidth = 200;
constexpr int kMaxWidth = 20000;
// A PNG is painted whole in memory, 4 bytes a pixel: 32 Mpx is 128 MB, room
// for 1920 x 16 000 (about 550 lanes). A trace of 2000 lanes at 1600 px wide
// needed a 360 MB image, more than the trace itself; SVG and PDF need none.
constexpr qint64 kMaxPixels = 32 * 1000 * 1000;
// PDF's own limit for a page side: 14 400 points (200 inches), 19 200 px at 96
// per inch; readers refuse or crop a larger page, and the PDF writer holds the
// page's whole content in memory until it ends (a 100 000-lane page took 90 MB).
constexpr int kMaxPdfPixels = 19200;
constexpr int kBaseWidth = 1600; // the default width at 100 % text
// Lanes filling a fixed height grow at most this much: a bar six times as thick
// still reads as a bar; what is left is split above and below the lanes.
constexpr qreal kMaxRowScale = 8;
// A fixed-size picture of too many lanes shrinks to fit, text and all, but not
// below half size (unreadable); past that it grows taller than asked.
constexpr qreal kMinFitFactor = 0.5;

// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::TraceExporter)
};

QString defaultTitle(const Trace &trace)
{
    // Title and id come from the file: cut before anything measures them.
    const TraceMetadata &meta = trace.metadata();
    QString title = boundedText(meta.title), id = boundedText(meta.scenarioId);
    if (!title.isEmpty() && !id.isEmpty())
        return Tr::tr("%1 — %2").arg(id, title);
    if (!title.isEmpty())
        return title;
    if (!id.isEmpty())
        return id;
    return Tr::tr("Weft trace");
}

QString subtitleFor(const Trace &trace)
{
    QStringList parts;
    if (!trace.outcome().summary.isEmpty())
        parts << boundedText(trace.outcome().summary, 4 * kMaxLabelChars); // wraps over a few lines
    else if (trace.outcome().status != Outcome::Status::NotRun)
        parts << outcomeStatusName(trace.outcome().status);
    const int threads = int(trace.actorCount());
    const int events = int(trace.events().size());
    parts << Tr::tr("%1, %2, %3", "threads, events, duration")
                 .arg(Tr::tr("%n thread(s)", nullptr, threads),
                      Tr::tr("%n event(s)", nullptr, events),
                      TimeRuler::formatDuration(trace.endNs() - trace.startNs()));
    return parts.join(QStringLiteral("  ·  "));
}

QString rangeText(const Trace &trace, qint64 fromNs, qint64 toNs)
{
    return Tr::tr("showing %1 to %2")
        .arg(TimeRuler::formatDuration(fromNs - trace.startNs()),
             TimeRuler::formatDuration(toNs - trace.startNs()));
}

// How a picture of a given size is drawn: the logical size the layout sees
// (larger than the picture when it is shrunk to fit), the theme with its lanes
// grown to fill a fixed height, and how far the lanes move down to sit in the
// middle of what they could not fill.
struct Fitting
{
    QSizeF logical;
    qreal factor = 1; // picture pixels per logical pixel
    Theme theme;
    int rowsOffset = 0;
};

Fitting fitInto(const TimelineModel &model, const Theme &base, QSize picture, int natural,
                const TimelineLayout::Options &layout)
{
    Fitting fit {QSizeF(picture), 1, base, 0};
    if (natural > picture.height()) {
        // Shrinking widens the logical picture, which can only shorten the wrapped
        // legend and subtitle: the first factor already fits.
        fit.factor = qreal(picture.height()) / natural;
        fit.logical = QSizeF(picture) / fit.factor;
        natural = TimelineLayout::fullHeight(model, base, fit.logical.width(), layout);
    }
    int lanes = 0;
    for (const Lane &lane : model.lanes())
        lanes += TimelineLayout::laneHeight(base, lane.sliceRows);
    const qreal spare = fit.logical.height() - natural;
    if (lanes <= 0 || spare < 1)
        return fit;
    qreal rowScale = std::min(kMaxRowScale, 1 + spare / lanes);
    int height = TimelineLayout::fullHeight(model, base.withLaneStretch(rowScale),
                                            fit.logical.width(), layout);
    while (rowScale > 1 && height > fit.logical.height()) { // rounding of each row
        rowScale = std::max<qreal>(1, rowScale - 0.05);
        height = TimelineLayout::fullHeight(model, base.withLaneStretch(rowScale),
                                            fit.logical.width(), layout);
    }
    fit.theme = base.withLaneStretch(rowScale);
    fit.rowsOffset = std::max(0, int(fit.logical.height() - height) / 2);
    return fit;
}

void paintInto(QPainter &painter, const TimelineModel &model, const Fitting &fit,
               const RenderOptions &options)
{
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.scale(fit.factor, fit.factor);
    const TimelineRenderer renderer(fit.theme);
    renderer.render(painter, QRectF(QPointF(0, 0), fit.logical), model, options);
}

} // namespace

int defaultExportWidth(const Theme &theme, const QString &title)
{
    const qreal titleWidth = QFontMetricsF(theme.titleFont()).horizontalAdvance(title);
    const qreal wanted = std::max(kBaseWidth * theme.scale(), titleWidth + theme.px(24) + 2);
    return std::min(kMaxWidth, int(std::ceil(wanted)));
}

QStringList exportFormats()
{
    return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
}

QString unsupportedFormatError(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (exportFormats().contains(suffix))
        return {};
    return Tr::tr("cannot export to '%1': unknown picture format '%2'; use .png, .svg or .pdf")
        .arg(path, suffix.isEmpty() ? Tr::tr("(none)") : QLatin1Char('.') + suffix);
}

bool exportTrace(const Trace &trace, const QString &path, const ExportOptions &options,
                 QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString wrong = unsupportedFormatError(path); !wrong.isEmpty())
        return fail(wrong);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (trace.isEmpty())
        return fail(Tr::tr("the trace has no events; there is nothing to draw"));
    if (options.width != 0 && (options.width < kMinWidth || options.width > kMaxWidth))
        return fail(Tr::tr("picture width %1 is out of range (%2 to %3 pixels)")
                        .arg(options.width)
                        .arg(kMinWidth)
                        .arg(kMaxWidth));
    if (options.height != 0 && (options.height < kMinWidth || options.height > kMaxWidth))
        return fail(Tr::tr("picture height %1 is out of range (%2 to %3 pixels)")
                        .arg(options.height)
                        .arg(kMinWidth)
                        .arg(kMaxWidth));
    if (!(options.scale >= 0.25 && options.scale <= 8))
        return fail(Tr::tr("scale factor %1 is out of range (0.25 to 8)").arg(options.scale));

    AxisMapping axis;
    axis.setStepAxis(options.stepAxis);
    axis.setTrace(trace);
    const TimelineModel model(axis.shown());
    RenderOptions render;
    render.stepAxis = options.stepAxis;
    if (options.visibleWindowOnly && options.toNs > options.fromNs) {
        render.fromNs = axis.toShown(options.fromNs);
        render.toNs = axis.toShown(options.toNs);
    }
    render.layout.showTitle = true;
    render.layout.showLegend = true;
    render.title = options.title.isEmpty() ? defaultTitle(trace) : options.title;
    render.subtitle = subtitleFor(trace);
    if (render.toNs > render.fromNs)
        render.subtitle += QStringLiteral("  ·  ")
            + rangeText(trace, axis.toReal(render.fromNs), axis.toReal(render.toNs));
    render.layout.subtitle = render.subtitle;
    render.showPlayhead = options.showPlayhead;
    render.playheadNs = axis.toShown(options.playheadNs);
    render.dimAfterPlayhead = options.showPlayhead;

    const Theme &theme = options.theme ? *options.theme : Theme::current();
    int width = options.width > 0 ? options.width : defaultExportWidth(theme, render.title);
    if (options.width <= 0 && suffix == QLatin1String("png")) {
        // The width chosen for the text must not make a 16:9 PNG too large to
        // paint (250 % text at 2× scale would be 8000 × 4500): the title shrinks.
        const qreal largest = 0.98 * std::sqrt(kMaxPixels * 16.0 / 9.0) / options.scale;
        width = std::min(width, int(largest));
    }
    const int natural = TimelineLayout::fullHeight(model, theme, width, render.layout);
    int height = options.height > 0
        ? options.height
        : std::max(natural, int(std::ceil(width * options.minHeightRatio)));
    if (natural * kMinFitFactor > height && !options.pdfPage)
        height = int(std::ceil(natural * kMinFitFactor));
    const Fitting fit = fitInto(model, theme, QSize(width, height), natural, render.layout);
    render.layout.scrollY = -fit.rowsOffset;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));

    if (suffix == QLatin1String("png")) {
        const QSize pixels(qRound(width * options.scale), qRound(height * options.scale));
        if (qint64(pixels.width()) * pixels.height() > kMaxPixels)
            return fail(Tr::tr("the picture would be %1 × %2 pixels, too large for a PNG (at most "
                               "%3 million); "
                               "lower the width or scale, or export SVG or PDF")
                            .arg(pixels.width())
                            .arg(pixels.height())
                            .arg(kMaxPixels / 1000000));
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return fail(Tr::tr("not enough memory for a %1 × %2 picture")
                            .arg(pixels.width())
                            .arg(pixels.height()));
        image.setDevicePixelRatio(options.scale);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing, true);
            paintInto(painter, model, fit, render);
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            return fail(Tr::tr("cannot write '%1': %2").arg(path, writer.errorString()));
    } else if (suffix == QLatin1String("svg")) {
        // Written while it is painted: QSvgGenerator would hold the whole document.
        SvgWriter svg(&file, QSize(width, height), render.title, render.subtitle);
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
        paintInto(painter, model, fit, render);
        painter.end();
        if (!svg.ok())
            return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    } else {
        if (width > kMaxPdfPixels || height > kMaxPdfPixels)
            return fail(Tr::tr("the picture would be %1 × %2 pixels, too large for a PDF page (at "
                               "most %3 × %3, "
                               "200 inches); export SVG")
                            .arg(width)
                            .arg(height)
                            .arg(kMaxPdfPixels));
        QPdfWriter writer(&file);
        writer.setTitle(render.title);
        writer.setCreator(QStringLiteral("Weft"));
        writer.setResolution(96);
        if (options.pdfPage) {
            // The paper asked for, landscape; the picture was sized to its shape.
            writer.setPageSize(QPageSize(*options.pdfPage));
            writer.setPageOrientation(QPageLayout::Landscape);
        } else {
            // One page exactly the size of the picture: 96 px per inch, 72 points per inch.
            writer.setPageSize(QPageSize(QSizeF(width * 72.0 / 96.0, height * 72.0 / 96.0),
                                         QPageSize::Point, QString(), QPageSize::ExactMatch));
        }
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(Tr::tr("cannot write '%1': the PDF writer failed").arg(path));
        const qreal sx = writer.width() / qreal(width), sy = writer.height() / qreal(height);
        painter.scale(sx, sy);
        paintInto(painter, model, fit, render);
        painter.end();
    }
    if (!file.commit())
        return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    return true;
}

} // namespace weft::ui
