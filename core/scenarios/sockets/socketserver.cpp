// SPDX-License-Identifier: MIT
// socket.server — bind, listen, accept, recv, reply, close; client threads connect.
//
// The Python this mirrors:
//     server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//     server.bind(("127.0.0.1", port))
//     server.listen(backlog)
//     for _ in range(clients):
//         conn, addr = server.accept()
//         data = conn.recv(1024)
//         conn.sendall(b"Hello " + addr + b", you said: " + data)
//         conn.close()
//     server.close()
//
//     # each client thread
//     s = socket.socket(); s.connect(("127.0.0.1", port))
//     s.sendall(b"Hi, I am Thread-1"); print(s.recv(1024)); s.close()
//
// The listening port is recorded as the value of the bind and listen events,
// so a client outside the run (nc, curl, a test) can connect too: set
// "external_clients" to how many such connections the server should wait for.

#include "core/net/socketerror.h"
#include "core/net/tcplistener.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "socketscenarios.h"

#include <QCoreApplication>
#include <atomic>
#include <vector>

namespace weft {
namespace {

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
        const ParameterValues &p = context.parameters();
        const int clients = int(p.integer(QStringLiteral("clients")));
        const int total = clients + int(p.integer(QStringLiteral("external_clients")));
        const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));

        TcpListener server(tr("server socket"));
        server.setTimeout(timeout);
        server.bind(QHostAddress(QHostAddress::LocalHost),
                    quint16(p.integer(QStringLiteral("port"))));
        server.listen(int(p.integer(QStringLiteral("backlog"))));
        const quint16 port = server.port();
        print(tr("listening on 127.0.0.1:%1").arg(port));

        std::atomic<int> repliesRead {0};
        auto client = [&repliesRead, port, timeout] {
            TcpSocket s(tr("%1 socket").arg(currentThreadName()));
            s.setTimeout(timeout);
            s.connect(QHostAddress(QHostAddress::LocalHost), port);
            s.send(tr("Hi, I am %1").arg(currentThreadName()).toUtf8());
            QByteArray reply;
            for (QByteArray chunk = s.recv(1024); !chunk.isEmpty(); chunk = s.recv(1024))
                reply += chunk;
            print(QString::fromUtf8(reply).trimmed()); // the greeting ends its line itself
            s.close();
            ++repliesRead;
        };
        std::vector<std::unique_ptr<Thread>> threads;
        for (int i = 0; i < clients; ++i)
            threads.push_back(std::make_unique<Thread>(QString(), client));
        for (auto &t : threads)
            t->start();

        int served = 0;
        qint64 bytesIn = 0;
        QString failure;
        for (int i = 0; i < total; ++i) {
            std::unique_ptr<TcpSocket> conn;
            try {
                conn = server.accept();
            } catch (const SocketError &e) {
                failure = e.message(); // nobody came within the timeout: stop serving
                break;
            }
            try {
                conn->setTimeout(timeout);
                const QByteArray data = conn->recv(1024);
                bytesIn += data.size();
                conn->send(tr("Hello %1, you said: %2\n")
                               .arg(conn->peerAddress().toString(), QString::fromUtf8(data))
                               .toUtf8());
                ++served;
            } catch (const SocketError &e) {
                failure = e.message(); // one bad client does not stop the server
            }
            conn->close();
        }
        for (auto &t : threads)
            t->join();
        server.close();

        Outcome outcome;
        // Every connection answered and every client thread read its greeting, or the run failed.
        const bool complete = served == total && repliesRead.load() == clients && failure.isEmpty();
        outcome.status = complete ? Outcome::Status::Completed : Outcome::Status::Failed;
        outcome.summary = tr("The server on port %1 accepted and answered %2 of %3 connections; "
                             "%4 client threads read their greeting.")
                              .arg(port)
                              .arg(served)
                              .arg(total)
                              .arg(repliesRead.load());
        if (!failure.isEmpty())
            outcome.summary += QLatin1Char(' ') + tr("Last error: %1").arg(failure);
        outcome.setValue(QStringLiteral("port"), port);
        outcome.setValue(QStringLiteral("served"), served);
        outcome.setValue(QStringLiteral("connections"), total);
        outcome.setValue(QStringLiteral("replies_read"), repliesRead.load());
        outcome.setValue(QStringLiteral("bytes_received"), bytesIn);
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketServerScenario()
{
    return std::make_unique<SocketServerScenario>();
}

} // namespace weft
