// SPDX-License-Identifier: MIT
#include "picturewriter.h"

#include "svgwriter.h"
#include "traceexporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace weft::ui {

namespace {

// The timeline exporter's context: these sentences were its own before the
// three exporters shared one writer, and keep their translations that way.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::TraceExporter)
};

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool writePng(QSaveFile &file, const PictureWriter::Picture &picture,
              const PictureWriter::Paint &paint, QString *error)
{
    const QSize pixels(qRound(picture.size.width() * picture.scale),
                       qRound(picture.size.height() * picture.scale));
    if (qint64(pixels.width()) * pixels.height() > PictureWriter::kMaxPngPixels)
        return failWith(error,
                        Tr::tr("the picture would be %1 × %2 pixels, too large for a PNG (at most "
                               "%3 million); "
                               "lower the width or scale, or export SVG or PDF")
                            .arg(pixels.width())
                            .arg(pixels.height())
                            .arg(PictureWriter::kMaxPngPixels / 1000000));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return failWith(error,
                        Tr::tr("not enough memory for a %1 × %2 picture")
                            .arg(pixels.width())
                            .arg(pixels.height()));
    image.setDevicePixelRatio(picture.scale);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        paint(painter);
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return failWith(error,
                        Tr::tr("cannot write '%1': %2").arg(file.fileName(), writer.errorString()));
    return true;
}

bool writeSvg(QSaveFile &file, const PictureWriter::Picture &picture,
              const PictureWriter::Paint &paint, QString *error)
{
    // Written while it is painted: QSvgGenerator would hold the whole document.
    SvgWriter svg(&file, picture.size, picture.title, picture.description);
    QPainter painter;
    if (!painter.begin(&svg))
        return failWith(error,
                        Tr::tr("cannot write '%1': %2").arg(file.fileName(), file.errorString()));
    paint(painter);
    painter.end();
    if (!svg.ok())
        return failWith(error,
                        Tr::tr("cannot write '%1': %2").arg(file.fileName(), file.errorString()));
    return true;
}

bool writePdf(QSaveFile &file, const PictureWriter::Picture &picture,
              const PictureWriter::Paint &paint, QString *error)
{
    const int width = picture.size.width(), height = picture.size.height();
    QPdfWriter writer(&file);
    writer.setTitle(picture.title);
    writer.setCreator(QStringLiteral("Weft"));
    writer.setResolution(96);
    if (picture.pdfPage) {
        writer.setPageSize(QPageSize(*picture.pdfPage));
        writer.setPageOrientation(QPageLayout::Landscape);
    } else {
        // One page exactly the size of the picture: 96 px per inch, 72 points per inch.
        writer.setPageSize(QPageSize(QSizeF(width * 72.0 / 96.0, height * 72.0 / 96.0),
                                     QPageSize::Point, QString(), QPageSize::ExactMatch));
    }
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return failWith(error,
                        Tr::tr("cannot write '%1': the PDF writer failed").arg(file.fileName()));
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.scale(writer.width() / qreal(width), writer.height() / qreal(height));
    paint(painter);
    painter.end();
    return true;
}

} // namespace

QString PictureWriter::sideError(int pixels, bool height)
{
    if (pixels >= kMinSide && pixels <= kMaxSide)
        return {};
    return (height ? Tr::tr("picture height %1 is out of range (%2 to %3 pixels)")
                   : Tr::tr("picture width %1 is out of range (%2 to %3 pixels)"))
        .arg(pixels)
        .arg(kMinSide)
        .arg(kMaxSide);
}

QString PictureWriter::scaleError(qreal scale)
{
    if (scale >= kMinScale && scale <= kMaxScale)
        return {};
    return Tr::tr("scale factor %1 is out of range (0.25 to 8)").arg(scale);
}

bool PictureWriter::write(const QString &path, const Picture &picture, const Paint &paint,
                          QString *error)
{
    if (const QString wrong = unsupportedFormatError(path); !wrong.isEmpty())
        return failWith(error, wrong);
    // The laid-out size, not one the user typed: nothing to draw into is a
    // caller's bug, but must not reach QImage or the PDF writer as a file.
    if (picture.size.width() < 1 || picture.size.height() < 1)
        return failWith(error,
                        Tr::tr("the picture would be %1 × %2 pixels; there is nothing to "
                               "draw")
                            .arg(picture.size.width())
                            .arg(picture.size.height()));
    if (const QString wrong = scaleError(picture.scale); !wrong.isEmpty())
        return failWith(error, wrong);
    const QString suffix = QFileInfo(path).suffix().toLower();
    // Checked before the file is opened, so a refused PDF leaves no empty file behind.
    if (suffix == QLatin1String("pdf")
        && (picture.size.width() > kMaxPdfSide || picture.size.height() > kMaxPdfSide))
        return failWith(error,
                        Tr::tr("the picture would be %1 × %2 pixels, too large for a PDF page (at "
                               "most %3 × %3, "
                               "200 inches); export SVG")
                            .arg(picture.size.width())
                            .arg(picture.size.height())
                            .arg(kMaxPdfSide));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failWith(error, Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    bool written = false;
    if (suffix == QLatin1String("png"))
        written = writePng(file, picture, paint, error);
    else if (suffix == QLatin1String("svg"))
        written = writeSvg(file, picture, paint, error);
    else
        written = writePdf(file, picture, paint, error);
    if (!written)
        return false; // QSaveFile drops what it wrote
    if (!file.commit())
        return failWith(error, Tr::tr("cannot write '%1': %2").arg(path, file.errorString()));
    return true;
}

} // namespace weft::ui
