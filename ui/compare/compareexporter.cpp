// SPDX-License-Identifier: MIT
#include "compareexporter.h"

#include "comparerenderer.h"
#include "runcomparison.h"
#include "ui/export/svgwriter.h"
#include "ui/export/traceexporter.h"
#include "ui/timeline/timelinemodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <functional>

namespace weft::ui {

namespace {

// The timeline export's limits (traceexporter.cpp), for the same reasons:
// a PNG is painted whole in memory; a PDF page side past 200 inches is refused.
constexpr int kMinWidth = 200;
constexpr int kMaxWidth = 20000;
constexpr qint64 kMaxPixels = 32 * 1000 * 1000;
constexpr int kMaxPdfPixels = 19200;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::CompareExporter)
};

using Paint = std::function<void(QPainter &)>;

bool writePicture(const QString &path, const QString &suffix, QSize size, qreal scale,
                  const QString &title, const QString &description, const Paint &paint,
                  QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    if (suffix == QLatin1String("png")) {
        const QSize pixels(qRound(size.width() * scale), qRound(size.height() * scale));
        if (qint64(pixels.width()) * pixels.height() > kMaxPixels)
            return fail(Tr::tr("the picture would be %1 × %2 pixels, too large for a PNG; "
                               "lower the width or export SVG or PDF")
                            .arg(pixels.width())
                            .arg(pixels.height()));
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return fail(Tr::tr("not enough memory for a %1 × %2 picture")
                            .arg(pixels.width())
                            .arg(pixels.height()));
        image.setDevicePixelRatio(scale);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setRenderHint(QPainter::TextAntialiasing, true);
            paint(painter);
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            return fail(Tr::tr("cannot write '%1': %2").arg(path, writer.errorString()));
    } else if (suffix == QLatin1String("svg")) {
        SvgWriter svg(&file, size, title, description);
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
        paint(painter);
        painter.end();
        if (!svg.ok())
            return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    } else {
        if (size.width() > kMaxPdfPixels || size.height() > kMaxPdfPixels)
            return fail(Tr::tr("the picture would be %1 × %2 pixels, too large for a PDF page; "
                               "export SVG")
                            .arg(size.width())
                            .arg(size.height()));
        QPdfWriter writer(&file);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Weft"));
        writer.setResolution(96);
        writer.setPageSize(
            QPageSize(QSizeF(size.width() * 72.0 / 96.0, size.height() * 72.0 / 96.0),
                      QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(Tr::tr("cannot write '%1': the PDF writer failed").arg(path));
        painter.scale(writer.width() / qreal(size.width()), writer.height() / qreal(size.height()));
        paint(painter);
        painter.end();
    }
    if (!file.commit())
        return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    return true;
}

} // namespace

bool exportComparison(const RunComparison &comparison, const QString &path,
                      const CompareExportOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString wrong = unsupportedFormatError(path); !wrong.isEmpty())
        return fail(wrong);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (comparison.first().isEmpty() || comparison.second().isEmpty())
        return fail(Tr::tr("a run to compare has no events; there is nothing to draw"));
    if (options.width != 0 && (options.width < kMinWidth || options.width > kMaxWidth))
        return fail(Tr::tr("picture width %1 is out of range (%2 to %3 pixels)")
                        .arg(options.width)
                        .arg(kMinWidth)
                        .arg(kMaxWidth));
    if (!(options.scale >= 0.25 && options.scale <= 8))
        return fail(Tr::tr("scale factor %1 is out of range (0.25 to 8)").arg(options.scale));

    const Theme &theme = options.theme ? *options.theme : Theme::current();
    const TimelineModel first(comparison.first()), second(comparison.second());
    const CompareRenderer renderer(theme);
    CompareRenderer::Options render;
    render.fromNs = options.fromNs;
    render.toNs = options.toNs;
    const int width = options.width > 0
        ? options.width
        : std::max(defaultExportWidth(theme, comparison.title()),
                   defaultExportWidth(theme, comparison.differenceLine()) / 2);
    const int height = renderer.fullHeight(comparison, first, second, width, render);
    const QRectF target(0, 0, width, height);
    return writePicture(
        path, suffix, QSize(width, height), options.scale, comparison.title(),
        comparison.differenceLine(),
        [&](QPainter &painter) {
            renderer.render(painter, target, comparison, first, second, render);
        },
        error);
}

} // namespace weft::ui
