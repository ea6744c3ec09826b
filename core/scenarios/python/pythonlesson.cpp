// SPDX-License-Identifier: MIT
#include "pythonlesson.h"

#include "core/record/programrecorder.h"
#include "core/runcontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace weft {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonLesson)
};

const QString kResourceDirectory = QStringLiteral(":/scenarios/python/");
// How often the timeline of a running lesson is brought up to date.
constexpr auto kPublishInterval = std::chrono::milliseconds(100);
constexpr auto kPollInterval = std::chrono::milliseconds(10);
// The interpreter's own start-up and exit, on top of the C++ twin's time.
constexpr auto kInterpreterAllowance = std::chrono::seconds(15);
// The last lines of a failed script's stderr quoted in its outcome (its traceback's end).
constexpr int kQuotedErrorLines = 3;
// How long `python3 -c` may take to say its version.
constexpr int kVersionTimeoutMs = 5000;

[[noreturn]] void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}

QString lastLines(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines
        = QString::fromUtf8(file.readAll()).trimmed().split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(std::max<qsizetype>(0, lines.size() - count)).join(u'\n');
}

} // namespace

PythonLesson::PythonLesson(const Scenario &twin, QString script, PythonLessonCheck check,
                           QStringList parameterNames)
    : m_twin(twin)
    , m_script(std::move(script))
    , m_check(check)
    , m_parameterNames(std::move(parameterNames))
{
}

QString PythonLesson::idFor(const QString &twinId)
{
    return twinId + QStringLiteral(".py");
}

QString PythonLesson::id() const
{
    return idFor(m_twin.id());
}

QString PythonLesson::title() const
{
    return Tr::tr("%1 (Python)").arg(m_twin.title());
}

QString PythonLesson::explanation() const
{
    const QString lesson = m_ownExplanation ? Tr::tr(m_ownExplanation) : m_twin.explanation();
    return lesson + QLatin1Char(' ')
        + Tr::tr("This is the lesson's Python, run by the real python3: the threads, locks and "
                 "GIL drawn are CPython's own, and each event points at the script's line.");
}

QList<ParameterSpec> PythonLesson::parameters() const
{
    QList<ParameterSpec> specs = m_twin.parameters();
    if (!m_parameterNames.isEmpty())
        specs.removeIf(
            [this](const ParameterSpec &spec) { return !m_parameterNames.contains(spec.key); });
    return specs;
}

QString PythonLesson::sourceResource() const
{
    return kResourceDirectory + m_script;
}

std::chrono::milliseconds PythonLesson::defaultTimeout(const ParameterValues &parameters) const
{
    return m_twin.defaultTimeout(parameters) + kInterpreterAllowance;
}

QString PythonLesson::pythonInterpreter()
{
    if (const QString chosen = qEnvironmentVariable("WEFT_PYTHON"); !chosen.isEmpty())
        return QFileInfo(chosen).isExecutable() ? chosen : QString();
    const QString debian = QStringLiteral("/usr/bin/python3");
    return QFileInfo(debian).isExecutable()
        ? debian
        : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QString PythonLesson::pythonVersion(const QString &python)
{
    static std::mutex mutex;
    static QHash<QString, QString> versions;
    std::lock_guard lock(mutex);
    if (const auto known = versions.constFind(python); known != versions.constEnd())
        return *known;
    QProcess process;
    process.start(python,
                  {QStringLiteral("-c"),
                   QStringLiteral("import sys; print('%d.%d' % sys.version_info[:2])")});
    QString version;
    if (process.waitForFinished(kVersionTimeoutMs) && process.exitCode() == 0)
        version = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    else
        process.kill();
    versions.insert(python, version);
    return version;
}

bool PythonLesson::isSupportedVersion(const QString &version)
{
    static const QRegularExpression supported(QStringLiteral("^3\\.(9|1[0-3])$"));
    return supported.match(version).hasMatch();
}

QString PythonLesson::unavailableReason() const
{
    const QString python = pythonInterpreter();
    if (python.isEmpty())
        return Tr::tr("python3 was not found; Python lessons need it (Debian: apt-get install "
                      "python3).");
    const QString version = pythonVersion(python);
    if (version.isEmpty())
        return Tr::tr("%1 did not say which Python it is; Weft's Python lessons need CPython 3.9 "
                      "to 3.13.")
            .arg(python);
    if (!isSupportedVersion(version))
        return Tr::tr("%1 is Python %2; Weft's Python lessons need CPython 3.9 to 3.13 (tried "
                      "with 3.11, Debian 12's).")
            .arg(python, version);
    const QString library = record::ProgramRecorder::defaultPreloadLibrary();
    if (!QFileInfo::exists(library))
        return Tr::tr("the recording library %1 is missing, so the Python lesson cannot be "
                      "recorded.")
            .arg(library);
    return {};
}

void PythonLesson::run(RunContext &context) const
{
    if (const QString reason = unavailableReason(); !reason.isEmpty())
        fail(reason);
    const QString python = pythonInterpreter();
    const QString library = record::ProgramRecorder::defaultPreloadLibrary();

    // python3 runs the script from a file: a copy of the embedded one.
    QTemporaryDir directory;
    if (!directory.isValid())
        fail(Tr::tr("no temporary folder for the script: %1").arg(directory.errorString()));
    const QString scriptPath = directory.filePath(m_script);
    if (!QFile::copy(sourceResource(), scriptPath))
        fail(Tr::tr("the script %1 is not embedded in this build.").arg(m_script));

    record::ProgramRecorder::Options options;
    options.command = {python, scriptPath};
    for (const ParameterSpec &spec : parameters())
        options.command.append(spec.key + u'=' + context.parameters().value(spec.key).toString());
    options.preloadLibrary = library;
    options.useTerminal = false;
    options.stderrFile = directory.filePath(QStringLiteral("stderr.txt"));

    record::ProgramRecorder recorder;
    QString error;
    if (!recorder.start(options, &error))
        fail(error);
    // Sites name the script by its resource path, as a C++ lesson's name its file,
    // so the code panel shows the embedded script for a saved run too.
    const QString shownFile = QStringLiteral("python/") + m_script;
    const auto publish = [&] {
        context.setProgramTrace(recorder.trace().withSiteFileRenamed(scriptPath, shownFile));
    };
    auto nextPublish = std::chrono::steady_clock::now();
    while (!recorder.poll()) {
        if (context.isCancelled()) {
            recorder.cancel();
            break;
        }
        if (std::chrono::steady_clock::now() >= nextPublish) {
            publish();
            nextPublish += kPublishInterval;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    publish();
    if (context.isCancelled())
        return; // the runner states how the run ended

    const record::ProgramEnd &end = recorder.end();
    if (end.how != record::ProgramEnd::How::Exited || end.code != 0) {
        const QString why = lastLines(options.stderrFile, kQuotedErrorLines);
        fail(end.how == record::ProgramEnd::How::Exited
                 ? Tr::tr("python3 exited with status %1. %2").arg(end.code).arg(why)
                 : Tr::tr("python3 was killed by signal %1. %2").arg(end.code).arg(why));
    }
    context.setOutcome(m_check(*context.programTrace(), context.parameters()));
}

} // namespace weft
