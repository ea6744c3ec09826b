// SPDX-License-Identifier: MIT
// The outcomes of the Python threads lessons, read from the recorded interpreter.
#include "checksupport.h"
#include "core/scenarios/threads/threadscenarios.h"
#include "pythonlessonchecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace weft::pythonchecks {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonLessonChecks)
};

} // namespace

Outcome threadsCreate(const Trace &trace, const ParameterValues &parameters)
{
    const int expected = int(parameters.integer(QStringLiteral("threads")));
    const std::vector<quint32> threads = startedThreads(trace);
    const int started = int(threads.size());
    const int ended = countOn(trace, EventKind::ThreadEnd, threads);
    const int printed = countOn(trace, EventKind::Print, threads);
    Outcome outcome
        = completedIf(started == expected && ended == expected && printed == expected,
                      Tr::tr("%n thread(s) started, ran and were joined.", nullptr, started),
                      Tr::tr("%1 of %2 threads started, %3 ended and %4 printed.")
                          .arg(started)
                          .arg(expected)
                          .arg(ended)
                          .arg(printed));
    outcome.setValue(QStringLiteral("threads"), started);
    outcome.setValue(QStringLiteral("prints"), printed);
    return outcome;
}

Outcome threadsSubclass(const Trace &trace, const ParameterValues &parameters)
{
    const int steps = int(parameters.integer(QStringLiteral("steps")));
    const quint32 alpha = threadNamed(trace, QStringLiteral("Alpha"));
    const quint32 beta = threadNamed(trace, QStringLiteral("Beta"));
    // run() ran in the new thread: each step's print is on the worker's own lane.
    const int alphaSteps = countOn(trace, EventKind::Print, alpha);
    const int betaSteps = countOn(trace, EventKind::Print, beta);
    const int ended = countOn(trace, EventKind::ThreadEnd, {alpha, beta});
    Outcome outcome = completedIf(
        alpha && beta && alphaSteps == steps && betaSteps == steps && ended == 2,
        Tr::tr("Two Worker threads ran their own run(): Alpha did %1 steps, Beta did %2.")
            .arg(alphaSteps)
            .arg(betaSteps),
        Tr::tr("Of %1 steps each, Alpha printed %2 on its lane and Beta %3; %4 of the two "
               "threads ended.")
            .arg(steps)
            .arg(alphaSteps)
            .arg(betaSteps)
            .arg(ended));
    outcome.setValue(QStringLiteral("alpha_steps"), alphaSteps);
    outcome.setValue(QStringLiteral("beta_steps"), betaSteps);
    return outcome;
}

Outcome threadsIdentity(const Trace &trace, const ParameterValues &parameters)
{
    const int expected = int(parameters.integer(QStringLiteral("threads")));
    std::vector<quint32> lanes = startedThreads(trace);
    const int started = int(lanes.size());
    lanes.insert(lanes.begin(), mainThread(trace));

    // Each thread says who it is; what it says must be what labels its lane.
    Outcome outcome;
    QStringList listed;
    QList<qint64> nativeIds;
    int matching = 0;
    for (const quint32 lane : lanes) {
        const ActorInfo info = trace.actor(lane);
        const std::vector<Event> prints = eventsOn(trace, EventKind::Print, lane);
        const QString said = QStringLiteral("%1: native id %2").arg(info.name).arg(info.nativeId);
        if (lane && prints.size() == 1 && trace.text(prints.front().text).trimmed() == said
            && !nativeIds.contains(info.nativeId))
            ++matching;
        nativeIds.append(info.nativeId);
        listed << Tr::tr("%1 (id %2)").arg(info.name).arg(info.nativeId);
        outcome.setValue(info.name, info.nativeId);
    }
    const int threadCount = int(lanes.size());
    const bool ok = started == expected && matching == threadCount;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary = ok
        ? Tr::tr("%n thread(s), each with its own name and native id: %1.", nullptr, threadCount)
              .arg(listed.join(QStringLiteral(", ")))
        : Tr::tr("%1 of %2 threads printed the name and native id their lane shows, once: %3.")
              .arg(matching)
              .arg(expected + 1)
              .arg(listed.join(QStringLiteral(", ")));
    return outcome;
}

Outcome threadsJoin(const Trace &trace, const ParameterValues &parameters)
{
    const bool joined = parameters.boolean(QStringLiteral("join"));
    const qint64 tick = std::max<qint64>(1, parameters.integer(QStringLiteral("tick_ms")));
    const auto ticksFor = [&](const char *key) {
        return int(std::max<qint64>(1, parameters.integer(QLatin1String(key)) / tick));
    };
    const int workerTicks = ticksFor("worker_ms"), mainTicks = ticksFor("main_ms");

    const quint32 main = mainThread(trace);
    const quint32 worker = threadNamed(trace, QStringLiteral("Worker"));
    const std::map<quint32, StateLock> stateLocks = threadStateLocks(trace);
    const qint64 finishedNs = threadFinishedNs(trace, stateLocks, worker);
    const quint32 stateLock = threadStateLock(stateLocks, worker);
    // t.join() is main's wait, at that line, for the worker's thread-state lock.
    const qint64 waitedMs = waitedFor(trace, main, stateLock, true) / 1000000;
    // Without join(), the interpreter waits for the non-daemon worker as it exits.
    const qint64 exitWaitMs = waitedFor(trace, main, stateLock, false) / 1000000;
    const int workerPrints = countOn(trace, EventKind::Print, worker);
    const std::vector<Event> mainPrints = eventsOn(trace, EventKind::Print, main);
    const int interleaved
        = int(std::count_if(mainPrints.begin(), mainPrints.end(),
                            [&](const Event &e) { return e.timeNs < finishedNs; }));
    const int mainCount = int(mainPrints.size());

    Outcome outcome;
    const bool ok = worker && finishedNs >= 0 && workerPrints == workerTicks
        && mainCount == mainTicks && (!joined || interleaved == 0);
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    if (!ok) {
        outcome.summary = Tr::tr("The worker printed %1 of %2 ticks and main %3 of %4; %5 "
                                 "main-loop prints came while the worker was still running.")
                              .arg(workerPrints)
                              .arg(workerTicks)
                              .arg(mainCount)
                              .arg(mainTicks)
                              .arg(interleaved);
    } else if (joined) {
        outcome.summary = Tr::tr("main waited %1 ms in join(); %2 of %3 main-loop prints came "
                                 "after the worker had finished.")
                              .arg(waitedMs)
                              .arg(mainCount - interleaved)
                              .arg(mainCount);
    } else {
        outcome.summary = Tr::tr("Without join() %1 of %2 main-loop prints happened while the "
                                 "worker was still running.")
                              .arg(interleaved)
                              .arg(mainCount);
        if (exitWaitMs > 0)
            outcome.summary += QLatin1Char(' ')
                + Tr::tr("As it exited, the interpreter waited %1 ms for the worker, a non-daemon "
                         "thread.")
                      .arg(exitWaitMs);
    }
    outcome.setValue(QStringLiteral("joined"), joined ? 1 : 0);
    outcome.setValue(QStringLiteral("join_wait_ms"), joined ? waitedMs : 0);
    outcome.setValue(QStringLiteral("exit_wait_ms"), exitWaitMs);
    outcome.setValue(QStringLiteral("worker_prints"), workerPrints);
    outcome.setValue(QStringLiteral("main_prints"), mainCount);
    outcome.setValue(QStringLiteral("interleaved"), interleaved);
    return outcome;
}

Outcome threadsDaemon(const Trace &trace, const ParameterValues &parameters)
{
    const bool daemon = parameters.boolean(QStringLiteral("daemon"));
    const quint32 main = mainThread(trace);
    const quint32 background = threadNamed(trace, QStringLiteral("Background"));
    const bool markedDaemon = background && trace.actor(background).isDaemon;
    const bool printed = countOn(trace, EventKind::Print, background) > 0;
    // A daemon thread the interpreter's exit stops mid-sleep never ends its lane.
    const bool ended = countOn(trace, EventKind::ThreadEnd, background) > 0;
    qint64 wakeUpNs = 0, exitNs = 0, exitCode = 0;
    for (const Event &e : trace.events()) {
        if (e.actor == background && e.kind == EventKind::SleepBegin)
            wakeUpNs = e.timeNs + e.value;
        else if (e.actor == main && e.kind == EventKind::ProcessExit) {
            exitNs = e.timeNs;
            exitCode = e.value;
        }
    }
    const bool exitBeforeWakeUp = background && exitNs > 0 && exitNs < wakeUpNs;

    Outcome outcome;
    outcome.setValue(QStringLiteral("daemon"), daemon);
    outcome.setValue(QStringLiteral("marked_daemon"), markedDaemon);
    outcome.setValue(QStringLiteral("background_printed"), printed);
    outcome.setValue(QStringLiteral("background_ended"), ended);
    outcome.setValue(QStringLiteral("exit_before_wakeup"), exitBeforeWakeUp);
    outcome.setValue(QStringLiteral("exit_code"), exitCode);
    // What is certain: the lane carries the flag the script gave the thread, and
    // a non-daemon thread always prints before the process exits. (A daemon that
    // wakes as the interpreter exits is ended when it asks for the GIL back, so
    // its lane may end without a print.)
    const bool ok = background && exitNs > 0 && markedDaemon == daemon && (daemon || printed);
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    if (!ok) {
        outcome.summary = Tr::tr("The Background thread (daemon=%1) was %2 a daemon on its lane, "
                                 "%3 and %4.")
                              .arg(daemon ? QStringLiteral("True") : QStringLiteral("False"))
                              .arg(markedDaemon ? Tr::tr("marked") : Tr::tr("not marked"))
                              .arg(printed ? Tr::tr("printed") : Tr::tr("did not print"))
                              .arg(ended ? Tr::tr("ended") : Tr::tr("did not end"));
    } else {
        outcome.summary = daemonExitSummary(daemon, printed, exitNs, wakeUpNs);
        if (daemon && !ended)
            outcome.summary += QLatin1Char(' ')
                + Tr::tr("Its lane has no end: the interpreter's exit stopped it.");
    }
    return outcome;
}

} // namespace weft::pythonchecks
