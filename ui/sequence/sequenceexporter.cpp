// SPDX-License-Identifier: MIT
#include "sequenceexporter.h"

#include "core/derived/sequencediagram.h"
#include "core/interchange/untrustedtext.h"
#include "sequencelabels.h"
#include "sequencelayout.h"
#include "sequencerenderer.h"
#include "ui/export/svgwriter.h"
#include "ui/export/traceexporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <cmath>

namespace weft::ui {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::SequenceExporter)
};

// The limits of the timeline's exporter, for the same reasons (memory of a
// PNG painted whole, the largest page a PDF reader opens).
constexpr qint64 kMaxPixels = 32 * 1000 * 1000;
constexpr int kMaxPdfPixels = 19200;
constexpr int kMaxWidth = 20000;

QString titleOf(const Trace &trace)
{
    const QString title = boundedText(trace.metadata().title);
    const QString id = boundedText(trace.metadata().scenarioId);
    const QString name = title.isEmpty()
        ? (id.isEmpty() ? Tr::tr("Weft trace") : id)
        : (id.isEmpty() ? title : Tr::tr("%1 — %2").arg(id, title));
    return Tr::tr("%1 (sequence diagram)").arg(name);
}
} // namespace

bool exportSequenceDiagram(const Trace &trace, const QString &path,
                           const SequenceExportOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (const QString wrong = unsupportedFormatError(path); !wrong.isEmpty())
        return fail(wrong);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const SequenceDiagram diagram(trace);
    if (diagram.isEmpty())
        return fail(noSequenceDiagramReason());
    if (options.width < 0 || options.width > kMaxWidth
        || !(options.scale >= 0.25 && options.scale <= 8))
        return fail(Tr::tr("picture width %1 or scale %2 is out of range")
                        .arg(options.width)
                        .arg(options.scale));

    const Theme &theme = options.theme ? *options.theme : Theme::current();
    const SequenceLayout layout(trace, diagram, theme,
                                options.title.isEmpty() ? titleOf(trace) : options.title,
                                options.width);
    const SequenceRenderer renderer(theme);
    const int width = int(std::ceil(layout.size().width()));
    const int height = int(std::ceil(layout.size().height()));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    if (suffix == QLatin1String("png")) {
        const QSize pixels(qRound(width * options.scale), qRound(height * options.scale));
        if (qint64(pixels.width()) * pixels.height() > kMaxPixels)
            return fail(Tr::tr("the picture would be %1 × %2 pixels, too large for a PNG; "
                               "export SVG or PDF")
                            .arg(pixels.width())
                            .arg(pixels.height()));
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return fail(Tr::tr("not enough memory for a %1 × %2 picture")
                            .arg(pixels.width())
                            .arg(pixels.height()));
        image.setDevicePixelRatio(options.scale);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::TextAntialiasing, true);
            renderer.render(painter, diagram, layout);
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            return fail(Tr::tr("cannot write '%1': %2").arg(path, writer.errorString()));
    } else if (suffix == QLatin1String("svg")) {
        SvgWriter svg(&file, QSize(width, height), layout.title(), QString());
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
        renderer.render(painter, diagram, layout);
        painter.end();
        if (!svg.ok())
            return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    } else {
        if (width > kMaxPdfPixels || height > kMaxPdfPixels)
            return fail(Tr::tr("the picture would be %1 × %2 pixels, too large for a PDF page; "
                               "export SVG")
                            .arg(width)
                            .arg(height));
        QPdfWriter writer(&file);
        writer.setTitle(layout.title());
        writer.setCreator(QStringLiteral("Weft"));
        writer.setResolution(96);
        // One page the picture's size: 96 px per inch, 72 points per inch.
        writer.setPageSize(QPageSize(QSizeF(width * 72.0 / 96.0, height * 72.0 / 96.0),
                                     QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(Tr::tr("cannot write '%1': the PDF writer failed").arg(path));
        painter.scale(writer.width() / qreal(width), writer.height() / qreal(height));
        renderer.render(painter, diagram, layout);
        painter.end();
    }
    if (!file.commit())
        return fail(Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    return true;
}

} // namespace weft::ui
