// SPDX-License-Identifier: MIT
// socket.backlog — more clients connect than the server accepts at once.
//
// The Python this mirrors:
//     server.bind(("127.0.0.1", 0))
//     server.listen(3)                    # the backlog
//     for each of 12 client threads: s.connect(("127.0.0.1", port))
//     while clients left:
//         time.sleep(0.2)                 # a slow server
//         conn, addr = server.accept()    # takes ONE connection off the queue
//         conn.recv(64); conn.sendall(b"welcome"); conn.close()
//
// The kernel completes handshakes on its own and queues them until accept()
// takes them; the queue's real length is read from the listening socket
// (Linux TCP_INFO) and drawn as a counter track. When the queue is full the
// kernel drops further connection requests, and those clients wait inside
// connect() until TCP retries (after about 1 s, then 3 s ...).

#include "core/net/acceptqueuemonitor.h"
#include "core/net/socketerror.h"
#include "core/net/tcplistener.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "socketscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <vector>

namespace weft {
namespace {

class SocketBacklogScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(SocketBacklogScenario)
public:
    QString id() const override { return QStringLiteral("socket.backlog"); }
    Topic topic() const override { return Topic::Sockets; }
    QString title() const override { return tr("The listen backlog: connections queue up"); }
    QString explanation() const override
    {
        return tr("listen(backlog) lets the kernel finish handshakes for clients the server has "
                  "not accepted yet and keep them in a queue. This server is slow: it accepts "
                  "one connection, then pauses. The counter track shows the queue filling up to "
                  "the backlog (Linux admits one more than the number given) and draining one "
                  "accept at a time; clients that find the queue full stay in connect() until "
                  "TCP retries their request.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("clients"), tr("Clients"), 12, 1, 64,
                                       tr("Client threads that connect at once")),
                ParameterSpec::integer(QStringLiteral("backlog"), tr("Listen backlog"), 3, 0, 64,
                                       tr("The value passed to listen()")),
                ParameterSpec::integer(QStringLiteral("accept_delay_ms"),
                                       tr("Pause before each "
                                          "accept (ms)"),
                                       200, 0, 5000, tr("How slow the server is")),
                ParameterSpec::integer(QStringLiteral("timeout_ms"), tr("Timeout (ms)"), 30000,
                                       1000, 600000, tr("Limit for each connect and recv"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/sockets/socketbacklog.cpp");
    }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &p) const override
    {
        // The slow server's pauses, then the last clients' connect() and recv() limits.
        const auto pauses = std::chrono::milliseconds(
            p.integer(QStringLiteral("clients")) * p.integer(QStringLiteral("accept_delay_ms")));
        const auto clientLimit = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));
        return std::max<std::chrono::milliseconds>(
            std::chrono::minutes(2), pauses + 3 * clientLimit + std::chrono::seconds(30));
    }

    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        const int clients = int(p.integer(QStringLiteral("clients")));
        const int backlog = int(p.integer(QStringLiteral("backlog")));
        const auto delay = std::chrono::milliseconds(p.integer(QStringLiteral("accept_delay_ms")));
        const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));

        // The server's accept() has no limit of its own: it ends when a client
        // connects or when every client has settled, and each client settles
        // within its own limits. A limit here raced the clients' (both 1 s):
        // accept() could time out a moment before the last client gave up.
        // The run's timeout still bounds it.
        TcpListener server(tr("server socket"));
        server.bind(QHostAddress(QHostAddress::LocalHost), 0);
        server.listen(backlog);
        const quint16 port = server.port();

        // Draws the kernel's accept queue (its real length) as a counter track.
        AcceptQueueMonitor queue(server, tr("accept queue (pending connections)"));

        // Each client settles its own fate once: served (it got the welcome) or
        // gave up (TCP's retries outlasted its timeout). The server stops waiting
        // when every client has settled, so no parameter choice ends in a failure.
        // Counted by the clients, not by accept(): a client that gave up while
        // still queued is accepted later and must not count twice.
        std::atomic<int> served {0}, gaveUp {0};
        std::atomic<bool> everyClientSettled {false};
        const auto settle = [&](std::atomic<int> &fate) {
            ++fate;
            if (served.load() + gaveUp.load() == clients)
                everyClientSettled.store(true);
        };
        auto client = [&, port, timeout] {
            TcpSocket s(tr("%1 socket").arg(currentThreadName()));
            s.setTimeout(timeout);
            try {
                s.connect(QHostAddress(QHostAddress::LocalHost), port);
                s.send("hi");
                s.recv(64);
            } catch (const SocketError &e) {
                // A dropped SYN keeps the client in connect(); a dropped final ACK lets
                // connect() return while the server's queue never took the connection,
                // so recv() waits instead. Either way TCP's retries came too late.
                if (e.kind() != SocketError::Kind::TimedOut)
                    throw;
                mark(tr("gave up: the accept queue stayed full through TCP's retries"), true);
                settle(gaveUp);
                return;
            }
            settle(served);
            s.close();
        };
        std::vector<std::unique_ptr<Thread>> threads;
        for (int i = 0; i < clients; ++i)
            threads.push_back(std::make_unique<Thread>(QString(), client));
        for (auto &t : threads)
            t->start();

        int accepted = 0;
        QString failure;
        while (!everyClientSettled.load()) {
            sleepFor(delay);
            std::unique_ptr<TcpSocket> conn;
            try {
                conn = server.accept(&everyClientSettled);
            } catch (const SocketError &e) {
                failure = e.message();
                break;
            }
            if (!conn)
                break; // the last clients gave up while the server waited
            ++accepted;
            try {
                conn->setTimeout(timeout);
                conn->recv(64);
                conn->send(tr("welcome, you are number %1").arg(accepted).toUtf8());
            } catch (const SocketError &e) {
                // A client that gave up the moment it was accepted has closed its end.
                if (e.kind() != SocketError::Kind::PeerClosed)
                    failure = e.message();
            }
            conn->close();
        }
        for (auto &t : threads)
            t->join();
        queue.stop();
        server.close();

        Outcome outcome;
        outcome.status = served + gaveUp == clients && failure.isEmpty()
            ? Outcome::Status::Completed
            : Outcome::Status::Failed;
        outcome.summary = tr("%1 of %n client(s) were accepted one by one; at most %3 finished "
                             "handshakes waited in the queue at once (backlog %4).",
                             nullptr, clients)
                              .arg(served.load()) // not those accepted after they gave up
                              .arg(queue.maxPending())
                              .arg(backlog);
        if (gaveUp > 0)
            outcome.summary += QLatin1Char(' ')
                + tr("%1 gave up after %2 ms: the queue stayed full and TCP's retries "
                     "(1 s, 2 s, 4 s … apart) did not get them in.")
                      .arg(gaveUp.load())
                      .arg(timeout.count());
        if (!failure.isEmpty())
            outcome.summary += QLatin1Char(' ') + tr("Last error: %1").arg(failure);
        outcome.setValue(QStringLiteral("clients"), clients);
        outcome.setValue(QStringLiteral("accepted"), accepted);
        outcome.setValue(QStringLiteral("gave_up"), gaveUp.load());
        outcome.setValue(QStringLiteral("backlog"), backlog);
        outcome.setValue(QStringLiteral("max_pending"), queue.maxPending());
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketBacklogScenario()
{
    return std::make_unique<SocketBacklogScenario>();
}

} // namespace weft
