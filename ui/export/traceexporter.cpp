// SPDX-License-Identifier: MIT
#include "traceexporter.h"

#include "core/interchange/untrustedtext.h"
#include "picturewriter.h"
#include "ui/timeline/axismapping.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"
#include "ui/timeline/timeruler.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace weft::ui {

namespace {

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
                      Tr::tr("%Ln event(s)", nullptr, events),
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
    return std::min(PictureWriter::kMaxSide, int(std::ceil(wanted)));
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
                 QString *error, QString *notice)
{
    if (notice)
        notice->clear();
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
    if (options.width != 0)
        if (const QString wrong = PictureWriter::sideError(options.width, false); !wrong.isEmpty())
            return fail(wrong);
    if (options.height != 0)
        if (const QString wrong = PictureWriter::sideError(options.height, true); !wrong.isEmpty())
            return fail(wrong);
    if (const QString wrong = PictureWriter::scaleError(options.scale); !wrong.isEmpty())
        return fail(wrong);

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
        const qreal largest
            = 0.98 * std::sqrt(PictureWriter::kMaxPngPixels * 16.0 / 9.0) / options.scale;
        width = std::min(width, int(largest));
    }
    const int natural = TimelineLayout::fullHeight(model, theme, width, render.layout);
    int height = options.height > 0
        ? options.height
        : std::max(natural, int(std::ceil(width * options.minHeightRatio)));
    if (natural * kMinFitFactor > height && !options.pdfPage) {
        const int asked = height;
        height = int(std::ceil(natural * kMinFitFactor));
        // Said, not silent: a slide asked for 1080 px that comes out 2,000 px
        // tall would otherwise be found out in front of the class.
        if (notice && options.height > 0)
            *notice = Tr::tr("the lanes do not fit in %1 px at a readable size, so the picture "
                             "is %2 px tall")
                          .arg(asked)
                          .arg(height);
    }
    const Fitting fit = fitInto(model, theme, QSize(width, height), natural, render.layout);
    render.layout.scrollY = -fit.rowsOffset;

    PictureWriter::Picture picture;
    picture.size = QSize(width, height);
    picture.scale = options.scale;
    picture.title = render.title;
    picture.description = render.subtitle;
    picture.pdfPage = options.pdfPage;
    return PictureWriter::write(
        path, picture, [&](QPainter &painter) { paintInto(painter, model, fit, render); }, error);
}

} // namespace weft::ui
