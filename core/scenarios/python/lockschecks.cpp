// SPDX-License-Identifier: MIT
// The outcomes of the Python lock and GIL lessons, read from the recorded interpreter.
#include "checksupport.h"
#include "pythonlessonchecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <thread>

namespace weft::pythonchecks {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonLessonChecks)
};

} // namespace

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
    const Children started = children(trace);

    const auto ratio = [&](const Phase &phase) {
        return double(phase.us) / double(std::max<qint64>(sequential.us, 1));
    };
    const auto ms = [](const Phase &phase) {
        return double(phase.us) / 1000.0;
    };
    const int cores = int(std::thread::hardware_concurrency());
    const bool ok = measured && int(threads.size()) == workers && started.count == workers
        && started.ok == workers;
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary
        = Tr::tr("%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms "
                 "(%5× the sequential time, %6 switches, %7 drop requests). Processes, each with a "
                 "GIL of its own: %8 ms (%9× the sequential time, on a machine with %10 cores).",
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
                  .arg(started.count)
                  .arg(started.ok);
    outcome.setValue(QStringLiteral("threads"), qint64(threads.size()));
    outcome.setValue(QStringLiteral("processes"), started.count);
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

} // namespace weft::pythonchecks
