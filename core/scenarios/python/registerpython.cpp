// SPDX-License-Identifier: MIT
#include "core/scenarios/catalogue.h"
#include "pythonlesson.h"
#include "pythonlessonchecks.h"

namespace weft {

void registerPythonScenarios(ScenarioRegistry &registry)
{
    struct Twin
    {
        const char *cppId;
        const char *script;
        PythonLessonCheck check;
        QStringList parameters; // the twin's parameters the script takes; empty: all
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
        {"process.queue", "process_queue.py", pythonchecks::processQueue, {}},
        {"process.pipe", "process_pipe.py", pythonchecks::processPipe, {}},
        {"process.manager", "process_manager.py", pythonchecks::processManager, {}},
    };
    for (const Twin &twin : twins) {
        const Scenario *cpp = registry.find(QLatin1String(twin.cppId));
        if (!cpp)
            throw std::logic_error(std::string("no C++ lesson ") + twin.cppId + " to twin");
        registry.add(std::make_unique<PythonLesson>(*cpp, QLatin1String(twin.script), twin.check,
                                                    twin.parameters));
    }
}

} // namespace weft
