// SPDX-License-Identifier: MIT
#include "exportcommand.h"

#include "core/derived/sequencediagram.h"
#include "ui/export/traceexporter.h"
#include "ui/sequence/sequenceexporter.h"
#include "ui/sequence/sequencelabels.h"

#include <QCoreApplication>
#include <cmath>

namespace weft::app {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::app::CommandLine)
};
} // namespace

bool parseExportLook(const QString &theme, const QString &fontScale, ExportLook *look,
                     QString *error)
{
    ExportLook result;
    const QString variant = theme.trimmed().toLower();
    if (variant == QLatin1String("dark")) {
        result.variant = ui::Theme::Variant::Dark;
    } else if (!variant.isEmpty() && variant != QLatin1String("light")) {
        *error = Tr::tr("--theme must be 'light' or 'dark', not '%1'").arg(theme);
        return false;
    }
    QString percent = fontScale.trimmed();
    if (percent.endsWith(QLatin1Char('%')))
        percent.chop(1);
    if (!percent.isEmpty()) {
        bool ok = false;
        const int value = percent.toInt(&ok);
        const int low = qRound(ui::Theme::kMinScale * 100),
                  high = qRound(ui::Theme::kMaxScale * 100);
        if (!ok || value < low || value > high) {
            *error = Tr::tr("--font-scale must be a percentage from %1 to %2, not '%3'")
                         .arg(low)
                         .arg(high)
                         .arg(fontScale);
            return false;
        }
        result.fontScalePercent = value;
    }
    *look = result;
    return true;
}

namespace {

constexpr int kMinSide = 200, kMaxSide = 16000;

bool parseSide(const QString &value, const char *option, int *pixels, QString *error)
{
    if (value.isEmpty())
        return true;
    bool ok = false;
    const int number = value.trimmed().toInt(&ok);
    if (!ok || number < kMinSide || number > kMaxSide) {
        *error = Tr::tr("%1 must be a number of pixels between %2 and %3, not '%4'")
                     .arg(QLatin1String(option))
                     .arg(kMinSide)
                     .arg(kMaxSide)
                     .arg(value);
        return false;
    }
    *pixels = number;
    return true;
}

// Milliseconds, fractions allowed ("1.5"), never negative.
bool parseMilliseconds(const QString &text, qint64 *ns)
{
    bool ok = false;
    const double ms = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(ms) || ms < 0 || ms > 1e12)
        return false;
    *ns = qint64(std::llround(ms * 1e6));
    return true;
}

} // namespace

bool parseExportAxis(const QString &axis, ExportLook *look, QString *error)
{
    const QString value = axis.trimmed().toLower();
    if (value != QLatin1String("steps") && !value.isEmpty() && value != QLatin1String("time")) {
        *error = Tr::tr("--axis must be 'time' or 'steps', not '%1'").arg(axis);
        return false;
    }
    look->stepAxis = value == QLatin1String("steps");
    return true;
}

bool parseExportShape(const QString &preset, const QString &width, const QString &height,
                      const QString &range, ExportShape *shape, QString *error)
{
    ExportShape result;
    if (!parseSide(width, "--width", &result.width, error)
        || !parseSide(height, "--height", &result.height, error))
        return false;
    const bool sized = result.width > 0 || result.height > 0;
    if (preset.isEmpty()) {
        result.preset = sized ? ui::ExportPreset::Custom : ui::ExportPreset::Fit;
    } else if (const auto known = ui::exportPresetFromId(preset)) {
        result.preset = *known;
    } else {
        QStringList ids;
        for (ui::ExportPreset each : ui::exportPresets())
            ids << ui::exportPresetId(each);
        *error = Tr::tr("--preset must be one of %1, not '%2'")
                     .arg(ids.join(QLatin1String(", ")), preset);
        return false;
    }
    if (sized && result.preset != ui::ExportPreset::Custom) {
        *error = Tr::tr("--width and --height set a size of your own: use them without --preset "
                        "or with --preset custom, not with --preset %1")
                     .arg(ui::exportPresetId(result.preset));
        return false;
    }
    if (!range.isEmpty()) {
        const QStringList ends = range.split(QLatin1Char(':'));
        if (ends.size() != 2 || !parseMilliseconds(ends[0], &result.rangeFromNs)
            || !parseMilliseconds(ends[1], &result.rangeToNs)
            || result.rangeToNs <= result.rangeFromNs) {
            *error = Tr::tr("--range must be START_MS:END_MS, milliseconds from the start of the "
                            "run with START below END (e.g. 500:2000), not '%1'")
                         .arg(range);
            return false;
        }
        result.hasRange = true;
    }
    *shape = result;
    return true;
}

bool checkExportRange(const Trace &trace, const ExportShape &shape, QString *error)
{
    const qint64 duration = trace.endNs() - trace.startNs();
    if (!shape.hasRange || shape.rangeFromNs < duration)
        return true;
    *error = Tr::tr("--range starts at %1 ms, after the end of the run (%2 ms)")
                 .arg(double(shape.rangeFromNs) / 1e6, 0, 'f', 1)
                 .arg(double(duration) / 1e6, 0, 'f', 1);
    return false;
}

bool parseExportView(const QString &view, ExportShape *shape, QString *error)
{
    const QString name = view.trimmed().toLower();
    if (!name.isEmpty() && name != QLatin1String("timeline") && name != QLatin1String("sequence")) {
        *error = Tr::tr("--view must be 'timeline' or 'sequence', not '%1'").arg(view);
        return false;
    }
    shape->sequenceView = name == QLatin1String("sequence");
    return true;
}

bool checkExportView(const Trace &trace, const ExportShape &shape, QString *error)
{
    if (!shape.sequenceView || SequenceDiagram::hasContent(trace))
        return true;
    *error = ui::noSequenceDiagramReason();
    return false;
}

bool exportTraceToFile(const Trace &trace, const QString &path, const ExportShape &shape,
                       const ExportLook &look, QString *error, QString *notice)
{
    if (notice)
        notice->clear();
    if (shape.sequenceView) {
        ui::SequenceExportOptions options;
        options.width = shape.width;
        options.theme = ui::Theme::make(look.variant, look.fontScalePercent / 100.0);
        return ui::exportSequenceDiagram(trace, path, options, error);
    }
    ui::ExportOptions options;
    ui::applyExportPreset(shape.preset, &options);
    if (shape.preset == ui::ExportPreset::Custom) {
        options.width = shape.width;
        options.height = shape.height;
    }
    if (shape.hasRange) {
        options.visibleWindowOnly = true;
        options.fromNs = trace.startNs() + shape.rangeFromNs;
        options.toNs = std::min(trace.endNs(), trace.startNs() + shape.rangeToNs);
    }
    options.theme = ui::Theme::make(look.variant, look.fontScalePercent / 100.0);
    options.stepAxis = look.stepAxis;
    return ui::exportTrace(trace, path, options, error, notice);
}

} // namespace weft::app
