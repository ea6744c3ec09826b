// SPDX-License-Identifier: MIT
#include "pythonlessonchecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <map>
#include <thread>
#include <vector>

namespace weft::pythonchecks {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonLessonChecks)
};

// The threads the script started itself: every lane of the interpreter's
// process but its main thread, in the order they started.
std::vector<quint32> startedThreads(const Trace &trace)
{
    std::vector<quint32> threads;
    for (const Event &e : trace.eventsOfKind(EventKind::ThreadStart)) {
        const ActorInfo info = trace.actor(e.actor);
        if (!info.isMainThread && info.process == 1)
            threads.push_back(e.actor);
    }
    return threads;
}

// The interpreter's main thread's lane; 0 if it has none.
quint32 mainThread(const Trace &trace)
{
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        const ActorInfo info = trace.actor(a);
        if (info.process == 1 && info.isMainThread)
            return a;
    }
    return 0;
}

std::vector<Event> eventsOn(const Trace &trace, EventKind kind, quint32 actor)
{
    std::vector<Event> events = trace.eventsOfKind(kind);
    std::erase_if(events, [&](const Event &e) { return e.actor != actor; });
    return events;
}

// The lane of the interpreter's thread named `name` (threading.Thread's name); 0 if none.
quint32 threadNamed(const Trace &trace, const QString &name)
{
    for (quint32 a = 1; a <= quint32(trace.actorCount()); ++a) {
        const ActorInfo info = trace.actor(a);
        if (info.process == 1 && info.name == name)
            return a;
    }
    return 0;
}

// CPython's thread-state lock of a thread: the lock the thread takes as it
// starts, outside the script's lines, and holds until its run is over.
// join() waits for it and is_alive() is true while it is held, so a join()
// shows as a wait for this lock (an unnamed "sem N"). Of the locks a thread
// takes outside the script, the one it holds longest.
struct StateLock
{
    quint32 lock = 0;
    qint64 releasedNs = -1; // -1: still held when the trace ends
};

// The thread-state lock of every lane that took a lock outside the script, in one pass.
std::map<quint32, StateLock> threadStateLocks(const Trace &trace)
{
    struct Lane
    {
        std::map<quint32, qint64> taken; // lock -> when the thread took it
        StateLock longest;
        qint64 longestHold = -1;
        void consider(quint32 lock, qint64 hold, qint64 releasedNs)
        {
            if (hold > longestHold) {
                longest = {lock, releasedNs};
                longestHold = hold;
            }
        }
    };
    std::map<quint32, Lane> lanes;
    for (const Event &e : trace.events()) {
        if ((e.kind != EventKind::LockAcquired && e.kind != EventKind::LockReleased)
            || trace.object(e.object).kind != ObjectKind::Lock)
            continue;
        if (e.kind == EventKind::LockAcquired && e.site == 0) {
            lanes[e.actor].taken.try_emplace(e.object, e.timeNs);
        } else if (e.kind == EventKind::LockReleased) {
            const auto lane = lanes.find(e.actor);
            if (lane == lanes.end())
                continue;
            const auto taken = lane->second.taken.find(e.object);
            if (taken == lane->second.taken.end())
                continue;
            lane->second.consider(e.object, e.timeNs - taken->second, e.timeNs);
            lane->second.taken.erase(taken);
        }
    }
    std::map<quint32, StateLock> locks;
    for (auto &[actor, lane] : lanes) {
        for (const auto &[lock, since] : lane.taken) // still held when the trace ends
            lane.consider(lock, trace.endNs() - since, -1);
        locks[actor] = lane.longest;
    }
    return locks;
}

quint32 threadStateLock(const Trace &trace, quint32 thread)
{
    const std::map<quint32, StateLock> locks = threadStateLocks(trace);
    const auto found = locks.find(thread);
    return found == locks.end() ? 0 : found->second.lock;
}

// When a thread was over for the program: it let go of its thread-state lock
// (join() returns, is_alive() turns false). Its lane ends a little later, once
// CPython has torn the thread down. -1 if it never finished.
qint64 threadFinishedNs(const Trace &trace, const std::map<quint32, StateLock> &locks,
                        quint32 thread)
{
    const auto found = locks.find(thread);
    if (found != locks.end() && found->second.releasedNs >= 0)
        return found->second.releasedNs;
    const std::vector<Event> ends = eventsOn(trace, EventKind::ThreadEnd, thread);
    return ends.empty() ? -1 : ends.front().timeNs;
}

qint64 threadFinishedNs(const Trace &trace, quint32 thread)
{
    return threadFinishedNs(trace, threadStateLocks(trace), thread);
}

// How long `waiter` waited for `lock`, in total: at lines of the script
// (atScriptLines), or in the interpreter's own code (as at exit).
qint64 waitedFor(const Trace &trace, quint32 waiter, quint32 lock, bool atScriptLines)
{
    qint64 waited = 0, since = -1;
    for (const Event &e : trace.events()) {
        if (e.actor != waiter || !lock || e.object != lock)
            continue;
        if (e.kind == EventKind::LockWait)
            since = (e.site != 0) == atScriptLines ? e.timeNs : -1;
        else if (e.kind == EventKind::LockAcquired && since >= 0) {
            waited += e.timeNs - since;
            since = -1;
        }
    }
    return waited;
}

int countOn(const Trace &trace, EventKind kind, quint32 actor)
{
    const std::vector<Event> events = trace.eventsOfKind(kind);
    return int(std::count_if(events.begin(), events.end(),
                             [&](const Event &e) { return actor && e.actor == actor; }));
}

int countOn(const Trace &trace, EventKind kind, const std::vector<quint32> &actors)
{
    const std::vector<Event> events = trace.eventsOfKind(kind);
    return int(std::count_if(events.begin(), events.end(), [&](const Event &e) {
        return std::find(actors.begin(), actors.end(), e.actor) != actors.end();
    }));
}

// The bytes `kind` (PacketSend or PacketRecv) carried on the lanes `actors`.
qint64 bytesOn(const Trace &trace, EventKind kind, const std::vector<quint32> &actors)
{
    qint64 bytes = 0;
    for (const Event &e : trace.eventsOfKind(kind)) {
        if (std::find(actors.begin(), actors.end(), e.actor) != actors.end())
            bytes += e.value;
    }
    return bytes;
}

// The first match of `pattern` in what `actor` printed; empty if none.
QRegularExpressionMatch printed(const Trace &trace, quint32 actor,
                                const QRegularExpression &pattern)
{
    for (const Event &e : eventsOn(trace, EventKind::Print, actor)) {
        QRegularExpressionMatch match = pattern.match(trace.text(e.text).trimmed());
        if (match.hasMatch())
            return match;
    }
    return {};
}

Outcome completedIf(bool ok, const QString &summary, const QString &otherwise)
{
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary = ok ? summary : otherwise;
    return outcome;
}

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
    const qint64 finishedNs = threadFinishedNs(trace, worker);
    const quint32 stateLock = threadStateLock(trace, worker);
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
    } else if (daemon) {
        // With main_ms close to daemon_ms, the exit can come just after the
        // wake-up was due but before the print: no negative "ms before" then.
        if (printed)
            outcome.summary = Tr::tr("The daemon thread printed before the process exited (main "
                                     "worked at least as long as it slept).");
        else if (exitBeforeWakeUp)
            outcome.summary = Tr::tr("The process exited %1 ms before the daemon thread was due to "
                                     "wake up; the daemon's print never happened.")
                                  .arg((wakeUpNs - exitNs) / 1000000);
        else
            outcome.summary
                = Tr::tr("The process exited as the daemon thread was waking up, before "
                         "it could print; the daemon's print never happened.");
        if (!ended)
            outcome.summary += QLatin1Char(' ')
                + Tr::tr("Its lane has no end: the interpreter's exit stopped it.");
    } else {
        outcome.summary
            = Tr::tr("The process stayed alive until the non-daemon thread finished and "
                     "printed, then exited.");
    }
    return outcome;
}

Outcome locksCounter(const Trace &trace, const ParameterValues &parameters)
{
    const int threadCount = int(parameters.integer(QStringLiteral("threads")));
    const QString mode = parameters.text(QStringLiteral("mode"));
    const bool locked = mode != QLatin1String("nolock");
    const bool yielding = parameters.boolean(QStringLiteral("yield"));

    // The script's last line: print(counter, "expected", count * n).
    qint64 finalCount = -1, expected = -1;
    static const QRegularExpression said(QStringLiteral("^(\\d+) expected (\\d+)$"));
    for (const Event &e : eventsOn(trace, EventKind::Print, mainThread(trace))) {
        const QRegularExpressionMatch match = said.match(trace.text(e.text).trimmed());
        if (match.hasMatch()) {
            finalCount = match.captured(1).toLongLong();
            expected = match.captured(2).toLongLong();
        }
    }

    // The increments the events show: each locked one takes `lock` once, each
    // yield is a time.sleep(0) on the thread that adds.
    const std::vector<quint32> threads = startedThreads(trace);
    const quint32 lock = trace.findObject(QStringLiteral("lock"));
    const int lockedIncrements = lock
        ? int(std::count_if(
            trace.events().begin(), trace.events().end(),
            [&](const Event &e) { return e.kind == EventKind::LockAcquired && e.object == lock; }))
        : 0;
    const int yields = countOn(trace, EventKind::SleepBegin, threads);

    // Most threads adding at once: each adds from its start until it is done
    // (its thread-state lock let go).
    const std::map<quint32, StateLock> stateLocks = threadStateLocks(trace);
    std::vector<std::pair<qint64, int>> changes; // time, +1 start / -1 done
    for (const Event &e : trace.eventsOfKind(EventKind::ThreadStart)) {
        if (std::find(threads.begin(), threads.end(), e.actor) == threads.end())
            continue;
        changes.emplace_back(e.timeNs, +1);
        const qint64 done = threadFinishedNs(trace, stateLocks, e.actor);
        changes.emplace_back(done >= 0 ? done : trace.endNs(), -1);
    }
    std::sort(changes.begin(), changes.end()); // at one time, -1 before +1
    int adding = 0, mostAdding = 0;
    for (const auto &[time, change] : changes)
        mostAdding = std::max(mostAdding, adding += change);

    const qint64 lost = expected - finalCount;
    const int lostUpdates = int(lost); // a plain variable: lupdate reads the count
    // Without the lock updates are likely lost, but not certain to be: a run
    // that lost none is still the lesson. With it the count must be exact.
    const bool counted = finalCount >= 0 && int(threads.size()) == threadCount
        && (!locked || lockedIncrements == expected) && (!yielding || yields == expected);
    const bool ok = counted && (!locked || lost == 0);
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    if (finalCount < 0) {
        outcome.summary = Tr::tr("The script did not print the counter.");
    } else {
        outcome.summary = lost == 0
            ? Tr::tr("counter = %1 as expected: no update lost.").arg(finalCount)
            : Tr::tr("counter = %1, expected %2: %n update(s) lost.", nullptr, lostUpdates)
                  .arg(finalCount)
                  .arg(expected);
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("Most threads adding at the same time: %1.").arg(mostAdding);
    }
    if (!counted && finalCount >= 0)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("The events show %1 of %2 threads, %3 acquisitions of the lock and %4 "
                     "yields for %5 increments.")
                  .arg(threads.size())
                  .arg(threadCount)
                  .arg(lockedIncrements)
                  .arg(yields)
                  .arg(expected);
    outcome.setValue(QStringLiteral("expected"), expected);
    outcome.setValue(QStringLiteral("final"), finalCount);
    outcome.setValue(QStringLiteral("lost"), lost);
    outcome.setValue(QStringLiteral("max_overlap"), mostAdding);
    outcome.setValue(QStringLiteral("lock_acquisitions"), lockedIncrements);
    outcome.setValue(QStringLiteral("yields"), yields);
    return outcome;
}

Outcome gilCpu(const Trace &trace, const ParameterValues &parameters)
{
    const int workers = int(parameters.integer(QStringLiteral("threads")));
    const qint64 units = parameters.integer(QStringLiteral("work"));

    // Each phase's time as the script measured it with time.perf_counter() and
    // printed it ("threads: 0.412 s"); the print's own time ends the phase on the timeline.
    struct Phase
    {
        qint64 us = -1;
        qint64 printedNs = -1;
    };
    Phase sequential, threaded, processes;
    static const QRegularExpression said(
        QStringLiteral("^(sequential|threads|processes): (\\d+(?:\\.\\d+)?) s$"));
    const quint32 main = mainThread(trace);
    for (const Event &e : eventsOn(trace, EventKind::Print, main)) {
        const QRegularExpressionMatch match = said.match(trace.text(e.text).trimmed());
        if (!match.hasMatch())
            continue;
        Phase &phase = match.captured(1) == QLatin1String("sequential") ? sequential
            : match.captured(1) == QLatin1String("threads")             ? threaded
                                                                        : processes;
        phase = {qint64(match.captured(2).toDouble() * 1e6), e.timeNs};
    }
    // A phase's measured time fits between the print before it and its own
    // (to the printed millisecond): the script's clock and the trace's agree.
    const auto fits = [&](const Phase &phase, qint64 sinceNs) {
        return phase.us >= 0 && sinceNs >= 0
            && phase.us <= (phase.printedNs - sinceNs) / 1000 + 1000;
    };
    const bool measured = fits(sequential, trace.startNs()) && fits(threaded, sequential.printedNs)
        && fits(processes, threaded.printedNs);

    // The threads under the GIL: who took it from whom, and the drop requests.
    const std::vector<quint32> threads = startedThreads(trace);
    const auto isWorker = [&](quint32 actor) {
        return std::find(threads.begin(), threads.end(), actor) != threads.end();
    };
    int switches = 0, dropRequests = 0;
    quint32 lastHolder = 0;
    for (const Event &e : trace.events()) {
        if (trace.actor(e.actor).process != 1 || trace.object(e.object).kind != ObjectKind::Gil)
            continue;
        if (e.kind == EventKind::LockAcquired) {
            switches += isWorker(e.actor) && isWorker(lastHolder) && lastHolder != e.actor;
            lastHolder = e.actor;
        } else if (e.kind == EventKind::Mark && e.value == 1 && isWorker(e.actor)) {
            ++dropRequests; // "drop request: ... asks for the GIL"
        }
    }

    // The processes: each a process of its own in the trace, that exited with status 0.
    int children = 0, childrenOk = 0;
    for (const Event &e : trace.eventsOfKind(EventKind::ProcessExit)) {
        if (trace.actor(e.actor).process == 1)
            continue;
        ++children;
        childrenOk += e.value == 0 && !e.isAbnormal();
    }

    const auto ratio = [&](const Phase &phase) {
        return double(phase.us) / double(std::max<qint64>(sequential.us, 1));
    };
    const auto ms = [](const Phase &phase) {
        return double(phase.us) / 1000.0;
    };
    const int cores = int(std::thread::hardware_concurrency());
    const bool ok = measured && int(threads.size()) == workers && children == workers
        && childrenOk == workers;
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary
        = Tr::tr("%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms "
                 "(%5× sequential, %6 switches, %7 drop requests). Processes, each with a GIL of "
                 "its own: %8 ms (%9× sequential, on a machine with %10 cores).",
                 nullptr, workers)
              .arg(units)
              .arg(ms(sequential), 0, 'f', 1)
              .arg(ms(threaded), 0, 'f', 1)
              .arg(ratio(threaded), 0, 'f', 2)
              .arg(switches)
              .arg(dropRequests)
              .arg(ms(processes), 0, 'f', 1)
              .arg(ratio(processes), 0, 'f', 2)
              .arg(cores);
    if (!ok)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("Expected three timed phases, %1 threads and %1 processes that exited "
                     "normally; the events show %2 threads and %3 processes, %4 of them exited "
                     "normally.")
                  .arg(workers)
                  .arg(threads.size())
                  .arg(children)
                  .arg(childrenOk);
    outcome.setValue(QStringLiteral("threads"), qint64(threads.size()));
    outcome.setValue(QStringLiteral("processes"), children);
    outcome.setValue(QStringLiteral("sequential_us"), sequential.us);
    outcome.setValue(QStringLiteral("gil_us"), threaded.us);
    outcome.setValue(QStringLiteral("processes_us"), processes.us);
    outcome.setValue(QStringLiteral("gil_permille"), qint64(ratio(threaded) * 1000));
    outcome.setValue(QStringLiteral("processes_permille"), qint64(ratio(processes) * 1000));
    outcome.setValue(QStringLiteral("gil_switches"), switches);
    outcome.setValue(QStringLiteral("drop_requests"), dropRequests);
    outcome.setValue(QStringLiteral("cores"), cores);
    return outcome;
}

Outcome socketClient(const Trace &trace, const ParameterValues &parameters)
{
    const qint64 maxBytes = parameters.integer(QStringLiteral("max_bytes"));
    const quint32 client = mainThread(trace);
    const quint32 server = threadNamed(trace, QStringLiteral("server"));
    const qint64 sent = bytesOn(trace, EventKind::PacketSend, {client});
    const qint64 received = bytesOn(trace, EventKind::PacketRecv, {client});
    const qint64 serverReceived = bytesOn(trace, EventKind::PacketRecv, {server});
    const qint64 serverSent = bytesOn(trace, EventKind::PacketSend, {server});

    // print("reply:", reply.split(b"\r\n")[0]): the status line, as Python shows bytes.
    // (in single quotes, or double ones when it holds a single quote).
    static const QRegularExpression replySaid(QStringLiteral("^reply: b(['\"])(.*)\\1$"));
    const QString statusLine = printed(trace, client, replySaid).captured(2);
    const QStringList words = statusLine.split(u' ');
    const int status
        = words.size() >= 2 && words[0].startsWith(QLatin1String("HTTP/")) ? words[1].toInt() : 0;
    // The port the client connected to: where its connect went ("connect 127.0.0.1:PORT").
    static const QRegularExpression portAtEnd(QStringLiteral(":(\\d+)$"));
    qint64 port = 0;
    for (const Event &e : eventsOn(trace, EventKind::IoWaitBegin, client)) {
        const QRegularExpressionMatch match = portAtEnd.match(trace.text(e.text));
        if (match.hasMatch()) {
            port = match.captured(1).toLongLong();
            break;
        }
    }

    // Every byte the client sent reached the server, and every byte of the reply
    // the client, but those past max_bytes, which it did not read.
    const bool requestArrived = sent > 0 && sent == serverReceived;
    const bool replyArrived = received > 0
        && (received == serverSent || (received == maxBytes && received < serverSent));
    Outcome outcome;
    outcome.status = server && requestArrived && replyArrived ? Outcome::Status::Completed
                                                              : Outcome::Status::Failed;
    if (received == 0)
        outcome.summary = Tr::tr("Sent %1 bytes; the server closed the connection without "
                                 "replying.")
                              .arg(sent);
    else
        outcome.summary = Tr::tr("Sent %1 bytes and received %2 bytes; the server answered \"%3\".")
                              .arg(sent)
                              .arg(received)
                              .arg(statusLine.left(80));
    outcome.summary += QLatin1Char(' ')
        + Tr::tr("The server's lane received %1 bytes and sent %2.")
              .arg(serverReceived)
              .arg(serverSent);
    outcome.setValue(QStringLiteral("http_status"), status);
    outcome.setValue(QStringLiteral("bytes_sent"), sent);
    outcome.setValue(QStringLiteral("bytes_received"), received);
    outcome.setValue(QStringLiteral("server_bytes_received"), serverReceived);
    outcome.setValue(QStringLiteral("server_bytes_sent"), serverSent);
    outcome.setValue(QStringLiteral("port"), port);
    return outcome;
}

Outcome socketServer(const Trace &trace, const ParameterValues &parameters)
{
    const int clients = int(parameters.integer(QStringLiteral("clients")));
    const quint32 server = mainThread(trace);
    const std::vector<quint32> clientThreads = startedThreads(trace);

    static const QRegularExpression listening(
        QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)$"));
    const qint64 port = printed(trace, server, listening).captured(1).toLongLong();

    // Each connection is a channel of its own: served when the server read the
    // client's line from it and wrote its greeting to it.
    std::map<quint32, std::pair<bool, bool>> channels; // read, wrote
    for (const Event &e : trace.events()) {
        if (e.actor == server && e.kind == EventKind::PacketRecv)
            channels[e.object].first = true;
        else if (e.actor == server && e.kind == EventKind::PacketSend)
            channels[e.object].second = true;
    }
    const int served = int(std::count_if(channels.begin(), channels.end(), [](const auto &c) {
        return c.second.first && c.second.second;
    }));
    const int repliesRead
        = int(std::count_if(clientThreads.begin(), clientThreads.end(),
                            [&](quint32 t) { return countOn(trace, EventKind::Print, t) > 0; }));
    const qint64 clientsSent = bytesOn(trace, EventKind::PacketSend, clientThreads);
    const qint64 bytesIn = bytesOn(trace, EventKind::PacketRecv, {server});
    const qint64 bytesOut = bytesOn(trace, EventKind::PacketSend, {server});
    const qint64 clientsReceived = bytesOn(trace, EventKind::PacketRecv, clientThreads);

    // Every connection answered, every client thread read its greeting, and
    // every byte sent either way was received.
    const bool complete = port > 0 && served == clients && repliesRead == clients
        && clientsSent == bytesIn && bytesOut == clientsReceived;
    Outcome outcome;
    outcome.status = complete ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary = Tr::tr("The server on port %1 accepted and answered %2 of %3 connections; "
                             "%4 client threads read their greeting.")
                          .arg(port)
                          .arg(served)
                          .arg(clients)
                          .arg(repliesRead);
    outcome.summary += QLatin1Char(' ')
        + Tr::tr("The clients sent %1 bytes and the server received %2; the server sent %3 and "
                 "the clients received %4.")
              .arg(clientsSent)
              .arg(bytesIn)
              .arg(bytesOut)
              .arg(clientsReceived);
    outcome.setValue(QStringLiteral("port"), port);
    outcome.setValue(QStringLiteral("served"), served);
    outcome.setValue(QStringLiteral("connections"), qint64(channels.size()));
    outcome.setValue(QStringLiteral("replies_read"), repliesRead);
    outcome.setValue(QStringLiteral("bytes_received"), bytesIn);
    outcome.setValue(QStringLiteral("bytes_sent"), bytesOut);
    outcome.setValue(QStringLiteral("client_bytes_sent"), clientsSent);
    outcome.setValue(QStringLiteral("client_bytes_received"), clientsReceived);
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

} // namespace weft::pythonchecks
