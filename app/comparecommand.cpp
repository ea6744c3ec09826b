// SPDX-License-Identifier: MIT
#include "comparecommand.h"

#include "core/interchange/traceloader.h"
#include "core/interchange/untrustedtext.h"
#include "core/runner.h"
#include "core/scenario.h"
#include "core/scenarioregistry.h"
#include "ui/compare/compareexporter.h"
#include "ui/compare/runcomparison.h"
#include "ui/compare/twinpair.h"

#include <QCoreApplication>
#include <optional>

namespace weft::app {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::app::CommandLine)
};
constexpr int kOpenGui = -1, kExitOk = 0, kExitRunFailed = 1, kExitUsage = 2, kExitFile = 3;

// One run, start to end, on this thread's watch (the Runner runs it on its own).
Trace runToEnd(const Scenario &scenario, const ParameterValues &values)
{
    Runner runner;
    runner.start(scenario, values, RunOptions());
    runner.waitForFinished();
    return runner.result();
}

// As `weft --run` counts it: a detected deadlock is what a lesson may set out to show.
bool completed(const Trace &trace)
{
    const Outcome::Status status = trace.outcome().status;
    return status == Outcome::Status::Completed || status == Outcome::Status::Deadlocked;
}

// The lessons `--compare-twin` takes, for the message that says it took none of them.
QStringList twinnedIds(const ScenarioRegistry &registry)
{
    QStringList ids;
    for (const Scenario *scenario : registry.all())
        if (scenario->language() == SourceLanguage::Cpp && registry.twinOf(*scenario))
            ids << scenario->id();
    return ids;
}
} // namespace

CompareCommand::CompareCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

int CompareCommand::execute(const QStringList &files, const QString &exportPath,
                            const ExportShape &shape, const ExportLook &look)
{
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
    return exportPair(*traces[0], *traces[1], QString(), QString(), exportPath, shape, look);
}

int CompareCommand::usage(const QString &message)
{
    m_err << "weft: " << message << Qt::endl;
    m_err << Tr::tr("Run 'weft --help' for usage.") << Qt::endl;
    return kExitUsage;
}

int CompareCommand::exportPair(const Trace &first, const Trace &second, const QString &firstLabel,
                               const QString &secondLabel, const QString &exportPath,
                               const ExportShape &shape, const ExportLook &look)
{
    ui::RunComparison comparison(first, second);
    comparison.setLabels(firstLabel, secondLabel);
    comparison.setStepAligned(look.stepAxis); // --axis steps
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

int CompareCommand::executeTwin(const ScenarioRegistry &registry, const QString &id,
                                const QStringList &assignments, const QString &exportPath,
                                const ExportShape &shape, const ExportLook &look)
{
    if (shape.hasRange || shape.height > 0
        || (shape.preset != ui::ExportPreset::Fit && shape.preset != ui::ExportPreset::Custom))
        return usage(Tr::tr("--compare-twin takes --param, --width, --theme and --font-scale; "
                            "not --preset, --height or --range"));
    const Scenario *scenario = registry.find(id);
    if (!scenario)
        return usage(Tr::tr("unknown scenario '%1' (see weft --list)")
                         .arg(terminalSafe(boundedText(id, 80))));
    QString error;
    const auto values
        = ParameterValues::fromAssignments(scenario->parameters(), assignments, &error);
    if (!values)
        return usage(terminalSafe(boundedText(error, 1000)));
    const auto twins = ui::TwinPair::of(registry, *scenario, *values);
    if (!twins)
        return usage(Tr::tr("%1 has no Python twin; these have one: %2")
                         .arg(id, twinnedIds(registry).join(QLatin1String(", "))));
    if (const QString why = twins->python->unavailableReason(); !why.isEmpty()) {
        m_err << "weft: " << why << Qt::endl;
        return kExitRunFailed;
    }
    const Trace first = runToEnd(*twins->cpp, twins->cppValues);
    const Trace second = runToEnd(*twins->python, twins->pythonValues);
    if (first.isEmpty() || second.isEmpty()) {
        m_err << "weft: " << Tr::tr("a run recorded no events; there is nothing to compare")
              << Qt::endl;
        return kExitRunFailed;
    }
    // Language names, the same in every translation.
    const QString cpp = QStringLiteral("C++"), python = QStringLiteral("Python");
    if (exportPath.isEmpty()) { // the window shows them, labelled by what they are
        m_toOpen = std::make_pair(first, second);
        m_out << terminalSafe(ui::RunComparison(first, second).differenceLine()) << Qt::endl;
        return kOpenGui;
    }
    const int written = exportPair(first, second, cpp, python, exportPath, shape, look);
    if (written != kExitOk)
        return written;
    return completed(first) && completed(second) ? kExitOk : kExitRunFailed;
}

} // namespace weft::app
