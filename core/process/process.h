// SPDX-License-Identifier: MIT
#pragma once

#include "framedsocket.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <source_location>
#include <thread>
#include <vector>

namespace weft {

class Connection;
class Queue;
class RunContext;

// A traced child process (Python's multiprocessing.Process): this same
// executable started as `weft --worker <role> ...` with posix_spawn.
//
// The child streams its events back; a reader thread merges them into this
// run's trace as a process group with the child's threads inside, and draws
// the start, the exit (abnormal when it crashed, was killed or failed) and
// any thread that died with the process. Cancelling the run kills the child
// within a poll slice; the destructor kills a child still running and reaps
// it, so no zombie and no orphan is ever left. The child also dies with its
// parent (PR_SET_PDEATHSIG); Linux ties that to the thread that started it,
// so start a process from the thread that owns the Process object.
class Process
{
public:
    Process(QString name, QString role, QStringList arguments = {});
    ~Process();
    Process(const Process &) = delete;
    Process &operator=(const Process &) = delete;

    // Hands one end of a pipe, or a handle on a queue, to the child (before
    // start()). The child takes them as endpoint 0, 1, ... in this order.
    void pass(Connection &&end);
    void pass(Queue &queue);

    void start(std::source_location location = std::source_location::current());
    // Waits for the child to exit; recorded as a join on the caller's lane.
    void join(std::source_location location = std::source_location::current());
    // Asks for SIGKILL; the exit is recorded as abnormal.
    void kill();

    bool isAlive() const;
    QString name() const { return m_name; }
    qint64 pid() const { return m_pid; }
    // After the child ended: its exit code, or 128 + signal number if a signal ended it.
    int exitCode() const;
    bool exitedNormally() const;
    // Why the child ended abnormally; empty if it exited with code 0.
    QString errorMessage() const;
    // The child's main lane and process group in the trace.
    quint32 mainActor() const { return m_mainActor; }
    quint32 processId() const { return m_processId; }

    // The program started as a worker: set explicitly, else $WEFT_EXECUTABLE,
    // else this executable (QCoreApplication::applicationFilePath()).
    static void setWorkerExecutable(const QString &path);
    static QString workerExecutable();

private:
    struct Endpoint
    {
        FramedSocket socket;
        QStringList channels;
    };
    void readUntilExit(int eventsFd, int stderrFd);
    void recordExit(int status, const QByteArray &stderrTail, const QString &streamError,
                    const std::vector<quint32> &unfinishedThreads, bool cancelled);

    const QString m_name;
    const QString m_role;
    const QStringList m_arguments;
    std::vector<Endpoint> m_endpoints;
    QHash<QString, quint32> m_sharedObjects;

    RunContext *m_context = nullptr;
    qint64 m_pid = 0;
    quint32 m_processId = 0;
    quint32 m_mainActor = 0;
    std::thread m_reader;
    std::atomic<bool> m_killRequested {false};

    mutable std::mutex m_mutex;
    std::condition_variable m_exited;
    bool m_started = false;
    bool m_finished = false;
    int m_exitCode = 0;
    bool m_normal = false;
    QString m_error;
};

} // namespace weft
