// SPDX-License-Identifier: MIT
// The outcomes of the Python socket lessons, read from the recorded interpreter.
#include "checksupport.h"
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
    const bool truncated = received > 0 && received == maxBytes && received < serverSent;
    if (truncated)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("The client stopped reading at max_bytes (%1 bytes): the reply was cut.")
                  .arg(maxBytes);
    outcome.setValue(QStringLiteral("truncated"), truncated);
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

} // namespace weft::pythonchecks
