// SPDX-License-Identifier: MIT
// socket.server — bind, listen, accept, recv, reply, close; client threads connect.
//
// The Python this mirrors:
//     import socket, threading
//
//     def client():
//         s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//         s.settimeout(timeout)
//         s.connect(("127.0.0.1", port))
//         s.sendall(f"Hi, I am {threading.current_thread().name}".encode())
//         reply = b""
//         while chunk := s.recv(1024):      # until the server closes
//             reply += chunk
//         print(reply.decode().strip())
//         s.close()
//
//     server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//     server.settimeout(timeout)
//     server.bind(("127.0.0.1", port))
//     server.listen(backlog)
//     port = server.getsockname()[1]
//     print(f"listening on 127.0.0.1:{port}")
//     threads = [threading.Thread(target=client) for _ in range(clients)]
//     for t in threads:
//         t.start()
//     for _ in range(clients + external_clients):
//         try:
//             conn, addr = server.accept()
//         except socket.timeout:
//             break                         # nobody came: stop serving
//         try:
//             data = conn.recv(1024)
//             bytes_in += len(data)
//             conn.sendall(f"Hello {addr[0]}, you said: {data.decode()}\n".encode())
//             served += 1
//         except OSError:
//             pass                          # one bad client does not stop the server
//         conn.close()
//     for t in threads:
//         t.join()
//     server.close()
//
// Why the C++ looks the way it does: the listening socket is a TcpListener and
// each connection a TcpSocket, Python's socket object with every call traced
// (sendAll() is sendall()). The port is recorded as the value of the bind and
// listen events, so a client outside the run (nc, curl, a test) can connect
// too: set "external_clients" to how many such connections the server waits
// for. serverOutcome() reads what the lesson counted.

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
    Q_DECLARE_TR_FUNCTIONS(SocketServerScenario)
};

// def client():
void client(quint16 port, std::chrono::milliseconds timeout, std::atomic<int> &repliesRead)
{
    TcpSocket s(Tr::tr("%1 socket").arg(currentThreadName()));
    s.setTimeout(timeout);
    s.connect(QHostAddress(QHostAddress::LocalHost), port);
    s.sendAll(Tr::tr("Hi, I am %1").arg(currentThreadName()).toUtf8());
    QByteArray reply;
    for (QByteArray chunk = s.recv(1024); !chunk.isEmpty(); chunk = s.recv(1024))
        reply += chunk;
    print(QString::fromUtf8(reply).trimmed()); // the greeting ends its line itself
    s.close();
    ++repliesRead;
}

// What the lesson counted, for serverOutcome().
struct ServerRun
{
    quint16 port = 0;
    int clients = 0;
    int connections = 0;
    int served = 0;
    int repliesRead = 0;
    qint64 bytesIn = 0;
    QString failure; // the last error, if any
};

// The main program: the server, with its client threads.
ServerRun lesson(const ParameterValues &p)
{
    const int clients = int(p.integer(QStringLiteral("clients")));
    const int connections = clients + int(p.integer(QStringLiteral("external_clients")));
    const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));
    ServerRun run;
    run.clients = clients;
    run.connections = connections;

    TcpListener server(Tr::tr("server socket"));
    server.setTimeout(timeout);
    server.bind(QHostAddress(QHostAddress::LocalHost), quint16(p.integer(QStringLiteral("port"))));
    server.listen(int(p.integer(QStringLiteral("backlog"))));
    const quint16 port = server.port();
    print(Tr::tr("listening on 127.0.0.1:%1").arg(port));
    std::atomic<int> repliesRead {0};
    std::vector<std::unique_ptr<Thread>> threads;
    threads.reserve(std::size_t(std::max(clients, 0)));
    for (int i = 0; i < clients; ++i)
        threads.push_back(
            std::make_unique<Thread>(QString(), client, port, timeout, std::ref(repliesRead)));
    for (auto &t : threads)
        t->start();
    for (int i = 0; i < connections; ++i) {
        std::unique_ptr<TcpSocket> conn;
        try {
            conn = server.accept();
        } catch (const SocketError &e) {
            run.failure = e.message(); // nobody came within the timeout: stop serving
            break;
        }
        try {
            conn->setTimeout(timeout);
            const QByteArray data = conn->recv(1024);
            run.bytesIn += data.size();
            conn->sendAll(Tr::tr("Hello %1, you said: %2\n")
                              .arg(conn->peerAddress().toString(), QString::fromUtf8(data))
                              .toUtf8());
            ++run.served;
        } catch (const SocketError &e) {
            run.failure = e.message(); // one bad client does not stop the server
        }
        conn->close();
    }
    for (auto &t : threads)
        t->join();
    server.close();

    run.port = port;
    run.repliesRead = repliesRead.load();
    return run;
}

Outcome serverOutcome(const ServerRun &run)
{
    Outcome outcome;
    // Every connection answered and every client thread read its greeting, or the run failed.
    const bool complete
        = run.served == run.connections && run.repliesRead == run.clients && run.failure.isEmpty();
    outcome.status = complete ? Outcome::Status::Completed : Outcome::Status::Failed;
    outcome.summary = Tr::tr("The server on port %1 accepted and answered %2 of %3 connections; "
                             "%4 client threads read their greeting.")
                          .arg(run.port)
                          .arg(run.served)
                          .arg(run.connections)
                          .arg(run.repliesRead);
    if (!run.failure.isEmpty())
        outcome.summary += QLatin1Char(' ') + Tr::tr("Last error: %1").arg(run.failure);
    outcome.setValue(QStringLiteral("port"), run.port);
    outcome.setValue(QStringLiteral("served"), run.served);
    outcome.setValue(QStringLiteral("connections"), run.connections);
    outcome.setValue(QStringLiteral("replies_read"), run.repliesRead);
    outcome.setValue(QStringLiteral("bytes_received"), run.bytesIn);
    return outcome;
}

class SocketServerScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(SocketServerScenario)
public:
    QString id() const override { return QStringLiteral("socket.server"); }
    Topic topic() const override { return Topic::Sockets; }
    QString title() const override { return tr("A TCP server: bind, listen, accept"); }
    QString explanation() const override
    {
        return tr("The server binds a socket to 127.0.0.1 and a port, listens, then accepts one "
                  "connection at a time: it receives up to 1024 bytes, replies with a greeting "
                  "and closes the connection. Client threads connect, send a line and print the "
                  "reply. The timeline reads as a sequence diagram: the handshake (connect and "
                  "accept), each send and its receive, and the close.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("clients"), tr("Client threads"), 2, 0, 32,
                                       tr("Clients started inside the run")),
                ParameterSpec::integer(QStringLiteral("external_clients"), tr("External clients"),
                                       0, 0, 16,
                                       tr("Extra connections the server waits for from outside "
                                          "the run (e.g. nc 127.0.0.1 PORT)")),
                ParameterSpec::integer(QStringLiteral("backlog"), tr("Listen backlog"), 5, 0, 128,
                                       tr("How many finished handshakes the kernel may queue")),
                ParameterSpec::integer(QStringLiteral("port"), tr("Port"), 0, 0, 65535,
                                       tr("0 lets the system pick a free port")),
                ParameterSpec::integer(QStringLiteral("timeout_ms"), tr("Timeout (ms)"), 10000, 50,
                                       600000, tr("Limit for each accept, recv and send"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/sockets/socketserver.cpp");
    }
    void run(RunContext &context) const override
    {
        context.setOutcome(serverOutcome(lesson(context.parameters())));
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketServerScenario()
{
    return std::make_unique<SocketServerScenario>();
}

} // namespace weft
