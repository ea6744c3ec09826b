// SPDX-License-Identifier: MIT
#include "commandline.h"

#include "comparecommand.h"
#include "core/interchange/traceloader.h"
#include "core/interchange/untrustedtext.h"
#include "core/replaytarget.h"
#include "core/runner.h"
#include "core/scenarioregistry.h"
#include "core/tracefile.h"
#include "exportcommand.h"
#include "recordcommand.h"
#include "workermode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <atomic>
#include <csignal>
#include <cstring>

namespace weft::app {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::app::CommandLine)
};

// `name` as QCommandLineParser reads it: "--export x.png" or "--export=x.png".
bool hasArgument(int argc, char **argv, const char *name)
{
    const std::size_t length = std::strlen(name);
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], name, length) == 0
            && (argv[i][length] == '\0' || argv[i][length] == '='))
            return true;
    }
    return false;
}

// Ctrl+C / SIGTERM during a run: the handler only records the signal; the
// waiting loop cancels the run, so the trace so far is still written and the
// summary says "cancelled". A second signal ends the process at once.
std::atomic<int> g_stopSignal {0};

extern "C" void onStopSignal(int signal)
{
    if (g_stopSignal.exchange(signal) != 0) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

class StopSignals
{
public:
    StopSignals()
    {
        g_stopSignal = 0;
        struct sigaction action
        {
        };
        action.sa_handler = onStopSignal;
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_oldInt);
        sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~StopSignals()
    {
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    static int received() { return g_stopSignal.load(); }

private:
    struct sigaction m_oldInt
    {
    };
    struct sigaction m_oldTerm
    {
    };
};

QString formatDuration(qint64 ns)
{
    if (ns < 10'000)
        return Tr::tr("%1 ns").arg(ns);
    if (ns < 10'000'000)
        return Tr::tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 1);
    if (ns < 10'000'000'000)
        return Tr::tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
    return Tr::tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
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
    // The recorded command's own arguments (after "--") are not ours to read.
    if (RecordCommand::isRecordCommand(argc, argv))
        return RecordCommand::wantsExport(argc, argv) ? Mode::HeadlessWithPainting : Mode::Headless;
    if (hasArgument(argc, argv, "--export"))
        return Mode::HeadlessWithPainting;
    // --trace-out with --open converts a file: no window, so no display either.
    for (const char *headless : {"--list", "--run", "--replay", "--worker", "--trace-out", "--help",
                                 "-h", "--version", "-v", "--help-all"}) {
        if (hasArgument(argc, argv, headless))
            return Mode::Headless;
    }
    return Mode::Gui;
}

int CommandLine::usageError(const QString &message)
{
    m_err << "weft: " << message << Qt::endl;
    m_err << Tr::tr("Run 'weft --help' for usage.") << Qt::endl;
    return kExitUsage;
}

int CommandLine::execute(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("--worker"))
        return runWorker(arguments.mid(2));
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("record"))
        return RecordCommand().execute(arguments.mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Weft runs real concurrency and network scenarios — threads, locks, processes, "
               "sockets — and draws what they did on a timeline.\n"
               "Without options it opens the main window.\n"
               "'weft record [options] -- COMMAND [ARGS…]' records a program of your own "
               "(see 'weft record --help')."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listOption(QStringLiteral("list"),
                                        Tr::tr("List the scenarios (id and title)."));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       Tr::tr("Run the scenario <id> headless."), Tr::tr("id"));
    const QCommandLineOption paramOption(QStringLiteral("param"),
                                         Tr::tr("Set a scenario parameter (repeatable)."),
                                         Tr::tr("key=value"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), Tr::tr("Stop the run after <ms> milliseconds."), Tr::tr("ms"));
    const QCommandLineOption traceOutOption(
        QStringLiteral("trace-out"),
        Tr::tr("Write the run's (or the opened) trace to <file> (.weft, or .json for "
               "Perfetto)."),
        Tr::tr("file"));
    const QCommandLineOption openOption(QStringLiteral("open"), Tr::tr("Open the trace <file>."),
                                        Tr::tr("file"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        Tr::tr("Export a picture of the trace to <file> (.png, .svg, .pdf)."), Tr::tr("file"));
    const QCommandLineOption presetOption(
        QStringLiteral("preset"),
        Tr::tr("Shape of the exported picture: fit (the default: 1600 px wide at 100 % text, "
               "16:9 when the scene is small), slide-16x9 (1920 × 1080), slide-4x3 "
               "(1440 × 1080), a4 or letter (a landscape PDF page), or custom."),
        Tr::tr("name"));
    const QCommandLineOption widthOption(
        QStringLiteral("width"),
        Tr::tr("Width of the exported picture in pixels (a custom size; without it the width "
               "follows the text size)."),
        Tr::tr("pixels"));
    const QCommandLineOption heightOption(
        QStringLiteral("height"),
        Tr::tr("Height of the exported picture in pixels (a custom size; lanes grow to fill it). "
               "Without it the picture is as tall as its lanes need."),
        Tr::tr("pixels"));
    const QCommandLineOption rangeOption(
        QStringLiteral("range"),
        Tr::tr("Export only the time from START to END, in milliseconds from the start of the "
               "run (e.g. 500:2000)."),
        Tr::tr("start:end"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         Tr::tr("Colours of the exported picture: light or dark."),
                                         Tr::tr("light|dark"), QStringLiteral("light"));
    const QCommandLineOption fontScaleOption(
        QStringLiteral("font-scale"),
        Tr::tr("Text size of the exported picture in percent (100 to 250); lanes grow with it."),
        Tr::tr("percent"), QStringLiteral("100"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        Tr::tr("What the exported picture shows: timeline (the default) or sequence (the "
               "sockets' and messages' sequence diagram)."),
        Tr::tr("timeline|sequence"));
    const QCommandLineOption axisOption(
        QStringLiteral("axis"),
        Tr::tr("Axis of the exported picture: time, or steps (each event in its own column, in "
               "the order it happened)."),
        Tr::tr("time|steps"), QStringLiteral("time"));
    const QCommandLineOption replayOption(
        QStringLiteral("replay"),
        Tr::tr("Rerun the stepped run saved in the .weft <file>, granting its recorded schedule "
               "step by step so the same interleaving happens again. Takes the scenario and "
               "parameters from the file (--run and --param must agree with / override them)."),
        Tr::tr("file"));
    const QCommandLineOption allowRemoteOption(
        QStringLiteral("allow-remote"),
        Tr::tr("Let --replay connect to the host the file names when it is not this machine "
               "(127.0.0.1, ::1, localhost)."));
    const QCommandLineOption continueOption(
        QStringLiteral("continue-on-divergence"),
        Tr::tr("Let a --replay whose schedule diverged run on freely instead of stopping it."));
    const QCommandLineOption compareOption(
        QStringLiteral("compare"),
        Tr::tr("Compare two runs: 'weft --compare A B' shows the traces A and B (.weft or "
               "Chrome JSON) one above the other on one time scale; with --export FILE, "
               "draws them into FILE."));
    const QCommandLineOption compareTwinOption(
        QStringLiteral("compare-twin"),
        Tr::tr("Run the lesson <id> in C++ and then its Python twin (ids ending in .py), with "
               "the same --param values where the twin has them, and compare the two runs; "
               "with --export FILE, draws them into FILE."),
        Tr::tr("id"));
    parser.addOptions({listOption,      runOption,     paramOption,       timeoutOption,
                       traceOutOption,  openOption,    exportOption,      presetOption,
                       widthOption,     heightOption,  rangeOption,       themeOption,
                       fontScaleOption, replayOption,  allowRemoteOption, continueOption,
                       viewOption,      compareOption, axisOption,        compareTwinOption});

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
    if (!parser.positionalArguments().isEmpty() && !parser.isSet(compareOption))
        return usageError(
            Tr::tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    QString shapeError;
    if (!parseExportShape(parser.value(presetOption), parser.value(widthOption),
                          parser.value(heightOption), parser.value(rangeOption), &m_exportShape,
                          &shapeError))
        return usageError(shapeError);
    if (!parseExportView(parser.value(viewOption), &m_exportShape, &shapeError))
        return usageError(shapeError);
    if (parser.isSet(viewOption) && !parser.isSet(exportOption))
        return usageError(Tr::tr("--view needs --export"));
    QString lookError;
    if (!parseExportLook(parser.value(themeOption), parser.value(fontScaleOption), &m_exportLook,
                         &lookError))
        return usageError(lookError);
    if ((parser.isSet(themeOption) || parser.isSet(fontScaleOption)) && !parser.isSet(exportOption))
        return usageError(Tr::tr("--theme and --font-scale need --export"));
    if (!parseExportAxis(parser.value(axisOption), &m_exportLook, &lookError))
        return usageError(lookError);
    if (parser.isSet(axisOption) && !parser.isSet(exportOption))
        return usageError(Tr::tr("--axis needs --export"));
    if ((parser.isSet(presetOption) || parser.isSet(widthOption) || parser.isSet(heightOption)
         || parser.isSet(rangeOption))
        && !parser.isSet(exportOption))
        return usageError(Tr::tr("--preset, --width, --height and --range need --export"));
    if (parser.isSet(compareTwinOption)) {
        if (parser.isSet(compareOption) || parser.isSet(runOption) || parser.isSet(openOption)
            || parser.isSet(timeoutOption) || parser.isSet(traceOutOption))
            return usageError(Tr::tr("--compare-twin takes --param and --export; not --compare, "
                                     "--run, --open, --timeout or --trace-out"));
        CompareCommand compare(m_out, m_err);
        const int status = compare.executeTwin(
            m_registry, parser.value(compareTwinOption), parser.values(paramOption),
            parser.value(exportOption), m_exportShape, m_exportLook);
        m_comparisonToOpen = compare.toOpen();
        return status;
    }
    if (parser.isSet(compareOption)) {
        CompareCommand compare(m_out, m_err);
        const int status = compare.execute(parser.positionalArguments(), parser.value(exportOption),
                                           m_exportShape, m_exportLook);
        m_comparisonToOpen = compare.toOpen();
        return status;
    }

    qint64 timeoutMs = 0;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        timeoutMs = parser.value(timeoutOption).toLongLong(&ok);
        if (!ok || timeoutMs <= 0 || timeoutMs > 24LL * 3600 * 1000)
            return usageError(Tr::tr("--timeout must be a positive number of milliseconds"));
    }

    if ((parser.isSet(allowRemoteOption) || parser.isSet(continueOption))
        && !parser.isSet(replayOption))
        return usageError(Tr::tr("--allow-remote and --continue-on-divergence need --replay"));
    if (parser.isSet(listOption))
        return listScenarios();
    if (parser.isSet(replayOption)) {
        if (parser.isSet(openOption))
            return usageError(Tr::tr("--replay and --open cannot be combined"));
        m_allowRemote = parser.isSet(allowRemoteOption);
        m_continueOnDivergence = parser.isSet(continueOption);
        return replayRun(parser.value(replayOption), parser.value(runOption),
                         parser.values(paramOption), timeoutMs, parser.value(traceOutOption),
                         parser.value(exportOption));
    }
    if (parser.isSet(runOption)) {
        return runScenario(parser.value(runOption), parser.values(paramOption), timeoutMs,
                           parser.value(traceOutOption), parser.value(exportOption));
    }
    if (parser.isSet(openOption) && !parser.isSet(paramOption) && !parser.isSet(timeoutOption))
        return openTrace(parser.value(openOption), parser.value(traceOutOption),
                         parser.value(exportOption));
    if (parser.isSet(paramOption) || parser.isSet(traceOutOption) || parser.isSet(timeoutOption))
        return usageError(
            Tr::tr("--param and --timeout need --run; --trace-out needs --run or --open"));
    if (parser.isSet(exportOption))
        return usageError(Tr::tr("--export needs --run or --open"));
    return kOpenGui;
}

int CommandLine::listScenarios()
{
    for (const Scenario *scenario : m_registry.all())
        m_out << scenario->id().leftJustified(24) << ' ' << scenario->title() << Qt::endl;
    return kExitOk;
}

int CommandLine::replayRun(const QString &path, const QString &id, const QStringList &assignments,
                           qint64 timeoutMs, const QString &traceOut, const QString &exportPath)
{
    QString error;
    const auto recorded = TraceFile::load(path, &error);
    if (!recorded) {
        m_err << "weft: " << Tr::tr("cannot replay: %1").arg(error) << Qt::endl;
        return kExitFile;
    }
    if (!recorded->schedule().wasStepped()) {
        m_err << "weft: "
              << Tr::tr("cannot replay %1: it holds no schedule (only a run made in step mode "
                        "records one)")
                     .arg(path)
              << Qt::endl;
        return kExitFile;
    }
    // The id comes from the file: shown escaped and cut.
    const QString recordedId = recorded->metadata().scenarioId;
    const QString shownId = terminalSafe(boundedText(recordedId, 80));
    if (!id.isEmpty() && id != recordedId)
        return usageError(
            Tr::tr("%1 was recorded from scenario '%2', not '%3'").arg(path, shownId, id));
    if (!m_registry.find(recordedId)) {
        m_err << "weft: " << Tr::tr("cannot replay %1: unknown scenario '%2'").arg(path, shownId)
              << Qt::endl;
        return kExitFile;
    }
    // The recorded parameters first, so an explicit --param overrides one of them.
    QStringList all;
    for (const auto &[key, value] : recorded->metadata().parameters)
        all << key + QLatin1Char('=') + value;
    all << assignments;
    // A shared file must not decide where Weft connects. The last value of a
    // key wins, as in ParameterValues.
    QList<QPair<QString, QString>> effective;
    for (const QString &assignment : all) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const QString key = assignment.left(eq),
                      value = eq < 0 ? QString() : assignment.mid(eq + 1);
        auto it = std::find_if(effective.begin(), effective.end(),
                               [&](const auto &p) { return p.first == key; });
        if (it != effective.end())
            it->second = value;
        else
            effective.append({key, value});
    }
    if (const QString target = remoteReplayTarget(effective); !target.isEmpty() && !m_allowRemote) {
        m_err << "weft: "
              << Tr::tr("%1 would connect to %2, which is not this machine; run it again with "
                        "--allow-remote to allow that")
                     .arg(path, terminalSafe(boundedText(target, 120)))
              << Qt::endl;
        return kExitUsage;
    }
    return runScenario(recordedId, all, timeoutMs, traceOut, exportPath, recorded->schedule());
}

int CommandLine::runScenario(const QString &id, const QStringList &assignments, qint64 timeoutMs,
                             const QString &traceOut, const QString &exportPath,
                             const std::optional<Schedule> &replay)
{
    const Scenario *scenario = m_registry.find(id);
    if (!scenario) {
        QStringList ids;
        for (const Scenario *s : m_registry.all())
            ids << s->id();
        return usageError(Tr::tr("unknown scenario '%1'; known scenarios: %2")
                              .arg(id, ids.join(QLatin1String(", "))));
    }
    QString error;
    const auto parameters
        = ParameterValues::fromAssignments(scenario->parameters(), assignments, &error);
    if (!parameters) {
        // A value may be megabytes long (or come from a shared file): echo its start only.
        for (const QString &assignment : assignments) {
            const QString value = assignment.mid(assignment.indexOf(QLatin1Char('=')) + 1);
            if (value.size() > 80)
                error.replace(value, boundedText(value, 80));
        }
        return usageError(terminalSafe(boundedText(error, 1000)));
    }

    RunOptions options;
    options.timeout = std::chrono::milliseconds(timeoutMs);
    options.replay = replay;
    // A .weft trace is written as the run goes (RecorderSpill): memory stays
    // bounded however long the run, and a run that is killed leaves a file
    // that opens up to where it was cut. Chrome JSON and a picture need the
    // whole trace at the end.
    QFile spillFile(traceOut);
    const bool spill = !traceOut.isEmpty() && exportPath.isEmpty()
        && !traceOut.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (spill) {
        // Unbuffered: each block reaches the file as it is written (a block is
        // one write), not when 16 KiB have gathered in QFile's buffer.
        if (!spillFile.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
            m_err << "weft: "
                  << Tr::tr("cannot write %1: %2").arg(traceOut, spillFile.errorString())
                  << Qt::endl;
            return kExitFile;
        }
        options.spillTo = &spillFile;
    }
    Runner runner;
    const StopSignals stopSignals;
    runner.start(*scenario, *parameters, options);
    // Nobody steps on the command line: once the replay is over the rest of
    // the run goes free; a replay that went apart is stopped unless asked
    // to go on (--continue-on-divergence).
    bool cancelled = false;
    while (!runner.waitForFinished(std::chrono::milliseconds(replay ? 5 : 50))) {
        if (!cancelled && StopSignals::received()) {
            cancelled = true;
            runner.cancel();
        }
        const ReplayDriver *driver = runner.replayDriver();
        if (!driver || driver->isReplaying())
            continue;
        if (!cancelled && !driver->divergence().isEmpty() && !m_continueOnDivergence) {
            cancelled = true;
            runner.cancel();
        }
        runner.stepGate()->setStepping(false);
    }
    const Trace trace = runner.result();
    const bool spilled = runner.spilled();
    m_out << summaryOf(trace, scenario, runner.elapsedNs(),
                       spilled ? std::optional<quint64>(runner.spilledEvents()) : std::nullopt)
          << Qt::endl;
    const QString divergence
        = runner.replayDriver() ? runner.replayDriver()->divergence() : QString();
    if (replay) {
        if (divergence.isEmpty())
            m_out << Tr::tr("Replayed %n recorded step(s).", nullptr, int(replay->size()))
                  << Qt::endl;
        else
            m_err << "weft: " << terminalSafe(divergence) << Qt::endl;
    }
    if (const int signal = StopSignals::received())
        m_err << "weft: "
              << Tr::tr("cancelled by %1")
                     .arg(signal == SIGINT ? QStringLiteral("SIGINT (Ctrl+C)")
                                           : QStringLiteral("SIGTERM"))
              << Qt::endl;

    // A detected deadlock is what locks.deadlock sets out to show, not a failure.
    const auto outcomeStatus = trace.outcome().status;
    int status = outcomeStatus == Outcome::Status::Completed
            || outcomeStatus == Outcome::Status::Deadlocked
        ? kExitOk
        : kExitRunFailed;
    if (!divergence.isEmpty() && status == kExitOk)
        status = kExitRunFailed; // the interleaving was not reproduced
    if (spilled) {
        spillFile.close();
        QString error = runner.spillError();
        if (error.isEmpty() && spillFile.error() != QFileDevice::NoError)
            error = Tr::tr("cannot write %1: %2").arg(traceOut, spillFile.errorString());
        if (error.isEmpty()) {
            m_out << Tr::tr("Trace written to %1.").arg(traceOut) << Qt::endl;
        } else {
            // What was written still opens, up to its last whole block.
            m_err << "weft: " << error << Qt::endl;
            status = kExitFile;
        }
    } else if (!traceOut.isEmpty()) {
        spillFile.close(); // a child program's trace: written whole, over what was begun
        if (!writeTrace(trace, traceOut))
            status = kExitFile;
    }
    // A picture of a failed or timed-out run is still worth having.
    if (!exportPath.isEmpty() && !trace.isEmpty()) {
        const int exported = exportTo(trace, exportPath);
        if (status == kExitOk)
            status = exported;
    }
    return status;
}

bool CommandLine::writeTrace(const Trace &trace, const QString &path)
{
    QString error;
    if (!saveTrace(trace, path, &error)) {
        m_err << "weft: " << error << Qt::endl;
        return false;
    }
    m_out << Tr::tr("Trace written to %1.").arg(path) << Qt::endl;
    return true;
}

int CommandLine::openTrace(const QString &path, const QString &traceOut, const QString &exportPath)
{
    if (traceOut.isEmpty() && exportPath.isEmpty()) {
        if (const QFileInfo info(path); info.isFile() && info.size() >= m_windowLoadsFrom) {
            m_pathToOpen = path;
            return kOpenGui;
        }
    }
    QString error;
    QStringList warnings;
    auto trace = loadTraceFile(path, &error, {}, nullptr, &warnings);
    if (!trace) {
        m_err << "weft: " << error << Qt::endl;
        return kExitFile;
    }
    // What the importer skipped or repaired: the count, and the first few with
    // their byte offsets, so a broken writer can be found without the window.
    const qint64 warningCount
        = std::max<qint64>(trace->outcome().value(QStringLiteral("warnings")), warnings.size());
    if (warningCount > 0) {
        m_err << Tr::tr("weft: %1: problems that did not stop the load: %2")
                     .arg(path)
                     .arg(warningCount)
              << Qt::endl;
        constexpr int kShown = 5;
        for (int i = 0; i < std::min<int>(kShown, int(warnings.size())); ++i)
            m_err << "  " << terminalSafe(boundedText(warnings[i])) << Qt::endl;
        if (warningCount > kShown)
            m_err << "  " << Tr::tr("… and %1 more").arg(warningCount - kShown) << Qt::endl;
    }
    // --trace-out converts: a .weft to Chrome JSON for Perfetto, or back.
    if (!traceOut.isEmpty() && !writeTrace(*trace, traceOut))
        return kExitFile;
    if (!exportPath.isEmpty())
        return exportTo(*trace, exportPath);
    if (!traceOut.isEmpty())
        return kExitOk;
    m_traceToOpen = std::move(trace);
    return kOpenGui;
}

int CommandLine::exportTo(const Trace &trace, const QString &path)
{
    QString error;
    if (!checkExportRange(trace, m_exportShape, &error)
        || !checkExportView(trace, m_exportShape, &error))
        return usageError(error);
    QString notice;
    if (!exportTraceToFile(trace, path, m_exportShape, m_exportLook, &error, &notice)) {
        m_err << "weft: " << error << Qt::endl;
        return kExitFile;
    }
    m_out << Tr::tr("Picture written to %1.").arg(path) << Qt::endl;
    if (!notice.isEmpty())
        m_err << "weft: " << notice << Qt::endl;
    return kExitOk;
}

QString CommandLine::summaryOf(const Trace &trace, const Scenario *scenario, qint64 elapsedNs,
                               std::optional<quint64> eventCount) const
{
    const TraceMetadata &meta = trace.metadata();
    QStringList parameters;
    // Parameters and the outcome may carry a file's text or a peer's reply:
    // nothing in them may reach the terminal as a control sequence.
    for (const auto &[key, value] : meta.parameters)
        parameters << terminalSafe(boundedText(key, 80)) + QLatin1Char('=')
                + terminalSafe(boundedText(value, 80));
    QString text = Tr::tr("%1 — %2").arg(scenario->id(), scenario->title());
    if (!parameters.isEmpty())
        text += QLatin1Char('\n')
            + Tr::tr("Parameters: %1").arg(parameters.join(QLatin1String(", ")));
    // Plain variables as the counts: lupdate skips a tr() whose count is a call.
    const int lanes = int(trace.actorCount());
    const int events = int(std::min<quint64>(eventCount.value_or(trace.events().size()),
                                             std::numeric_limits<int>::max()));
    text += QLatin1Char('\n')
        + Tr::tr("Ran for %1 on %2; %3 recorded, %4 dropped.")
              .arg(formatDuration(elapsedNs), Tr::tr("%n lane(s)", nullptr, lanes),
                   Tr::tr("%Ln event(s)", nullptr, events))
              .arg(meta.droppedEvents);
    const Outcome &outcome = meta.outcome;
    text += QLatin1Char('\n')
        + Tr::tr("Outcome (%1): %2")
              .arg(outcomeStatusName(outcome.status), terminalSafe(outcome.summary));
    return text;
}

} // namespace weft::app
