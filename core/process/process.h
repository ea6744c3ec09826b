// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "framedsocket.h"
#include "queue.h"
#include "workertarget.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <source_location>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace weft {

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
    // Python's Process(target=f, args=(...)): the child runs f, a function
    // registered with workerTarget(), with these arguments, one for each of
    // f's parameters (workertarget.h says which types can cross, and how).
    // Pipe ends are moved in; a Queue is passed as itself.
    template<typename R, typename... Params, typename... Args>
    Process(QString name, R (*target)(Params...), Args &&...args)
        : Process(std::move(name), WorkerRoles::instance().nameOf(workerTargetKey(target)))
    {
        static_assert(sizeof...(Params) == sizeof...(Args),
                      "Process(name, target, args...) takes one argument per parameter of target");
        passArguments<std::tuple<std::decay_t<Params>...>>(std::index_sequence_for<Args...> {},
                                                           std::forward<Args>(args)...);
    }
    // The same by role name, with its parameters as "key=value" text.
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

    // The role the child plays and the "key=value" arguments it is given.
    QString role() const { return m_role; }
    QStringList arguments() const { return m_arguments; }

private:
    struct Endpoint
    {
        FramedSocket socket;
        QStringList channels;
    };
    template<typename ParamTuple, std::size_t... I, typename... Args>
    void passArguments(std::index_sequence<I...>, Args &&...args)
    {
        (passArgument<std::tuple_element_t<I, ParamTuple>>(int(I) + 1, std::forward<Args>(args)),
         ...);
    }
    template<typename Param, typename Arg> void passArgument(int position, Arg &&argument)
    {
        if constexpr (std::is_same_v<Param, Connection>) {
            static_assert(!std::is_lvalue_reference_v<Arg>,
                          "a pipe end is moved into the process: std::move(end)");
            pass(std::forward<Arg>(argument));
        } else if constexpr (std::is_same_v<Param, QueueClient>) {
            static_assert(std::is_same_v<std::decay_t<Arg>, Queue>,
                          "a QueueClient parameter is given the Queue itself");
            pass(argument);
        } else if constexpr (std::is_same_v<Param, std::vector<Connection>>) {
            static_assert(!std::is_lvalue_reference_v<Arg>,
                          "pipe ends are moved into the process: std::move(ends)");
            m_arguments << assignment(position, QString::number(argument.size()));
            for (Connection &end : argument)
                pass(std::move(end));
        } else {
            m_arguments << assignment(
                position, TargetValue<Param>::encode(Param(std::forward<Arg>(argument))));
        }
    }
    static QString assignment(int position, const QString &value);
    void readUntilExit(int eventsFd, int stderrFd);
    void recordExit(int status, const QByteArray &stderrTail, const QString &streamError,
                    const std::vector<quint32> &unfinishedThreads, bool cancelled);

    const QString m_name;
    const QString m_role;
    QStringList m_arguments;
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
