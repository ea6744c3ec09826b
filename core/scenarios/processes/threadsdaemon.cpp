// SPDX-License-Identifier: MIT
// threads.daemon — a daemon thread does not keep its process alive.
//
// The Python this mirrors, run in a child process so its exit can be watched:
//     def background():
//         time.sleep(daemon_s)
//         print("background: finished")     # never printed when daemon=True
//     t = threading.Thread(target=background, daemon=daemon)
//     t.start()
//     time.sleep(main_s)
//     print("main: done")                   # main returns; the process exits
//
// With daemon=True the interpreter exits as soon as main returns and the
// daemon thread dies mid-sleep; with daemon=False it first waits for the thread.

#include "core/process/process.h"
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>

namespace weft {
namespace {

const QString kRole = QStringLiteral("threads-daemon");
const QString kBackgroundName = QStringLiteral("Background");

// The child process's main function.
int daemonDemo(WorkerContext &worker)
{
    const bool daemon = worker.parameters().boolean(QStringLiteral("daemon"));
    const auto daemonTime
        = std::chrono::milliseconds(worker.parameters().integer(QStringLiteral("daemon_ms")));
    const auto mainTime
        = std::chrono::milliseconds(worker.parameters().integer(QStringLiteral("main_ms")));

    Thread &background = worker.adoptThread(std::make_unique<Thread>(kBackgroundName, [daemonTime] {
        sleepFor(daemonTime);
        print(QCoreApplication::translate("ThreadsDaemonScenario", "background: finished"));
    }));
    background.setDaemon(daemon);
    background.start();
    sleepFor(mainTime);
    print(QCoreApplication::translate("ThreadsDaemonScenario", "main: done, returning"));
    return 0; // the worker host now waits for non-daemon threads only, then exits
}

class ThreadsDaemonScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsDaemonScenario)
public:
    QString id() const override { return QStringLiteral("threads.daemon"); }
    Topic topic() const override { return Topic::Threads; }
    QString title() const override { return tr("A daemon thread does not keep its process alive"); }
    QString explanation() const override
    {
        return tr("A child process starts a background thread that sleeps and then prints, while "
                  "its main thread returns sooner. As a daemon, the thread dies with the process: "
                  "the process exits while it sleeps and its print never happens. Turn daemon off "
                  "and the process waits for the thread to finish and print before it exits.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {
            ParameterSpec::boolean(QStringLiteral("daemon"), tr("Daemon thread"), true,
                                   tr("Whether the background thread is a daemon")),
            ParameterSpec::integer(QStringLiteral("daemon_ms"), tr("Background sleep (ms)"), 3000,
                                   0, 60000,
                                   tr("How long the background thread sleeps before it prints")),
            ParameterSpec::integer(QStringLiteral("main_ms"), tr("Main work (ms)"), 1000, 0, 60000,
                                   tr("How long the main thread works before it returns"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/processes/threadsdaemon.cpp");
    }

    void run(RunContext &context) const override
    {
        const auto &p = context.parameters();
        const bool daemon = p.boolean(QStringLiteral("daemon"));
        Process child(tr("daemon demo"), kRole,
                      {QStringLiteral("daemon=%1").arg(daemon ? "true" : "false"),
                       QStringLiteral("daemon_ms=%1").arg(p.integer(QStringLiteral("daemon_ms"))),
                       QStringLiteral("main_ms=%1").arg(p.integer(QStringLiteral("main_ms")))});
        child.start();
        child.join();

        // The outcome is read from what the child's threads recorded.
        const Trace trace = context.recorder().snapshot();
        quint32 background = 0;
        for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
            if (trace.actor(a).process == child.processId()
                && trace.actor(a).name == kBackgroundName)
                background = a;
        }
        bool printed = false;
        qint64 wakeUpNs = 0, exitNs = 0;
        for (const Event &e : trace.events()) {
            if (e.actor == background && e.kind == EventKind::Print)
                printed = true;
            else if (e.actor == background && e.kind == EventKind::SleepBegin)
                wakeUpNs = e.timeNs + e.value;
            else if (e.actor == child.mainActor() && e.kind == EventKind::ProcessExit)
                exitNs = e.timeNs;
        }

        Outcome outcome;
        outcome.setValue(QStringLiteral("daemon"), daemon);
        outcome.setValue(QStringLiteral("background_printed"), printed);
        outcome.setValue(QStringLiteral("exit_before_wakeup"), background && exitNs < wakeUpNs);
        outcome.setValue(QStringLiteral("exit_code"), child.exitCode());
        if (!child.exitedNormally() || !background) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = tr("The child process failed: %1").arg(child.errorMessage());
        } else if (daemon) {
            // With main_ms close to daemon_ms, the exit can come just after the
            // wake-up was due but before the print: no negative "ms before" then.
            if (printed)
                outcome.summary = tr("The daemon thread printed before the process exited (main "
                                     "worked at least as long as it slept).");
            else if (exitNs < wakeUpNs)
                outcome.summary = tr("The process exited %1 ms before the daemon thread was due to "
                                     "wake up; the daemon's print never happened.")
                                      .arg((wakeUpNs - exitNs) / 1000000);
            else
                outcome.summary
                    = tr("The process exited as the daemon thread was waking up, before "
                         "it could print; the daemon's print never happened.");
        } else {
            outcome.summary
                = tr("The process stayed alive until the non-daemon thread finished and "
                     "printed, then exited.");
        }
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsDaemonScenario()
{
    return std::make_unique<ThreadsDaemonScenario>();
}

QList<WorkerRole> threadsDaemonWorkerRoles()
{
    return {{kRole,
             {ParameterSpec::boolean(QStringLiteral("daemon"), QStringLiteral("daemon"), true),
              ParameterSpec::integer(QStringLiteral("daemon_ms"), QStringLiteral("daemon_ms"), 3000,
                                     0, 60000),
              ParameterSpec::integer(QStringLiteral("main_ms"), QStringLiteral("main_ms"), 1000, 0,
                                     60000)},
             daemonDemo}};
}

} // namespace weft
