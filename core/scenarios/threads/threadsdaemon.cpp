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
//     print("main: done, returning")        # main returns; the process exits
//
// With daemon=True the interpreter exits as soon as main returns and the
// daemon thread dies mid-sleep; with daemon=False it first waits for the thread.
//
// Weft's own process must outlive every run, so the script runs in a child:
// this program again, started as a worker, running script() from this file
// (registered once under a name, see the factory at the end). A thread made
// with processThread() belongs to that process, as a Python thread belongs to
// its interpreter, so script() can return while the thread still sleeps.

#include "core/process/process.h"
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "threadscenarios.h"

#include <QCoreApplication>
#include <chrono>

namespace weft {
namespace {

// The translation context of the lesson's strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ThreadsDaemonScenario)
};

const QString kBackgroundName = QStringLiteral("Background");

void background(std::chrono::milliseconds daemonTime)
{
    sleepFor(daemonTime);
    print(Tr::tr("background: finished"));
}

// What the child process runs.
void script(bool daemon, std::chrono::milliseconds daemonTime, std::chrono::milliseconds mainTime)
{
    Thread &t = processThread(kBackgroundName, background, daemonTime);
    t.setDaemon(daemon);
    t.start();
    sleepFor(mainTime);
    print(Tr::tr("main: done, returning"));
}

// What the check reads: where the child's lanes are, and how it ended.
struct ChildRun
{
    quint32 process = 0, mainLane = 0;
    int exitCode = 0;
    QString error; // empty if it exited normally
};

ChildRun daemonInAChild(bool daemon, std::chrono::milliseconds daemonTime,
                        std::chrono::milliseconds mainTime)
{
    Process child(Tr::tr("daemon demo"), script, daemon, daemonTime, mainTime);
    child.start();
    child.join();
    return {child.processId(), child.mainActor(), child.exitCode(), child.errorMessage()};
}

// The check, read from what the child's threads recorded: did the background
// thread print, and did the process exit before it was due to wake up?
Outcome daemonOutcome(bool daemon, const ChildRun &child, const Trace &trace)
{
    quint32 background = 0;
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        if (trace.actor(a).process == child.process && trace.actor(a).name == kBackgroundName)
            background = a;
    }
    bool printed = false;
    qint64 wakeUpNs = 0, exitNs = 0;
    for (const Event &e : trace.events()) {
        if (e.actor == background && e.kind == EventKind::Print)
            printed = true;
        else if (e.actor == background && e.kind == EventKind::SleepBegin)
            wakeUpNs = e.timeNs + e.value;
        else if (e.actor == child.mainLane && e.kind == EventKind::ProcessExit)
            exitNs = e.timeNs;
    }

    Outcome outcome;
    outcome.setValue(QStringLiteral("daemon"), daemon);
    outcome.setValue(QStringLiteral("background_printed"), printed);
    outcome.setValue(QStringLiteral("exit_before_wakeup"), background && exitNs < wakeUpNs);
    outcome.setValue(QStringLiteral("exit_code"), child.exitCode);
    if (!child.error.isEmpty() || !background) {
        outcome.status = Outcome::Status::Failed;
        outcome.summary = Tr::tr("The child process failed: %1").arg(child.error);
    } else {
        outcome.summary = daemonExitSummary(daemon, printed, exitNs, wakeUpNs);
    }
    return outcome;
}

} // namespace

QString daemonExitSummary(bool daemon, bool printed, qint64 exitNs, qint64 wakeUpNs)
{
    if (!daemon)
        return Tr::tr("The process stayed alive until the non-daemon thread finished and "
                      "printed, then exited.");
    // With main_ms close to daemon_ms, the exit can come just after the
    // wake-up was due but before the print: no negative "ms before" then.
    if (printed)
        return Tr::tr("The daemon thread printed before the process exited (main "
                      "worked at least as long as it slept).");
    if (exitNs < wakeUpNs)
        return Tr::tr("The process exited %1 ms before the daemon thread was due to "
                      "wake up; the daemon's print never happened.")
            .arg((wakeUpNs - exitNs) / 1000000);
    return Tr::tr("The process exited as the daemon thread was waking up, before "
                  "it could print; the daemon's print never happened.");
}

namespace {

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
        return QStringLiteral(":/scenarios/threads/threadsdaemon.cpp");
    }
    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        const bool daemon = p.boolean(QStringLiteral("daemon"));
        const ChildRun child = daemonInAChild(
            daemon, std::chrono::milliseconds(p.integer(QStringLiteral("daemon_ms"))),
            std::chrono::milliseconds(p.integer(QStringLiteral("main_ms"))));
        context.setOutcome(daemonOutcome(daemon, child, context.recorder().snapshot()));
    }
};

} // namespace

std::unique_ptr<Scenario> makeThreadsDaemonScenario()
{
    // Here, so that the parent (which starts the child) and the child (which
    // builds the catalogue) both know script() by this name.
    WorkerRoles::instance().add(workerTarget(QStringLiteral("threads-daemon"), script));
    return std::make_unique<ThreadsDaemonScenario>();
}

} // namespace weft
