// SPDX-License-Identifier: MIT
#include "recordcommand.h"

#include "core/interchange/traceloader.h"
#include "core/record/programrecorder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <csignal>
#include <cstring>
#include <iterator>
#include <limits>

namespace weft::app {

namespace {
volatile sig_atomic_t g_cancelRequested = 0;
void requestCancel(int)
{
    g_cancelRequested = 1;
}

// The options `weft record` takes before "--"; everything after it is the command.
int commandStart(const QStringList &arguments)
{
    const int dashes = int(arguments.indexOf(QStringLiteral("--")));
    return dashes;
}
} // namespace

bool RecordCommand::isRecordCommand(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], "record") == 0;
}

bool RecordCommand::wantsExport(int argc, char **argv)
{
    for (int i = 2; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
        if (std::strcmp(argv[i], "--export") == 0 || std::strncmp(argv[i], "--export=", 9) == 0)
            return true;
    }
    return false;
}

int RecordCommand::usageError(const QString &message)
{
    m_err << "weft record: " << message << Qt::endl;
    m_err << tr("Usage: weft record [-o FILE.weft] [--export PICTURE] [--timeout MS] [--python] -- "
                "COMMAND [ARGS…]")
          << Qt::endl;
    return kExitUsage;
}

int RecordCommand::execute(const QStringList &arguments)
{
    const int dashes = commandStart(arguments);
    QStringList options = dashes >= 0 ? arguments.mid(0, dashes) : arguments;
    QStringList command = dashes >= 0 ? arguments.mid(dashes + 1) : QStringList();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Records an unmodified, dynamically linked program: its "
                                        "threads, locks, condition variables, sleeps, pipes, "
                                        "sockets and child processes."));
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        tr("Write the trace to <file> (.weft, or .json for Chrome/Perfetto)."), tr("file"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"), tr("Write a picture of the timeline (.png, .svg or .pdf)."),
        tr("file"));
    const QCommandLineOption widthOption(QStringLiteral("width"), tr("Picture width in pixels."),
                                         tr("pixels"), QStringLiteral("1600"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        tr("Kill the program (and its children) after <ms> milliseconds (default 600000)."),
        tr("ms"), QStringLiteral("600000"));
    const QCommandLineOption pythonOption(
        QStringLiteral("python"), tr("Run the command's first word as a script with python3."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help."));
    parser.addOptions(
        {outputOption, exportOption, widthOption, timeoutOption, pythonOption, helpOption});
    options.prepend(QStringLiteral("weft-record"));
    if (!parser.parse(options))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText().replace(
            QStringLiteral("weft-record [options]"),
            QStringLiteral("weft record [options] -- COMMAND [ARGS…]"));
        return 0;
    }
    if (dashes < 0 && !parser.positionalArguments().isEmpty())
        command = parser.positionalArguments(); // "weft record ./prog" without "--"
    else if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("unexpected argument '%1' before '--'").arg(parser.positionalArguments().first()));
    if (command.isEmpty())
        return usageError(tr("no command given"));
    if (parser.isSet(pythonOption)) {
        const QString python = QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
            ? QStringLiteral("/usr/bin/python3")
            : QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty()) {
            m_err << "weft record: " << tr("python3 not found (Debian: apt-get install python3)")
                  << Qt::endl;
            return 127;
        }
        command.prepend(python);
    }
    bool ok = false;
    const qint64 timeoutMs = parser.value(timeoutOption).toLongLong(&ok);
    if (!ok || timeoutMs <= 0 || timeoutMs > 24LL * 3600 * 1000)
        return usageError(
            tr("--timeout must be a positive number of milliseconds (at most a day)"));
    const int width = parser.value(widthOption).toInt(&ok);
    if (!ok || width < 200 || width > 16000)
        return usageError(tr("--width must be a number of pixels between 200 and 16000"));

    record::ProgramRecorder recorder;
    record::ProgramRecorder::Options runOptions;
    runOptions.command = command;
    // Streamed: the events go to the .weft file as the program runs, so the
    // recording's memory does not grow with its length, and a run that is
    // killed leaves a file that opens up to where it was cut. A picture or
    // Chrome JSON needs the whole trace at the end.
    const QString output = parser.value(outputOption);
    const QString picture = parser.value(exportOption);
    const bool toJson = output.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    QFile streamFile(output);
    runOptions.stream = picture.isEmpty() && !toJson && record::ProgramRecorder::streams(command);
    if (runOptions.stream && !output.isEmpty()) {
        // A trace shows what a program did with its data: it is the user's alone.
        if (!streamFile.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !streamFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            m_err << "weft record: "
                  << tr("cannot write %1: %2").arg(output, streamFile.errorString()) << Qt::endl;
            return 3;
        }
        runOptions.streamTo = &streamFile;
    }
    runOptions.preloadLibrary = record::ProgramRecorder::defaultPreloadLibrary();
    runOptions.timeout = std::chrono::milliseconds(timeoutMs);
    // Ctrl+C on a terminal goes to the program (it is the foreground job); a
    // SIGINT, SIGTERM, SIGHUP or SIGQUIT sent to us stops the program and keeps
    // what was recorded. Installed before the start, so no signal finds Weft
    // gone and the program left running.
    struct sigaction action
    {
    };
    action.sa_handler = requestCancel;
    sigemptyset(&action.sa_mask);
    const int stopSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction previous[std::size(stopSignals)] {};
    for (std::size_t i = 0; i < std::size(stopSignals); ++i)
        sigaction(stopSignals[i], &action, &previous[i]);
    QString error;
    const bool started = recorder.start(runOptions, &error);
    if (started)
        recorder.waitForFinished(reinterpret_cast<const volatile int *>(&g_cancelRequested));
    for (std::size_t i = 0; i < std::size(stopSignals); ++i)
        sigaction(stopSignals[i], &previous[i], nullptr);
    if (!started) {
        m_err << "weft record: " << error << Qt::endl;
        return recorder.exitStatus();
    }

    const Trace trace = recorder.trace();
    m_out.flush();
    m_err << "weft record: " << trace.outcome().summary << Qt::endl;
    for (const QString &warning : recorder.warnings())
        m_err << "weft record: " << tr("warning: %1").arg(warning) << Qt::endl;

    int status = recorder.exitStatus();
    if (recorder.isStreaming()) {
        if (streamFile.isOpen()) {
            streamFile.close();
            if (recorder.streamFailed() || streamFile.error() != QFileDevice::NoError) {
                // The warning above said why; what was written still opens.
                return status == 0 ? 3 : status;
            }
            m_err << "weft record: "
                  << tr("trace written to %1 (%Ln event(s))", nullptr,
                        int(std::min<quint64>(recorder.streamedEvents(),
                                              std::numeric_limits<int>::max())))
                         .arg(output)
                  << Qt::endl;
        }
        return status;
    }
    if (!output.isEmpty()) {
        if (saveTrace(trace, output, &error)) {
            // A trace shows what a program did with its data: it is the user's alone.
            QFile::setPermissions(output, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            m_err << "weft record: "
                  << tr("trace written to %1 (%Ln event(s))", nullptr, int(trace.events().size()))
                         .arg(output)
                  << Qt::endl;
        } else {
            m_err << "weft record: " << error << Qt::endl;
            if (status == 0)
                status = 3;
        }
    }
    if (!picture.isEmpty()) {
        if (trace.isEmpty()) {
            m_err << "weft record: " << tr("nothing recorded, no picture written") << Qt::endl;
        } else if (QString notice; exportTraceToFile(
                       trace, picture, ExportShape {ui::ExportPreset::Custom, width, 0},
                       ExportLook {}, &error, &notice)) {
            m_err << "weft record: " << tr("picture written to %1").arg(picture) << Qt::endl;
            if (!notice.isEmpty())
                m_err << "weft record: " << notice << Qt::endl;
        } else {
            m_err << "weft record: " << error << Qt::endl;
            if (status == 0)
                status = 3;
        }
    }
    return status;
}

} // namespace weft::app
