// SPDX-License-Identifier: MIT
#include "process.h"

#include "connection.h"
#include "core/cancelled.h"
#include "core/runcontext.h"
#include "eventstreamreader.h"
#include "queue.h"
#include "workerhost.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Process)
};

// Descriptors the child receives are first moved above every number the
// child uses (0..3 and the endpoints), so one dup2 never clobbers another's source.
constexpr int kHighFd = 64;
constexpr int kPollSliceMs = 10;
constexpr qsizetype kStderrTailBytes = 4096;

std::mutex g_executableMutex;
QString g_executable;

QString lastLines(const QByteArray &text, int count)
{
    QStringList lines = QString::fromLocal8Bit(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QStringLiteral(" / ")).trimmed();
}

void appendEvent(Recorder &recorder, qint64 timeNs, EventKind kind, quint32 actor, qint64 value,
                 const QString &text, quint8 flags, quint16 site = 0)
{
    Event e;
    e.timeNs = timeNs;
    e.kind = kind;
    e.actor = actor;
    e.value = value;
    e.text = recorder.intern(text);
    e.flags = flags;
    e.site = site;
    recorder.append(e);
}
} // namespace

Process::Process(QString name, QString role, QStringList arguments)
    : m_name(std::move(name))
    , m_role(std::move(role))
    , m_arguments(std::move(arguments))
{
}

Process::~Process()
{
    if (!m_reader.joinable())
        return;
    {
        std::unique_lock lock(m_mutex);
        if (!m_finished)
            m_killRequested.store(true);
        m_exited.wait(lock, [this] { return m_finished; });
    }
    m_reader.join();
}

QString Process::assignment(int position, const QString &value)
{
    return targetArgumentKey(position) + QLatin1Char('=') + value;
}

void Process::setWorkerExecutable(const QString &path)
{
    std::lock_guard lock(g_executableMutex);
    g_executable = path;
}

QString Process::workerExecutable()
{
    {
        std::lock_guard lock(g_executableMutex);
        if (!g_executable.isEmpty())
            return g_executable;
    }
    const QString fromEnvironment = qEnvironmentVariable("WEFT_EXECUTABLE");
    return fromEnvironment.isEmpty() ? QCoreApplication::applicationFilePath() : fromEnvironment;
}

void Process::pass(Connection &&end)
{
    if (m_started)
        throw std::logic_error("weft::Process::pass() after start()");
    m_sharedObjects.insert(end.sendChannel(), end.sendObject());
    m_sharedObjects.insert(end.recvChannel(), end.recvObject());
    QStringList channels {end.sendChannel(), end.recvChannel()};
    m_endpoints.push_back({end.takeSocket(), channels});
}

void Process::pass(Queue &queue)
{
    if (m_started)
        throw std::logic_error("weft::Process::pass() after start()");
    m_sharedObjects.insert(queue.name(), queue.object());
    m_endpoints.push_back({queue.connectRemote(), {queue.name()}});
}

void Process::start(std::source_location location)
{
    RunContext *context = &RunContext::require("weft::Process::start()");
    if (m_started)
        throw std::logic_error("weft::Process started twice");
    context->passGate(EventKind::ProcessStart, 0, Tr::tr("start process %1").arg(m_name), location);
    m_context = context;
    Recorder &recorder = context->recorder();

    int eventsPipe[2];
    int stderrPipe[2];
    if (::pipe2(eventsPipe, O_CLOEXEC) != 0)
        throw std::runtime_error("out of file descriptors");
    if (::pipe2(stderrPipe, O_CLOEXEC) != 0) {
        ::close(eventsPipe[0]);
        ::close(eventsPipe[1]);
        throw std::runtime_error("out of file descriptors");
    }
    std::vector<int> toClose {eventsPipe[1], stderrPipe[1]};
    auto high = [&toClose](int fd) {
        const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, kHighFd);
        toClose.push_back(moved);
        return moved;
    };

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    const int childStderr = high(stderrPipe[1]);
    posix_spawn_file_actions_adddup2(&actions, childStderr, 1);
    posix_spawn_file_actions_adddup2(&actions, childStderr, 2);
    posix_spawn_file_actions_adddup2(&actions, high(eventsPipe[1]), WorkerHost::kEventStreamFd);
    QStringList arguments {QStringLiteral("--worker"), m_role};
    for (std::size_t i = 0; i < m_endpoints.size(); ++i) {
        const int target = WorkerHost::kFirstEndpointFd + int(i);
        posix_spawn_file_actions_adddup2(&actions, high(m_endpoints[i].socket.fd()), target);
        arguments << QStringLiteral("--endpoint")
                  << WorkerHost::endpointArgument(target, m_endpoints[i].channels);
    }
    arguments << m_arguments;

    // The child starts with no blocked signals and default dispositions,
    // whatever this process set up for itself.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    const QByteArray program = QFile::encodeName(workerExecutable());
    std::vector<QByteArray> argumentBytes {program};
    for (const QString &a : arguments)
        argumentBytes.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    argv.reserve(argumentBytes.size() + 1);
    for (QByteArray &a : argumentBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    const qint64 startNs = Recorder::nowNs();
    pid_t pid = 0;
    const int spawnError
        = ::posix_spawn(&pid, program.constData(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    for (int fd : toClose)
        ::close(fd);
    m_endpoints
        .clear(); // the child has its copies; ours would hide the child's exit from its peers
    if (spawnError != 0) {
        ::close(eventsPipe[0]);
        ::close(stderrPipe[0]);
        const QString message = Tr::tr("Could not start process %1 (%2): %3")
                                    .arg(m_name, QString::fromLocal8Bit(program),
                                         QString::fromLocal8Bit(std::strerror(spawnError)));
        context->record(EventKind::Error, location, 0, 0, recorder.intern(message), Abnormal);
        throw std::runtime_error(message.toStdString());
    }

    m_pid = pid;
    m_processId = recorder.addProcess({qint64(pid), m_name});
    ActorInfo main;
    main.name = QStringLiteral("MainThread");
    main.process = m_processId;
    main.isMainThread = true;
    m_mainActor = recorder.addActor(main);
    const quint16 site = recorder.site(location);
    appendEvent(recorder, startNs, EventKind::ThreadSpawn, RunContext::currentActor(), m_mainActor,
                {}, NoFlags, site);
    appendEvent(recorder, startNs, EventKind::ProcessStart, m_mainActor, pid, m_name, NoFlags,
                site);
    {
        std::lock_guard lock(m_mutex);
        m_started = true;
    }
    m_reader = std::thread(
        [this, events = eventsPipe[0], errors = stderrPipe[0]] { readUntilExit(events, errors); });
}

void Process::readUntilExit(int eventsFd, int stderrFd)
{
    EventStreamReader stream(m_context->recorder(), m_processId, m_mainActor, m_sharedObjects);
    QByteArray stderrTail;
    QString streamError;
    bool killed = false;
    auto killIfAsked = [&] {
        if (!killed && (m_killRequested.load() || m_context->isCancelled())) {
            ::kill(pid_t(m_pid), SIGKILL);
            killed = true;
        }
    };

    int fds[2] = {eventsFd, stderrFd};
    std::vector<char> buffer(64 * 1024);
    while (fds[0] >= 0 || fds[1] >= 0) {
        pollfd polled[2];
        int count = 0;
        for (int fd : fds) {
            if (fd >= 0)
                polled[count++] = {fd, POLLIN, 0};
        }
        ::poll(polled, nfds_t(count), kPollSliceMs);
        for (int k = 0; k < count; ++k) {
            if (!polled[k].revents)
                continue;
            const ssize_t n = ::read(polled[k].fd, buffer.data(), buffer.size());
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            const bool isEvents = polled[k].fd == fds[0];
            if (n <= 0) {
                ::close(polled[k].fd);
                fds[isEvents ? 0 : 1] = -1;
                continue;
            }
            const QByteArray bytes(buffer.data(), qsizetype(n));
            if (isEvents) {
                if (!stream.feed(bytes) && streamError.isEmpty())
                    streamError = stream.error();
            } else {
                stderrTail = (stderrTail + bytes).right(kStderrTailBytes);
            }
        }
        killIfAsked();
    }

    int status = 0;
    for (;;) {
        const pid_t reaped = ::waitpid(pid_t(m_pid), &status, WNOHANG);
        if (reaped == pid_t(m_pid))
            break;
        if (reaped < 0 && errno != EINTR) {
            status = -1;
            break;
        }
        killIfAsked();
        ::usleep(2000);
    }
    // A cancelled run also unwinds through ~Process, which asks for the kill
    // too; the cancel is the reason worth telling.
    recordExit(status, stderrTail, streamError, stream.unfinishedThreads(),
               killed && m_context->isCancelled());
    m_exited.notify_all();
}

void Process::recordExit(int status, const QByteArray &stderrTail, const QString &streamError,
                         const std::vector<quint32> &unfinishedThreads, bool cancelled)
{
    Recorder &recorder = m_context->recorder();
    const qint64 now = Recorder::nowNs();
    for (quint32 actor : unfinishedThreads) {
        appendEvent(recorder, now, EventKind::Mark, actor, 0,
                    Tr::tr("killed: its process exited while this thread was still running"),
                    Abnormal);
        appendEvent(recorder, now, EventKind::ThreadEnd, actor, 0, {}, Abnormal);
    }

    int code = -1;
    QString error;
    const QString who = Tr::tr("Process %1 (pid %2)").arg(m_name).arg(m_pid);
    if (status != -1 && WIFEXITED(status)) {
        code = WEXITSTATUS(status);
        if (code != 0)
            error = Tr::tr("%1 exited with code %2").arg(who).arg(code);
    } else if (status != -1 && WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        code = 128 + signal;
        const QString signalName = QString::fromLocal8Bit(::strsignal(signal));
        if (cancelled)
            error = Tr::tr("%1 was killed because the run was cancelled").arg(who);
        else if (m_killRequested.load())
            error = Tr::tr("%1 was killed (signal %2, %3)").arg(who).arg(signal).arg(signalName);
        else
            error = Tr::tr("%1 crashed: signal %2 (%3)").arg(who).arg(signal).arg(signalName);
    } else {
        error = Tr::tr("%1 could not be waited for").arg(who);
    }
    const QString detail = lastLines(stderrTail, 3);
    if (!error.isEmpty() && !detail.isEmpty())
        error += QStringLiteral(": ") + detail;
    if (!streamError.isEmpty())
        appendEvent(recorder, now, EventKind::Error, m_mainActor, 0,
                    Tr::tr("The event stream of %1 was malformed (%2); later events are missing.")
                        .arg(who, streamError),
                    Abnormal);
    if (!error.isEmpty())
        appendEvent(recorder, now, EventKind::Error, m_mainActor, code, error, Abnormal);
    appendEvent(recorder, now, EventKind::ProcessExit, m_mainActor, code, {},
                error.isEmpty() ? NoFlags : Abnormal);

    std::lock_guard lock(m_mutex);
    m_exitCode = code;
    m_normal = error.isEmpty();
    m_error = error;
    m_finished = true;
}

void Process::join(std::source_location location)
{
    if (!m_started)
        return;
    RunContext *context = RunContext::current();
    if (context) {
        context->passGate(EventKind::JoinWait, 0, Tr::tr("join process %1").arg(m_name), location);
        context->record(EventKind::JoinWait, location, 0, m_mainActor);
    }
    {
        std::unique_lock lock(m_mutex);
        while (!m_finished) {
            m_exited.wait_for(lock, std::chrono::milliseconds(5));
            if (!m_finished && context && context->isCancelled())
                throw Cancelled {};
        }
    }
    if (m_reader.joinable())
        m_reader.join();
    if (context)
        context->record(EventKind::JoinDone, location, 0, m_mainActor);
}

void Process::kill()
{
    m_killRequested.store(true);
}

bool Process::isAlive() const
{
    std::lock_guard lock(m_mutex);
    return m_started && !m_finished;
}

int Process::exitCode() const
{
    std::lock_guard lock(m_mutex);
    return m_exitCode;
}

bool Process::exitedNormally() const
{
    std::lock_guard lock(m_mutex);
    return m_finished && m_normal;
}

QString Process::errorMessage() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

} // namespace weft
