// SPDX-License-Identifier: MIT
#include "sequenceexporter.h"

#include "core/derived/sequencediagram.h"
#include "core/interchange/untrustedtext.h"
#include "sequencelabels.h"
#include "sequencelayout.h"
#include "sequencerenderer.h"
#include "ui/export/picturewriter.h"
#include "ui/export/traceexporter.h"

#include <QCoreApplication>
#include <QPainter>
#include <cmath>

namespace weft::ui {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::SequenceExporter)
};

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
    const SequenceDiagram diagram(trace);
    if (diagram.isEmpty())
        return fail(noSequenceDiagramReason());
    // 0 (as wide as the lifelines need) or a width the user asked for.
    if (options.width != 0)
        if (const QString wrong = PictureWriter::sideError(options.width, false); !wrong.isEmpty())
            return fail(wrong);
    if (const QString wrong = PictureWriter::scaleError(options.scale); !wrong.isEmpty())
        return fail(wrong);

    const Theme &theme = options.theme ? *options.theme : Theme::current();
    const SequenceLayout layout(trace, diagram, theme,
                                options.title.isEmpty() ? titleOf(trace) : options.title,
                                options.width);
    const SequenceRenderer renderer(theme);
    const int width = int(std::ceil(layout.size().width()));
    const int height = int(std::ceil(layout.size().height()));

    PictureWriter::Picture picture;
    picture.size = QSize(width, height);
    picture.scale = options.scale;
    picture.title = layout.title();
    return PictureWriter::write(
        path, picture, [&](QPainter &painter) { renderer.render(painter, diagram, layout); },
        error);
}

} // namespace weft::ui
