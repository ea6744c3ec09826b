// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "exportcommand.h"

#include <QStringList>
#include <QTextStream>
#include <limits>
#include <optional>

namespace weft {
class ScenarioRegistry;
class Scenario;
} // namespace weft

namespace weft::app {

// Weft's command line: list scenarios, run one headless (or replay a stepped
// run's schedule), open or export a trace, or serve as a worker process. Exit codes: 0 ok, 1 the
// run failed / timed out, 2 bad usage (unknown id, bad parameter, unknown option), 3 a file could
// not be read or written.
class CommandLine
{
public:
    enum class Mode { Gui, Headless, HeadlessWithPainting };
    static constexpr int kOpenGui = -1;
    static constexpr int kExitOk = 0;
    static constexpr int kExitRunFailed = 1;
    static constexpr int kExitUsage = 2;
    static constexpr int kExitFile = 3;

    explicit CommandLine(const ScenarioRegistry &registry);

    // Which kind of application object the arguments need (decided before Qt parses them).
    static Mode modeFor(int argc, char **argv);

    // Runs the command; returns an exit code, or kOpenGui to open the main window.
    int execute(const QStringList &arguments);

    // A trace given with --open to show in the window.
    const std::optional<Trace> &traceToOpen() const { return m_traceToOpen; }
    // --open with a file of at least this size, only to be shown: not loaded
    // here but handed to the window by path (pathToOpen()), which loads it
    // in the background with progress and Cancel. Off by default.
    void setWindowLoadsFrom(qint64 bytes) { m_windowLoadsFrom = bytes; }
    const QString &pathToOpen() const { return m_pathToOpen; }
    // Two traces given with --compare (and no --export) to show compared.
    const std::optional<std::pair<Trace, Trace>> &comparisonToOpen() const
    {
        return m_comparisonToOpen;
    }

private:
    int listScenarios();
    int runScenario(const QString &id, const QStringList &assignments, qint64 timeoutMs,
                    const QString &traceOut, const QString &exportPath,
                    const std::optional<Schedule> &replay = std::nullopt);
    // --replay FILE [--run ID]: the file's scenario, parameters and schedule.
    int replayRun(const QString &path, const QString &id, const QStringList &assignments,
                  qint64 timeoutMs, const QString &traceOut, const QString &exportPath);
    int openTrace(const QString &path, const QString &traceOut, const QString &exportPath);
    // Saves as .weft or Chrome JSON (by the name's extension) and says so; false after an error.
    bool writeTrace(const Trace &trace, const QString &path);
    int exportTo(const Trace &trace, const QString &path);
    // events: the run's count when its events went to a file, not into `trace`.
    QString summaryOf(const Trace &trace, const Scenario *scenario, qint64 elapsedNs,
                      std::optional<quint64> events = std::nullopt) const;
    int usageError(const QString &message);

    const ScenarioRegistry &m_registry;
    QTextStream m_out;
    QTextStream m_err;
    std::optional<Trace> m_traceToOpen;
    QString m_pathToOpen;
    qint64 m_windowLoadsFrom = std::numeric_limits<qint64>::max();
    std::optional<std::pair<Trace, Trace>> m_comparisonToOpen;
    ExportLook m_exportLook; // --theme and --font-scale
    ExportShape m_exportShape; // --preset, --width, --height and --range
    bool m_allowRemote = false; // --allow-remote: a replay may connect elsewhere
    bool m_continueOnDivergence = false; // --continue-on-divergence
};

} // namespace weft::app
