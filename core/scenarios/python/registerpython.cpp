// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "pythonlesson.h"
#include "pythonlessonchecks.h"

#include <QtGlobal>

namespace weft {

void registerPythonScenarios(ScenarioRegistry &registry)
{
    struct Twin
    {
        const char *cppId;
        const char *script;
        PythonLessonCheck check;
        QStringList parameters; // the twin's parameters the script takes; empty: all
        const char *explanation = nullptr; // where CPython differs from the twin's text
    };
    const Twin twins[] = {
        {"threads.create", "threads_create.py", pythonchecks::threadsCreate, {}},
        {"threads.subclass", "threads_subclass.py", pythonchecks::threadsSubclass, {}},
        {"threads.identity", "threads_identity.py", pythonchecks::threadsIdentity, {}},
        {"threads.join", "threads_join.py", pythonchecks::threadsJoin, {}},
        {"threads.daemon", "threads_daemon.py", pythonchecks::threadsDaemon, {}},
        // Each thread adds ten times: the twin's 100 by 200 threads, every locked
        // increment recorded, would take the interpreter seconds.
        {"locks.counter",
         "locks_counter.py",
         pythonchecks::locksCounter,
         {QStringLiteral("threads"), QStringLiteral("mode"), QStringLiteral("yield")}},
        {"gil.cpu", "gil_cpu.py", pythonchecks::gilCpu, {}},
        // Blocking sockets on 127.0.0.1 only: no host, port or timeout to set.
        {"socket.client",
         "socket_client.py",
         pythonchecks::socketClient,
         {QStringLiteral("request"), QStringLiteral("max_bytes")}},
        {"socket.server",
         "socket_server.py",
         pythonchecks::socketServer,
         {QStringLiteral("clients")}},
        {"process.queue",
         "process_queue.py",
         pythonchecks::processQueue,
         {},
         QT_TRANSLATE_NOOP(
             "PythonLesson",
             "Producer processes put messages on a bounded multiprocessing.Queue "
             "and consumer processes take them off. Each put is an arrow to the get "
             "that took its item, labelled with it, from one process to another. A "
             "producer blocks while the queue is full (on the queue's own "
             "semaphore, drawn as blocked on a lock) and a consumer while it is empty; "
             "a thread in "
             "each producer, the queue's feeder, writes the items into its pipe.")},
        {"process.pipe", "process_pipe.py", pythonchecks::processPipe, {}},
        {"process.manager",
         "process_manager.py",
         pythonchecks::processManager,
         {},
         QT_TRANSLATE_NOOP("PythonLesson",
                           "Processes cannot share a variable, so one process, the manager, holds "
                           "a shared dict and the workers send it requests through proxies. "
                           "shared[\"counter\"] += 1 is a get and a set, so each update is done "
                           "under the manager's lock: acquire, get, set, release, four round "
                           "trips, each a request arrow to the manager's thread for that "
                           "connection and a reply arrow back. Under the lock the final value is "
                           "exactly workers × updates.")},
    };
    for (const Twin &twin : twins) {
        const Scenario *cpp = registry.find(QLatin1String(twin.cppId));
        if (!cpp)
            throw std::logic_error(std::string("no C++ lesson ") + twin.cppId + " to twin");
        auto lesson = std::make_unique<PythonLesson>(*cpp, QLatin1String(twin.script), twin.check,
                                                     twin.parameters);
        if (twin.explanation)
            lesson->setOwnExplanation(twin.explanation);
        registry.add(std::move(lesson));
    }
}

} // namespace weft
