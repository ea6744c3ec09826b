// SPDX-License-Identifier: MIT
// The outcomes of the Python multiprocessing lessons, read from the recorded
// interpreter and its children: every message is a put or send in one process
// and a get or receive in another, on the queue or pipe the script named.
#include "checksupport.h"
#include "pythonlessonchecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <set>

namespace weft::pythonchecks {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PythonLessonChecks)
};

// The messages of `kind` (MessageSend or MessageRecv) on `channel`, in time order.
std::vector<Event> messagesOn(const Trace &trace, EventKind kind, quint32 channel)
{
    std::vector<Event> events = trace.eventsOfKind(kind);
    std::erase_if(events, [&](const Event &e) { return !channel || e.object != channel; });
    return events;
}

// One side of a queue: how many items went in (or came out), which, and
// from (or into) which processes; items with the text `skip` aside.
struct QueueSide
{
    qint64 count = 0;
    std::set<QString> items;
    std::set<quint32> processes;
};

QueueSide queueSide(const Trace &trace, EventKind kind, quint32 queue, const QString &skip)
{
    QueueSide side;
    for (const Event &e : messagesOn(trace, kind, queue)) {
        const QString item = trace.text(e.text);
        if (item == skip)
            continue;
        ++side.count;
        side.items.insert(item);
        side.processes.insert(trace.actor(e.actor).process);
    }
    return side;
}

} // namespace

Outcome processQueue(const Trace &trace, const ParameterValues &parameters)
{
    const qint64 producers = parameters.integer(QStringLiteral("producers"));
    const qint64 consumers = parameters.integer(QStringLiteral("consumers"));
    const qint64 expected = producers * parameters.integer(QStringLiteral("messages"));
    const quint32 q = trace.findObject(QStringLiteral("q"));
    // The sentinels aside: main puts one "STOP" per consumer.
    const QString stop = QStringLiteral("'STOP'");
    const QueueSide put = queueSide(trace, EventKind::MessageSend, q, stop);
    const QueueSide got = queueSide(trace, EventKind::MessageRecv, q, stop);
    const qint64 sent = put.count, received = got.count;
    const Children started = children(trace);
    // Each message arrived once: as many different items came out as went in.
    const bool ok = q && sent == expected && received == sent && got.items == put.items
        && qint64(put.items.size()) == sent && started.count == producers + consumers
        && started.ok == started.count;
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.setValue(QStringLiteral("expected"), expected);
    outcome.setValue(QStringLiteral("sent"), sent);
    outcome.setValue(QStringLiteral("received"), received);
    outcome.setValue(QStringLiteral("producing_processes"), qint64(put.processes.size()));
    outcome.setValue(QStringLiteral("consuming_processes"), qint64(got.processes.size()));
    outcome.summary
        = Tr::tr("%1 put %2 messages on the queue and %3 got %4; each arrived once.")
              .arg(Tr::tr("%n producer process(es)", nullptr, int(put.processes.size())))
              .arg(sent)
              .arg(Tr::tr("%n consumer process(es)", nullptr, int(got.processes.size())))
              .arg(received);
    if (!ok)
        outcome.summary = Tr::tr("Expected %1 messages from %2 producers to go through the queue "
                                 "q once each; the events show %3 put (%4 different) and %5 got, "
                                 "and %6 of %7 child processes exited normally.")
                              .arg(expected)
                              .arg(producers)
                              .arg(sent)
                              .arg(put.items.size())
                              .arg(received)
                              .arg(started.ok)
                              .arg(started.count);
    return outcome;
}

Outcome processPipe(const Trace &trace, const ParameterValues &parameters)
{
    const int messages = int(parameters.integer(QStringLiteral("messages")));
    // The decoder names each direction of a Pipe after its two ends' variables.
    const quint32 toChild = trace.findObject(QStringLiteral("parent_conn \u2192 child_conn"));
    const quint32 toParent = trace.findObject(QStringLiteral("child_conn \u2192 parent_conn"));
    const std::vector<Event> sends = messagesOn(trace, EventKind::MessageSend, toChild);
    const std::vector<Event> echoes = messagesOn(trace, EventKind::MessageRecv, toParent);
    // The i-th reply main received is the echo of the i-th message it sent
    // (each preview is the start of the bytes' repr: b'm3....' and b'echo m3....').
    static const QRegularExpression sentTag(QStringLiteral("^b'(m\\d+)"));
    static const QRegularExpression echoTag(QStringLiteral("^b'echo (m\\d+)"));
    qint64 bytesSent = 0, bytesReceived = 0;
    int goodReplies = 0;
    for (std::size_t i = 0; i < sends.size(); ++i) {
        bytesSent += sends[i].value;
        if (i >= echoes.size())
            continue;
        bytesReceived += echoes[i].value;
        const QString sent = sentTag.match(trace.text(sends[i].text)).captured(1);
        goodReplies
            += !sent.isEmpty() && echoTag.match(trace.text(echoes[i].text)).captured(1) == sent;
    }
    const int received = int(messagesOn(trace, EventKind::MessageRecv, toChild).size());
    const Children started = children(trace);
    const bool ok = int(sends.size()) == messages && received == messages && goodReplies == messages
        && started.count == 1 && started.ok == 1;
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.setValue(QStringLiteral("sent"), qint64(sends.size()));
    outcome.setValue(QStringLiteral("replies"), goodReplies);
    outcome.setValue(QStringLiteral("bytes_sent"), bytesSent);
    outcome.setValue(QStringLiteral("bytes_received"), bytesReceived);
    outcome.summary = Tr::tr("%n message(s) (%2 bytes) went through the pipe and %3 "
                             "(%4 bytes) came back.",
                             nullptr, int(sends.size()))
                          .arg(bytesSent)
                          .arg(Tr::tr("%n correct echo(es)", nullptr, goodReplies))
                          .arg(bytesReceived);
    if (!ok)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("Expected %1 messages through parent_conn, each received by the echo "
                     "process and echoed back; %2 of %3 child processes exited normally.")
                  .arg(messages)
                  .arg(started.ok)
                  .arg(started.count);
    return outcome;
}

Outcome processManager(const Trace &trace, const ParameterValues &parameters)
{
    const qint64 workers = parameters.integer(QStringLiteral("workers"));
    const qint64 updates = parameters.integer(QStringLiteral("updates"));
    const qint64 expected = workers * updates;
    // The value the main process read back from the manager and printed.
    static const QRegularExpression said(QStringLiteral("^counter = (\\d+)$"));
    const QRegularExpressionMatch match = printed(trace, mainThread(trace), said);
    const qint64 final = match.hasMatch() ? match.captured(1).toLongLong() : -1;
    // Every request a worker sent the manager, and every reply it got back: a
    // message on a channel between the worker's process and the manager's.
    static const QRegularExpression workerLane(QStringLiteral("^worker \\d+$"));
    std::set<quint32> workerProcesses;
    qint64 requests = 0, replies = 0;
    for (const Event &e : trace.events()) {
        if (e.kind != EventKind::MessageSend && e.kind != EventKind::MessageRecv)
            continue;
        const ActorInfo actor = trace.actor(e.actor);
        if (!workerLane.match(actor.name).hasMatch())
            continue;
        workerProcesses.insert(actor.process);
        (e.kind == EventKind::MessageSend ? requests : replies) += 1;
    }
    const Children started = children(trace);
    // Under the lock, an update is four round trips: acquire, get, set, release.
    const bool ok = final == expected && qint64(workerProcesses.size()) == workers
        && requests == replies && requests >= 4 * expected && started.count == workers + 1
        && started.ok == started.count;
    Outcome outcome;
    outcome.status = ok ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.setValue(QStringLiteral("expected"), expected);
    outcome.setValue(QStringLiteral("final"), final);
    outcome.setValue(QStringLiteral("requests"), requests);
    outcome.setValue(QStringLiteral("replies"), replies);
    outcome.summary = Tr::tr("%n worker process(es) each made %2 through the manager: %3 requests "
                             "and %4 replies. The shared counter ends at %5 (expected %6).",
                             nullptr, int(workers))
                          .arg(Tr::tr("%n locked update(s)", nullptr, int(updates)))
                          .arg(requests)
                          .arg(replies)
                          .arg(final)
                          .arg(expected);
    if (!ok)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("Expected every request answered, at least four per update, and %1 of %2 "
                     "child processes (the workers and the manager) to exit normally.")
                  .arg(started.ok)
                  .arg(started.count);
    return outcome;
}

} // namespace weft::pythonchecks
