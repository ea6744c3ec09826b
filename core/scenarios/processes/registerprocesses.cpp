// SPDX-License-Identifier: MIT
#include "core/process/workercontext.h"
#include "core/scenarios/catalogue.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <cstdlib>

namespace weft {

void registerProcessScenarios(ScenarioRegistry &registry)
{
    registry.add(makeProcessIsolationScenario());
    registry.add(makeProcessQueueScenario());
    registry.add(makeProcessPipeScenario());
    registry.add(makeProcessManagerScenario());
    for (const WorkerRole &role : diagnosticWorkerRoles())
        WorkerRoles::instance().add(role);
}

QList<WorkerRole> diagnosticWorkerRoles()
{
    WorkerRole sleeper {
        QStringLiteral("sleep"),
        {ParameterSpec::integer(QStringLiteral("ms"), QStringLiteral("ms"), 1000, 0, 3600000)},
        [](WorkerContext &worker) {
            sleepFor(std::chrono::milliseconds(worker.parameters().integer(QStringLiteral("ms"))));
            return 0;
        }};
    WorkerRole crasher {QStringLiteral("abort"), {}, [](WorkerContext &) -> int {
                            print(QStringLiteral("about to abort"));
                            // Let the event stream carry the print before the crash.
                            sleepFor(std::chrono::milliseconds(50));
                            std::abort();
                        }};
    return {sleeper, crasher};
}

QByteArray taggedMessage(const QString &tag, int size)
{
    QByteArray message = tag.toUtf8() + ' ';
    for (int i = 0; message.size() < size; ++i)
        message += char('a' + i % 26);
    return message;
}

} // namespace weft
