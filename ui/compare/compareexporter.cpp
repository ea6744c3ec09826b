// SPDX-License-Identifier: MIT
#include "compareexporter.h"

#include "comparerenderer.h"
#include "runcomparison.h"
#include "ui/export/picturewriter.h"
#include "ui/export/traceexporter.h"
#include "ui/timeline/timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>

namespace weft::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::CompareExporter)
};

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
    if (comparison.first().isEmpty() || comparison.second().isEmpty())
        return fail(Tr::tr("a run to compare has no events; there is nothing to draw"));
    if (options.width != 0)
        if (const QString wrong = PictureWriter::sideError(options.width, false); !wrong.isEmpty())
            return fail(wrong);
    if (const QString wrong = PictureWriter::scaleError(options.scale); !wrong.isEmpty())
        return fail(wrong);

    const Theme &theme = options.theme ? *options.theme : Theme::current();
    const TimelineModel first(comparison.shownTrace(0)), second(comparison.shownTrace(1));
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
    PictureWriter::Picture picture;
    picture.size = QSize(width, height);
    picture.scale = options.scale;
    picture.title = comparison.title();
    picture.description = comparison.differenceLine();
    return PictureWriter::write(
        path, picture,
        [&](QPainter &painter) {
            renderer.render(painter, target, comparison, first, second, render);
        },
        error);
}

} // namespace weft::ui
