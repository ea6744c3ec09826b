// SPDX-License-Identifier: MIT
// libFuzzer target: load -> derive -> paint. Any bytes (Chrome JSON, .weft,
// a replay file: the loader decides by content) that load must build the
// timeline model and paint the whole trace into a small raster image. The
// loader-only targets could not find a paint that never ends (times that
// overflow a span) or a label that costs minutes to shape (issue 12);
// libFuzzer's -timeout and -rss_limit_mb turn those into findings. The trace
// is also painted as SVG, which must be well-formed XML whatever the names in
// the file hold.
#include "core/interchange/traceloader.h"
#include "ui/export/svgwriter.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinerenderer.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QXmlStreamReader>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto trace = weft::loadTraceBytes(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (!trace) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const weft::ui::TimelineModel model(*trace);
    const weft::ui::TimelineRenderer renderer;
    QImage image(480, 320, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    weft::ui::RenderOptions options;
    options.layout.showTitle = true;
    options.title = trace->metadata().title;
    options.subtitle = trace->outcome().summary;
    renderer.render(painter, QRectF(image.rect()), model, options);
    // And a window deep inside the trace, zoomed far in.
    options.fromNs = model.startNs() + (model.endNs() - model.startNs()) / 3;
    options.toNs = options.fromNs + 1000;
    renderer.render(painter, QRectF(image.rect()), model, options);
    painter.end();

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    weft::ui::SvgWriter svg(&out, QSize(480, 320), options.title, options.subtitle);
    painter.begin(&svg);
    options.fromNs = options.toNs = 0;
    renderer.render(painter, QRectF(0, 0, 480, 320), model, options);
    painter.end();
    QXmlStreamReader xml(out.data());
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError() || !svg.ok())
        std::abort();
    return 0;
}
