// SPDX-License-Identifier: MIT
#include "programrecorder.h"

#include "chunkreader.h"
#include "core/clock.h"
#include "core/tracebuilder.h"
#include "recordingdirectory.h"
#include "ringdrainer.h"
#include "streamingdecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace weft::record {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::record::ProgramRecorder)
};

// Where recordings go: tmpfs (/dev/shm) when there is one we may write to, so
// the rings and chunks never touch a disk; else the usual temporary directory.
QString recordingBase()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    if (shm.isDir() && shm.isWritable() && ::access("/dev/shm", W_OK | X_OK) == 0)
        return shm.filePath();
    return QDir::tempPath();
}

// The same trace with more dropped events in its metadata.
Trace withDroppedEvents(const Trace &trace, quint64 dropped)
{
    TraceBuilder builder;
    builder.copyTablesOf(trace);
    builder.setEvents(std::vector<Event>(trace.events()));
    builder.setSchedule(trace.schedule());
    builder.metadata() = trace.metadata();
    builder.metadata().droppedEvents += dropped;
    return builder.build();
}

// True if the ELF file asks for a dynamic loader (PT_INTERP): only then does
// LD_PRELOAD mean anything. Scripts (#!) count as dynamic: their interpreter is.
bool isDynamicElf(const QString &path, bool *isElf)
{
    *isElf = false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const QByteArray head = file.read(sizeof(Elf64_Ehdr));
    if (head.size() < int(sizeof(Elf64_Ehdr))
        || !head.startsWith("\x7f"
                            "ELF"))
        return true;
    *isElf = true;
    if (head[EI_CLASS] != ELFCLASS64)
        return true; // 32-bit: say nothing we are not sure of
    Elf64_Ehdr header;
    std::memcpy(&header, head.constData(), sizeof header);
    if (header.e_phentsize != sizeof(Elf64_Phdr) || header.e_phnum > 512)
        return true;
    for (int i = 0; i < header.e_phnum; ++i) {
        if (!file.seek(qint64(header.e_phoff) + qint64(i) * header.e_phentsize))
            return true;
        const QByteArray entry = file.read(sizeof(Elf64_Phdr));
        if (entry.size() < int(sizeof(Elf64_Phdr)))
            return true;
        Elf64_Phdr program;
        std::memcpy(&program, entry.constData(), sizeof program);
        if (program.p_type == PT_INTERP)
            return true;
    }
    return false;
}
} // namespace

ProgramRecorder::ProgramRecorder() = default;

QString ProgramRecorder::recordingDirectory() const
{
    return m_dir ? m_dir->path() : QString();
}

ProgramRecorder::~ProgramRecorder()
{
    if (isRunning()) {
        killGroup();
        int status = 0;
        waitpid(pid_t(m_pid), &status, 0);
    }
    restoreTerminal();
}

QString ProgramRecorder::defaultPreloadLibrary()
{
    const QString name = QStringLiteral("libweftrecord.so");
    if (QString fromEnv = qEnvironmentVariable("WEFT_RECORD_LIBRARY"); !fromEnv.isEmpty())
        return fromEnv;
    const QDir here(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        here.filePath(name),
        here.filePath(QStringLiteral("../lib/weft/") + name),
        here.filePath(QStringLiteral("../lib/x86_64-linux-gnu/weft/") + name),
        here.filePath(QStringLiteral("../lib/aarch64-linux-gnu/weft/") + name),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    }
    return here.filePath(name);
}

QString ProgramRecorder::pythonProbe(const QString &preloadLibrary)
{
    const QString probe = QFileInfo(preloadLibrary).dir().filePath(QStringLiteral("weft_probe.py"));
    return QFileInfo::exists(probe) ? probe : QString();
}

QStringList ProgramRecorder::withPythonProbe(const QStringList &command,
                                             const QString &preloadLibrary)
{
    if (command.size() < 2 || command.at(1).startsWith(u'-'))
        return command;
    static const QRegularExpression python(QStringLiteral("^python3(\\.[0-9]+)?$"));
    if (!python.match(QFileInfo(command.first()).fileName()).hasMatch())
        return command;
    const QString probe = pythonProbe(preloadLibrary);
    if (probe.isEmpty())
        return command;
    QStringList out = command;
    out.insert(1, probe);
    return out;
}

QString ProgramRecorder::resolveProgram(const QString &program, const QString &workingDirectory)
{
    if (program.contains(u'/')) {
        const QFileInfo info(
            QDir(workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory), program);
        return info.exists() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

QString ProgramRecorder::preloadObstacle(const QString &program)
{
    const QFileInfo info(program);
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(info.absoluteFilePath()).constData(), &st) == 0
        && (st.st_mode & (S_ISUID | S_ISGID)) && getuid() != 0)
        return Tr::tr(
                   "%1 is setuid/setgid: the system ignores LD_PRELOAD for it, so nothing can be "
                   "recorded")
            .arg(program);
    bool isElf = false;
    if (!isDynamicElf(info.absoluteFilePath(), &isElf) && isElf)
        return Tr::tr(
                   "%1 is statically linked: LD_PRELOAD cannot reach its calls, so nothing can be "
                   "recorded")
            .arg(program);
    return {};
}

bool ProgramRecorder::start(const Options &options, QString *error)
{
    m_end = {};
    m_end.command = options.command.join(u' ');
    if (options.command.isEmpty()) {
        *error = Tr::tr("no command to record");
        m_end.how = ProgramEnd::How::FailedToStart;
        m_end.code = 127;
        return false;
    }
    const QString program = resolveProgram(options.command.first(), options.workingDirectory);
    if (program.isEmpty()) {
        *error = Tr::tr("%1: command not found").arg(options.command.first());
        m_end.how = ProgramEnd::How::FailedToStart;
        m_end.code = 127;
        return false;
    }
    if (!QFileInfo(program).isExecutable() || QFileInfo(program).isDir()) {
        *error = Tr::tr("%1: not an executable program").arg(program);
        m_end.how = ProgramEnd::How::FailedToStart;
        m_end.code = 126;
        return false;
    }
    if (!QFileInfo::exists(options.preloadLibrary)) {
        *error = Tr::tr("the recording library %1 is missing (is Weft installed completely?)")
                     .arg(options.preloadLibrary);
        m_end.how = ProgramEnd::How::FailedToStart;
        m_end.code = 127;
        return false;
    }
    if (const QString obstacle = preloadObstacle(program); !obstacle.isEmpty())
        m_warnings.append(obstacle);

    // A weft killed while recording (SIGKILL, a crash) left its rings behind.
    const QString base = recordingBase();
    RecordingDirectory::removeAbandoned(base);
    m_dir = std::make_unique<RecordingDirectory>(base);
    if (!m_dir->isValid()) {
        *error = Tr::tr("cannot create a recording directory: %1").arg(m_dir->errorString());
        m_end.how = ProgramEnd::How::FailedToStart;
        m_end.code = 127;
        return false;
    }

    // The environment: ours, the user's additions, and the recording's variables.
    // The records' clock: the TSC where it is invariant (the drainer maps it onto
    // CLOCK_MONOTONIC), unless $WEFT_RECORD_CLOCK (ours or an addition) says otherwise.
    QList<QByteArray> env;
    QByteArray preload = QFile::encodeName(options.preloadLibrary);
    const QByteArray clockKey = QByteArray(kRecordClockEnv) + '=';
    bool clockGiven = false;
    // The user's additions replace inherited variables of the same name (getenv
    // finds the first); the recording's own come last and cannot be replaced.
    QSet<QByteArray> added;
    for (const QString &addition : options.environment) {
        const QByteArray entry = addition.toLocal8Bit();
        added.insert(entry.left(entry.indexOf('=')));
    }
    const auto take = [&](const QByteArray &entry, bool inherited) {
        const QByteArray name = entry.left(entry.indexOf('='));
        if (name == "LD_PRELOAD")
            preload += ' ' + entry.mid(11);
        else if (name != kRecordDirEnv && !(inherited && added.contains(name)))
            env.append(entry);
        else
            return;
        clockGiven |= entry.startsWith(clockKey);
    };
    for (char **e = environ; *e; ++e)
        take(QByteArray(*e), true);
    for (const QString &addition : options.environment)
        take(addition.toLocal8Bit(), false);
    if (!clockGiven && RingDrainer::hostHasInvariantTsc())
        env.append(clockKey + "tsc");
    env.append("LD_PRELOAD=" + preload);
    env.append(QByteArray(kRecordDirEnv) + '=' + QFile::encodeName(m_dir->path()));
    std::vector<char *> envp;
    for (QByteArray &entry : env)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    QList<QByteArray> args;
    const QStringList command = options.pythonProbe
        ? withPythonProbe(options.command, options.preloadLibrary)
        : options.command;
    for (const QString &arg : command)
        args.append(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray dir = QFile::encodeName(options.workingDirectory);
    if (!options.workingDirectory.isEmpty())
        posix_spawn_file_actions_addchdir_np(&actions, dir.constData());
    const QByteArray stderrPath = QFile::encodeName(options.stderrFile);
    if (!options.useTerminal) {
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        if (!stderrPath.isEmpty())
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrPath.constData(),
                                             O_WRONLY | O_CREAT | O_TRUNC, 0600);
    }
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setpgroup(&attributes, 0);
    // Our own signal dispositions (an ignored SIGINT in a GUI) are not the program's.
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGTTOU);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
    const QByteArray path = QFile::encodeName(program);
    m_drainer = std::make_unique<RingDrainer>(m_dir->path());
    m_drainer->start();
    pid_t pid = 0;
    m_started = std::chrono::steady_clock::now();
    const int result
        = posix_spawn(&pid, path.constData(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (result != 0) {
        m_drainer->stop();
        *error = Tr::tr("%1: %2").arg(program, QString::fromLocal8Bit(std::strerror(result)));
        m_end.how = ProgramEnd::How::FailedToStart;
        m_end.code = result == ENOENT ? 127 : 126;
        return false;
    }
    m_pid = pid;
    m_end.pid = pid;
    m_timeout = options.timeout;
    if (options.stream && streams(command)) {
        m_streaming = std::make_unique<StreamingDecoder>(m_dir->path(), options.streamTo, m_end);
        m_streaming->start();
    }
    // Give the terminal to the program, as a shell would for a foreground job.
    if (options.useTerminal && isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == getpgrp()) {
        signal(SIGTTOU, SIG_IGN);
        if (tcsetpgrp(STDIN_FILENO, pid) == 0)
            m_tookTerminal = true;
    }
    return true;
}

void ProgramRecorder::restoreTerminal()
{
    if (!m_tookTerminal)
        return;
    tcsetpgrp(STDIN_FILENO, getpgrp());
    m_tookTerminal = false;
}

void ProgramRecorder::killGroup()
{
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), SIGKILL);
}

void ProgramRecorder::finishWith(ProgramEnd::How how, int code)
{
    m_end.how = how;
    m_end.code = code;
    m_end.endNs = monotonicNowNs();
    // Children that outlive the program would be left behind: the group goes with it.
    killGroup();
    restoreTerminal();
    // The drainer's last pass copies what is left in the rings (even a crashed
    // program's: the rings are files); trace() waits for it.
    if (m_drainer)
        m_drainer->finish();
}

bool ProgramRecorder::poll()
{
    if (!isRunning())
        return true;
    int status = 0;
    const pid_t reaped = waitpid(pid_t(m_pid), &status, WNOHANG | WUNTRACED);
    if (reaped == pid_t(m_pid) && WIFSTOPPED(status)) {
        passOnStop();
        return false;
    }
    if (reaped < 0 && errno == ECHILD) {
        // Reaped by someone else (a SIGCHLD set to be ignored is inherited): it
        // ended, how is unknown.
        m_warnings.append(Tr::tr("the program's exit status could not be read"));
        finishWith(ProgramEnd::How::Exited, 0);
        return true;
    }
    if (reaped == pid_t(m_pid)) {
        if (WIFEXITED(status))
            finishWith(ProgramEnd::How::Exited, WEXITSTATUS(status));
        else if (WIFSIGNALED(status))
            finishWith(ProgramEnd::How::Signalled, WTERMSIG(status));
        return !isRunning();
    }
    if (m_timeout.count() > 0 && std::chrono::steady_clock::now() - m_started > m_timeout) {
        killGroup();
        waitpid(pid_t(m_pid), &status, 0);
        finishWith(ProgramEnd::How::TimedOut, 0);
        return true;
    }
    return false;
}

void ProgramRecorder::passOnStop()
{
    // Ctrl+Z stopped the program, which has the terminal: stop with it, as a
    // shell's job would, so the shell gets its prompt back; on `fg`, give the
    // terminal back and let the program go on.
    if (!m_tookTerminal)
        return;
    tcsetpgrp(STDIN_FILENO, getpgrp());
    ::raise(SIGTSTP);
    if (tcsetpgrp(STDIN_FILENO, pid_t(m_pid)) != 0)
        m_tookTerminal = false;
    ::kill(-pid_t(m_pid), SIGCONT);
}

void ProgramRecorder::waitForFinished(const volatile int *cancelFlag)
{
    while (!poll()) {
        if (cancelFlag && *cancelFlag) {
            cancel();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void ProgramRecorder::cancel()
{
    if (!isRunning())
        return;
    killGroup();
    int status = 0;
    waitpid(pid_t(m_pid), &status, 0);
    finishWith(ProgramEnd::How::Cancelled, 0);
}

int ProgramRecorder::exitStatus() const
{
    switch (m_end.how) {
    case ProgramEnd::How::Exited:
        return m_end.code;
    case ProgramEnd::How::Signalled:
        return 128 + m_end.code;
    case ProgramEnd::How::TimedOut:
        return 124;
    case ProgramEnd::How::Cancelled:
        return 130;
    case ProgramEnd::How::FailedToStart:
        return m_end.code;
    case ProgramEnd::How::Running:
        break;
    }
    return 0;
}

bool ProgramRecorder::streams(const QStringList &command)
{
    static const QRegularExpression python(QStringLiteral("^python[0-9.]*$"));
    return !command.isEmpty() && !python.match(QFileInfo(command.first()).fileName()).hasMatch();
}

quint64 ProgramRecorder::streamedEvents() const
{
    return m_streaming ? m_streaming->eventsWritten() : 0;
}

bool ProgramRecorder::streamFailed() const
{
    return m_streaming && m_streaming->failed();
}

Trace ProgramRecorder::streamedTrace()
{
    m_drainer->stop(); // its last pass is done: every record is in a chunk
    Trace trace = m_streaming->finish(m_end);
    m_sawRootEvents = m_streaming->sawProcess(m_pid);
    addWarnings(m_streaming->warnings() + m_drainer->warnings(), m_streaming->droppedEvents() > 0,
                !m_sawRootEvents);
    return trace;
}

void ProgramRecorder::addWarnings(QStringList warnings, bool dropped, bool missingRootEvents)
{
    if (dropped)
        warnings.append(
            Tr::tr("some events were dropped: the program recorded faster than Weft could "
                   "copy its records (the trace says how many)"));
    if (missingRootEvents)
        warnings.append(
            Tr::tr("no events were recorded from %1: is it statically linked or setuid, or "
                   "did it clear LD_PRELOAD?")
                .arg(m_end.command.section(u' ', 0, 0)));
    for (const QString &w : warnings) {
        if (!m_warnings.contains(w))
            m_warnings.append(w);
    }
}

namespace {

// Every chunk in `directory`, decoded as a program that ended as `end` says.
struct DecodedChunks
{
    Trace trace;
    QStringList warnings;
    quint64 dropped = 0;
    bool sawPid = false;
};

DecodedChunks decodeChunks(const QString &directory, const ProgramEnd &end, qint64 pid)
{
    DecodedChunks result;
    ChunkReader reader(directory);
    std::vector<RawEvent> events = reader.readAll();
    result.sawPid = std::any_of(events.begin(), events.end(),
                                [pid](const RawEvent &e) { return e.pid == pid; });
    RecordingDecoder decoder;
    result.trace = decoder.decode(std::move(events), end);
    result.warnings = reader.warnings() + decoder.warnings();
    result.dropped = reader.droppedEvents();
    if (result.dropped > 0)
        result.trace = withDroppedEvents(result.trace, result.dropped);
    return result;
}

} // namespace

std::function<Trace()> ProgramRecorder::liveTraceTaker() const
{
    if (!m_dir || m_streaming)
        return [] {
            return Trace();
        };
    return [directory = m_dir->path(), end = m_end, pid = m_pid] {
        return decodeChunks(directory, end, pid).trace;
    };
}

Trace ProgramRecorder::trace()
{
    if (!m_dir)
        return {};
    // A stream is finished once, after the end (the events are in its file).
    if (m_streaming) {
        if (!isRunning() && !m_streamed)
            m_streamed = streamedTrace();
        return m_streamed.value_or(Trace());
    }
    if (m_drainer && !isRunning())
        m_drainer->stop(); // its last pass is done: every record is in a chunk
    const DecodedChunks decoded = decodeChunks(m_dir->path(), m_end, m_pid);
    m_sawRootEvents = decoded.sawPid;
    QStringList warnings = decoded.warnings;
    if (m_drainer)
        warnings += m_drainer->warnings();
    // While the program runs, its first events may simply not be drained yet.
    addWarnings(warnings, decoded.dropped > 0,
                !m_sawRootEvents && m_end.how != ProgramEnd::How::Running);
    return decoded.trace;
}

} // namespace weft::record
