// SPDX-License-Identifier: MIT
#include "pythonlessonchecks.h"

#include <QCoreApplication>
#include <algorithm>
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
