#include "commandline.h"

#include "exportcommand.h"
#include "workermode.h"

#include "core/interchange/traceloader.h"
#include "core/runner.h"
#include "core/scenarioregistry.h"
#include "core/tracefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <cstring>

namespace weft::app {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("weft::CommandLine", text); }

bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

QString formatDuration(qint64 ns)
{
    if (ns < 10'000)
        return tr("%1 ns").arg(ns);
    if (ns < 10'000'000)
        return tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 1);
    if (ns < 10'000'000'000)
        return tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
    return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
}
} // namespace

CommandLine::CommandLine(const ScenarioRegistry &registry)
    : m_registry(registry)
    , m_out(stdout)
    , m_err(stderr)
{
}

CommandLine::Mode CommandLine::modeFor(int argc, char **argv)
{
    if (hasArgument(argc, argv, "--export"))
        return Mode::HeadlessWithPainting;
    for (const char *headless : {"--list", "--run", "--replay", "--worker", "--help", "-h", "--version",
                                 "-v", "--help-all"}) {
        if (hasArgument(argc, argv, headless))
            return Mode::Headless;
    }
    return Mode::Gui;
}

int CommandLine::usageError(const QString &message)
{
    m_err << "weft: " << message << Qt::endl;
    m_err << tr("Run 'weft --help' for usage.") << Qt::endl;
    return kExitUsage;
}

int CommandLine::execute(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("--worker"))
        return runWorker(arguments.mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Weft runs real concurrency and network scenarios — threads, locks, processes, "
           "sockets — and draws what they did on a timeline.\n"
           "Without options it opens the main window."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listOption(QStringLiteral("list"), tr("List the scenarios (id and title)."));
    const QCommandLineOption runOption(QStringLiteral("run"), tr("Run the scenario <id> headless."),
                                       tr("id"));
    const QCommandLineOption paramOption(QStringLiteral("param"),
                                         tr("Set a scenario parameter (repeatable)."),
                                         tr("key=value"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("Stop the run after <ms> milliseconds."), tr("ms"));
    const QCommandLineOption traceOutOption(QStringLiteral("trace-out"),
                                            tr("Write the run's trace to <file> (.weft, or .json for Perfetto)."),
                                            tr("file"));
    const QCommandLineOption openOption(QStringLiteral("open"), tr("Open the trace <file>."),
                                        tr("file"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"), tr("Export a picture of the trace to <file> (.png, .svg, .pdf)."),
        tr("file"));
    const QCommandLineOption widthOption(QStringLiteral("width"),
                                         tr("Width of the exported picture in pixels."),
                                         tr("pixels"), QStringLiteral("1600"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         tr("Colours of the exported picture: light or dark."),
                                         tr("light|dark"), QStringLiteral("light"));
    const QCommandLineOption fontScaleOption(
        QStringLiteral("font-scale"),
        tr("Text size of the exported picture in percent (100 to 250); lanes grow with it."),
        tr("percent"), QStringLiteral("100"));
    const QCommandLineOption replayOption(
        QStringLiteral("replay"),
        tr("Rerun the stepped run saved in the .weft <file>, granting its recorded schedule "
           "step by step so the same interleaving happens again. Takes the scenario and "
           "parameters from the file (--run and --param must agree with / override them)."),
        tr("file"));
    parser.addOptions({listOption, runOption, paramOption, timeoutOption, traceOutOption,
                       openOption, exportOption, widthOption, themeOption, fontScaleOption,
                       replayOption});

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return kExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << ' '
              << QCoreApplication::applicationVersion() << Qt::endl;
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    bool widthOk = false;
    const int width = parser.value(widthOption).toInt(&widthOk);
    if (!widthOk || width < 200 || width > 16000)
        return usageError(tr("--width must be a number of pixels between 200 and 16000"));
    QString lookError;
    if (!parseExportLook(parser.value(themeOption), parser.value(fontScaleOption), &m_exportLook,
                         &lookError))
        return usageError(lookError);
    if ((parser.isSet(themeOption) || parser.isSet(fontScaleOption)) && !parser.isSet(exportOption))
        return usageError(tr("--theme and --font-scale need --export"));

    qint64 timeoutMs = 0;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        timeoutMs = parser.value(timeoutOption).toLongLong(&ok);
        if (!ok || timeoutMs <= 0 || timeoutMs > 24LL * 3600 * 1000)
            return usageError(tr("--timeout must be a positive number of milliseconds"));
    }

    if (parser.isSet(listOption))
        return listScenarios();
    if (parser.isSet(replayOption)) {
        if (parser.isSet(openOption))
            return usageError(tr("--replay and --open cannot be combined"));
        return replayRun(parser.value(replayOption), parser.value(runOption),
                         parser.values(paramOption), timeoutMs, parser.value(traceOutOption),
                         parser.value(exportOption), width);
    }
    if (parser.isSet(runOption)) {
        return runScenario(parser.value(runOption), parser.values(paramOption), timeoutMs,
                           parser.value(traceOutOption), parser.value(exportOption), width);
    }
    if (parser.isSet(paramOption) || parser.isSet(traceOutOption) || parser.isSet(timeoutOption))
        return usageError(tr("--param, --timeout and --trace-out need --run"));
    if (parser.isSet(openOption))
        return openTrace(parser.value(openOption), parser.value(exportOption), width);
    if (parser.isSet(exportOption))
        return usageError(tr("--export needs --run or --open"));
    return kOpenGui;
}

int CommandLine::listScenarios()
{
    for (const Scenario *scenario : m_registry.all())
        m_out << scenario->id().leftJustified(24) << ' ' << scenario->title() << Qt::endl;
    return kExitOk;
}

int CommandLine::replayRun(const QString &path, const QString &id, const QStringList &assignments,
                           qint64 timeoutMs, const QString &traceOut, const QString &exportPath,
                           int exportWidth)
{
    QString error;
    const auto recorded = TraceFile::load(path, &error);
    if (!recorded) {
        m_err << "weft: " << tr("cannot replay: %1").arg(error) << Qt::endl;
        return kExitFile;
    }
    if (!recorded->schedule().wasStepped()) {
        m_err << "weft: "
              << tr("cannot replay %1: it holds no schedule (only a run made in step mode "
                    "records one)")
                     .arg(path)
              << Qt::endl;
        return kExitFile;
    }
    const QString recordedId = recorded->metadata().scenarioId;
    if (!id.isEmpty() && id != recordedId)
        return usageError(tr("%1 was recorded from scenario '%2', not '%3'")
                              .arg(path, recordedId, id));
    if (!m_registry.find(recordedId)) {
        m_err << "weft: " << tr("cannot replay %1: unknown scenario '%2'").arg(path, recordedId)
              << Qt::endl;
        return kExitFile;
    }
    // The recorded parameters first, so an explicit --param overrides one of them.
    QStringList all;
    for (const auto &[key, value] : recorded->metadata().parameters)
        all << key + QLatin1Char('=') + value;
    all << assignments;
    return runScenario(recordedId, all, timeoutMs, traceOut, exportPath, exportWidth,
                       recorded->schedule());
}

int CommandLine::runScenario(const QString &id, const QStringList &assignments, qint64 timeoutMs,
                             const QString &traceOut, const QString &exportPath, int exportWidth,
                             const std::optional<Schedule> &replay)
{
    const Scenario *scenario = m_registry.find(id);
    if (!scenario) {
        QStringList ids;
        for (const Scenario *s : m_registry.all())
            ids << s->id();
        return usageError(tr("unknown scenario '%1'; known scenarios: %2")
                              .arg(id, ids.join(QLatin1String(", "))));
    }
    QString error;
    const auto parameters = ParameterValues::fromAssignments(scenario->parameters(), assignments,
                                                             &error);
    if (!parameters)
        return usageError(error);

    RunOptions options;
    options.timeout = std::chrono::milliseconds(timeoutMs);
    options.replay = replay;
    Runner runner;
    runner.start(*scenario, *parameters, options);
    // Nobody steps on the command line: once the replay is over (or went
    // apart), the rest of the run goes free.
    while (replay && !runner.waitForFinished(std::chrono::milliseconds(5))) {
        if (StepGate *gate = runner.stepGate(); gate && !gate->isReplaying())
            gate->setStepping(false);
    }
    runner.waitForFinished();
    const Trace trace = runner.result();
    m_out << summaryOf(trace, scenario, runner.elapsedNs()) << Qt::endl;
    const QString divergence = runner.stepGate() ? runner.stepGate()->divergence() : QString();
    if (replay) {
        if (divergence.isEmpty())
            m_out << QCoreApplication::translate("weft::CommandLine", "Replayed %n recorded step(s).",
                                              nullptr, int(replay->size()))
                  << Qt::endl;
        else
            m_err << "weft: " << divergence << Qt::endl;
    }

    // A detected deadlock is what locks.deadlock sets out to show, not a failure.
    const auto outcomeStatus = trace.outcome().status;
    int status = outcomeStatus == Outcome::Status::Completed
            || outcomeStatus == Outcome::Status::Deadlocked
        ? kExitOk
        : kExitRunFailed;
    if (!divergence.isEmpty() && status == kExitOk)
        status = kExitRunFailed;  // the interleaving was not reproduced
    if (!traceOut.isEmpty()) {
        const bool saved = traceOut.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
            ? saveChromeTrace(trace, traceOut, &error)
            : TraceFile::save(trace, traceOut, &error);
        if (saved) {
            m_out << tr("Trace written to %1.").arg(traceOut) << Qt::endl;
        } else {
            m_err << "weft: " << error << Qt::endl;
            status = kExitFile;
        }
    }
    // A picture of a failed or timed-out run is still worth having.
    if (!exportPath.isEmpty() && !trace.isEmpty()) {
        const int exported = exportTo(trace, exportPath, exportWidth);
        if (status == kExitOk)
            status = exported;
    }
    return status;
}

int CommandLine::openTrace(const QString &path, const QString &exportPath, int exportWidth)
{
    QString error;
    auto trace = loadTraceFile(path, &error);
    if (!trace) {
        m_err << "weft: " << error << Qt::endl;
        return kExitFile;
    }
    if (exportPath.isEmpty()) {
        m_traceToOpen = std::move(trace);
        return kOpenGui;
    }
    return exportTo(*trace, exportPath, exportWidth);
}

int CommandLine::exportTo(const Trace &trace, const QString &path, int width)
{
    QString error;
    if (!exportTraceToFile(trace, path, width, m_exportLook, &error)) {
        m_err << "weft: " << error << Qt::endl;
        return kExitFile;
    }
    m_out << tr("Picture written to %1.").arg(path) << Qt::endl;
    return kExitOk;
}

QString CommandLine::summaryOf(const Trace &trace, const Scenario *scenario, qint64 elapsedNs) const
{
    const TraceMetadata &meta = trace.metadata();
    QStringList parameters;
    for (const auto &[key, value] : meta.parameters)
        parameters << key + QLatin1Char('=') + value;
    QString text = tr("%1 — %2").arg(scenario->id(), scenario->title());
    if (!parameters.isEmpty())
        text += QLatin1Char('\n') + tr("Parameters: %1").arg(parameters.join(QLatin1String(", ")));
    text += QLatin1Char('\n')
        + tr("Ran for %1 on %2 lanes; %3 events recorded, %4 dropped.")
              .arg(formatDuration(elapsedNs))
              .arg(trace.actorCount())
              .arg(trace.events().size())
              .arg(meta.droppedEvents);
    const Outcome &outcome = meta.outcome;
    text += QLatin1Char('\n')
        + tr("Outcome (%1): %2").arg(outcomeStatusName(outcome.status), outcome.summary);
    return text;
}

} // namespace weft::app
