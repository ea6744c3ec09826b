// SPDX-License-Identifier: MIT
// socket.backlog — more clients connect than the server accepts at once.
//
// The Python this mirrors:
//     def settle(fate):                     # each client settles once
//         fates[fate] += 1
//         if fates["served"] + fates["gave up"] == clients:
//             every_client_settled = True
//
//     def client():
//         s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//         s.settimeout(timeout)
//         try:
//             s.connect(("127.0.0.1", port))
//             s.sendall(b"hi")
//             s.recv(64)
//         except socket.timeout:            # TCP's retries came too late
//             print("gave up")
//             settle("gave up")
//             return
//         settle("served")
//         s.close()
//
//     server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//     server.bind(("127.0.0.1", 0))
//     server.listen(backlog)                # the length of the accept queue
//     port = server.getsockname()[1]
//     for _ in range(clients):
//         threading.Thread(target=client).start()
//     while not every_client_settled:
//         time.sleep(delay)                 # a slow server
//         conn, addr = server.accept()      # takes ONE connection off the queue
//         accepted += 1
//         conn.recv(64)
//         conn.sendall(b"welcome, you are number %d" % accepted)
//         conn.close()
//
// The kernel completes handshakes on its own and queues them until accept()
// takes them. When the queue is full it drops further connection requests,
// and those clients wait inside connect() until TCP retries (after about 1 s,
// then 2 s, 4 s ...).
//
// Why the C++ looks the way it does: AcceptQueueMonitor reads the queue's real
// length from the listening socket (Linux TCP_INFO) and draws it as a counter
// track; Python has no such call. The server's accept() has no limit of its
// own: it returns when a client connects or when every client has settled
// (the flag passed to it), and each client settles within its own timeout, so
// no choice of parameters ends in a failed accept(). backlogOutcome() reads
// the clients' own count of who was served and who gave up.

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

// The translation context of the lesson's texts (the scenario's own).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SocketBacklogScenario)
};

// Each client settles its fate once: served (it read the welcome) or gave up.
// Counted by the clients, not by accept(): a client that gave up while still
// queued is accepted later and must not count twice.
struct Fates
{
    explicit Fates(int clients)
        : clients(clients)
    {
    }
    void settle(std::atomic<int> &fate)
    {
        ++fate;
        if (served.load() + gaveUp.load() == clients)
            everyClientSettled.store(true);
    }

    const int clients;
    std::atomic<int> served {0};
    std::atomic<int> gaveUp {0};
    std::atomic<bool> everyClientSettled {false};
};

// def client():
void client(quint16 port, std::chrono::milliseconds timeout, Fates &fates)
{
    TcpSocket s(Tr::tr("%1 socket").arg(currentThreadName()));
    s.setTimeout(timeout);
    try {
        s.connect(QHostAddress(QHostAddress::LocalHost), port);
        s.sendAll("hi");
        s.recv(64);
    } catch (const SocketError &e) {
        // A dropped SYN keeps the client in connect(); a dropped final ACK lets
        // connect() return while the server's queue never took the connection,
        // so recv() waits instead. Either way TCP's retries came too late.
        if (e.kind() != SocketError::Kind::TimedOut)
            throw;
        mark(Tr::tr("gave up: the accept queue stayed full through TCP's retries"), true);
        fates.settle(fates.gaveUp);
        return;
    }
    fates.settle(fates.served);
    s.close();
}

// What the lesson counted, for backlogOutcome().
struct BacklogRun
{
    int clients = 0;
    int backlog = 0;
    std::chrono::milliseconds timeout {0};
    int accepted = 0;
    int served = 0;
    int gaveUp = 0;
    int maxPending = 0;
    QString failure;
};

// The main program: a slow server and a burst of clients.
BacklogRun lesson(const ParameterValues &p)
{
    const int clients = int(p.integer(QStringLiteral("clients")));
    const int backlog = int(p.integer(QStringLiteral("backlog")));
    const auto delay = std::chrono::milliseconds(p.integer(QStringLiteral("accept_delay_ms")));
    const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));
    BacklogRun run;
    run.clients = clients;
    run.backlog = backlog;
    run.timeout = timeout;

    TcpListener server(Tr::tr("server socket"));
    server.bind(QHostAddress(QHostAddress::LocalHost), 0);
    server.listen(backlog);
    const quint16 port = server.port();
    AcceptQueueMonitor queue(server, Tr::tr("accept queue (pending connections)"));
    Fates fates(clients);
    std::vector<std::unique_ptr<Thread>> threads;
    for (int i = 0; i < clients; ++i) {
        threads.push_back(
            std::make_unique<Thread>(QString(), client, port, timeout, std::ref(fates)));
        threads.back()->start();
    }
    while (!fates.everyClientSettled.load()) {
        sleepFor(delay);
        std::unique_ptr<TcpSocket> conn;
        try {
            conn = server.accept(&fates.everyClientSettled);
        } catch (const SocketError &e) {
            run.failure = e.message();
            break;
        }
        if (!conn)
            break; // the last clients gave up while the server waited
        ++run.accepted;
        try {
            conn->setTimeout(timeout);
            conn->recv(64);
            conn->sendAll(Tr::tr("welcome, you are number %1").arg(run.accepted).toUtf8());
        } catch (const SocketError &e) {
            // A client that gave up the moment it was accepted has closed its end.
            if (e.kind() != SocketError::Kind::PeerClosed)
                run.failure = e.message();
        }
        conn->close();
    }
    for (auto &t : threads)
        t->join();
    queue.stop();
    server.close();

    run.served = fates.served.load(); // not those accepted after they gave up
    run.gaveUp = fates.gaveUp.load();
    run.maxPending = queue.maxPending();
    return run;
}

Outcome backlogOutcome(const BacklogRun &run)
{
    Outcome outcome;
    outcome.status = run.served + run.gaveUp == run.clients && run.failure.isEmpty()
        ? Outcome::Status::Completed
        : Outcome::Status::Failed;
    outcome.summary = Tr::tr("%1 of %n client(s) were accepted one by one; at most %3 finished "
                             "handshakes waited in the queue at once (backlog %4).",
                             nullptr, run.clients)
                          .arg(run.served)
                          .arg(run.maxPending)
                          .arg(run.backlog);
    if (run.gaveUp > 0)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("%1 gave up after %2 ms: the queue stayed full and TCP's retries "
                     "(1 s, 2 s, 4 s … apart) did not get them in.")
                  .arg(run.gaveUp)
                  .arg(run.timeout.count());
    // The kernel finished the handshake of some clients that gave up while queued
    // (or the moment they were taken): the server accepted a connection nobody
    // was waiting on any more.
    const int acceptedTooLate = run.accepted - run.served;
    if (acceptedTooLate > 0)
        outcome.summary += QLatin1Char(' ')
            + Tr::tr("%n connection(s) were accepted after their client had given up.", nullptr,
                     acceptedTooLate);
    if (!run.failure.isEmpty())
        outcome.summary += QLatin1Char(' ') + Tr::tr("Last error: %1").arg(run.failure);
    outcome.setValue(QStringLiteral("clients"), run.clients);
    outcome.setValue(QStringLiteral("accepted"), run.accepted);
    outcome.setValue(QStringLiteral("served"), run.served);
    outcome.setValue(QStringLiteral("gave_up"), run.gaveUp);
    outcome.setValue(QStringLiteral("accepted_after_giving_up"), acceptedTooLate);
    outcome.setValue(QStringLiteral("backlog"), run.backlog);
    outcome.setValue(QStringLiteral("max_pending"), run.maxPending);
    return outcome;
}

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
        context.setOutcome(backlogOutcome(lesson(context.parameters())));
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketBacklogScenario()
{
    return std::make_unique<SocketBacklogScenario>();
}

} // namespace weft
