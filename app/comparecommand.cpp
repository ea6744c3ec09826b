// SPDX-License-Identifier: MIT
#include "comparecommand.h"

#include "core/interchange/traceloader.h"
#include "core/interchange/untrustedtext.h"
#include "ui/compare/compareexporter.h"
#include "ui/compare/runcomparison.h"

#include <QCoreApplication>
#include <optional>

namespace weft::app {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::app::CommandLine)
};
constexpr int kOpenGui = -1, kExitOk = 0, kExitUsage = 2, kExitFile = 3;
} // namespace

CompareCommand::CompareCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

int CompareCommand::execute(const QStringList &files, const QString &exportPath,
                            const ExportShape &shape, const ExportLook &look)
{
    auto usage = [this](const QString &message) {
        m_err << "weft: " << message << Qt::endl;
        m_err << Tr::tr("Run 'weft --help' for usage.") << Qt::endl;
        return kExitUsage;
    };
    if (files.size() != 2)
        return usage(Tr::tr("--compare needs two trace files, e.g. weft --compare a.weft b.weft "
                            "--export cmp.png (got %1)")
                         .arg(files.size()));
    if (shape.hasRange || shape.height > 0
        || (shape.preset != ui::ExportPreset::Fit && shape.preset != ui::ExportPreset::Custom))
        return usage(Tr::tr("--compare takes --width, --theme and --font-scale; not --preset, "
                            "--height or --range"));

    std::optional<Trace> traces[2];
    for (int i = 0; i < 2; ++i) {
        QString error;
        traces[i] = loadTraceFile(files[i], &error);
        // The loader's message starts with the file's name; a missing file's
        // may not, so it is named here whatever the loader said.
        if (!traces[i]) {
            const QString message
                = error.contains(files[i]) ? error : Tr::tr("%1: %2").arg(files[i], error);
            m_err << "weft: " << terminalSafe(boundedText(message, 1000)) << Qt::endl;
            return kExitUsage;
        }
        if (traces[i]->isEmpty()) {
            m_err
                << "weft: "
                << Tr::tr("%1: the trace has no events; there is nothing to compare").arg(files[i])
                << Qt::endl;
            return kExitUsage;
        }
    }
    if (exportPath.isEmpty()) { // the window shows them
        m_toOpen = std::make_pair(*traces[0], *traces[1]);
        return kOpenGui;
    }
    const ui::RunComparison comparison(*traces[0], *traces[1]);
    ui::CompareExportOptions options;
    options.width = shape.width;
    options.theme = ui::Theme::make(look.variant, look.fontScalePercent / 100.0);
    QString error;
    if (!ui::exportComparison(comparison, exportPath, options, &error)) {
        m_err << "weft: " << error << Qt::endl;
        return kExitFile;
    }
    m_out << terminalSafe(comparison.differenceLine()) << Qt::endl;
    m_out << Tr::tr("Picture written to %1.").arg(exportPath) << Qt::endl;
    return kExitOk;
}

} // namespace weft::app
