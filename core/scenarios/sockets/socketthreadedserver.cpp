// SPDX-License-Identifier: MIT
// socket.threaded_server — a thread per connection versus one connection at a time.
//
// The Python this mirrors:
//     def handle(conn):
//         request = conn.recv(1024)
//         time.sleep(work)                       # the server's work per request
//         conn.sendall(b"done: " + request)
//         conn.close()
//
//     # single-threaded: the next client waits until the previous one is done
//     for _ in range(clients):
//         conn, addr = server.accept()
//         handle(conn)
//
//     # threaded: accept, hand the connection to a new thread, accept again
//     for _ in range(clients):
//         conn, addr = server.accept()
//         threading.Thread(target=handle, args=(conn,)).start()
//
// The same clients run against both servers, one after the other; the
// outcome compares the two total times.

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

class SocketThreadedServerScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(SocketThreadedServerScenario)
public:
    QString id() const override { return QStringLiteral("socket.threaded_server"); }
    Topic topic() const override { return Topic::Sockets; }
    QString title() const override { return tr("A thread per connection vs. one at a time"); }
    QString explanation() const override
    {
        return tr("Several clients send a request at the same moment; handling one takes the "
                  "server a while. A single-threaded server answers them one after another, so "
                  "the last client waits for all the others. A server that starts a thread for "
                  "each accepted connection works on all of them at once. Both servers run here "
                  "with the same clients, and the outcome compares their total times.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("clients"), tr("Clients"), 5, 1, 32,
                                       tr("Clients that connect at the same time")),
                ParameterSpec::integer(QStringLiteral("work_ms"), tr("Work per request (ms)"), 200,
                                       0, 5000, tr("How long the server works on one request")),
                ParameterSpec::integer(QStringLiteral("timeout_ms"), tr("Timeout (ms)"), 30000,
                                       1000, 600000,
                                       tr("Limit for each connect, accept and recv"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/sockets/socketthreadedserver.cpp");
    }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &) const override
    {
        return std::chrono::minutes(3);
    }

    struct Served
    {
        qint64 ms = 0;
        int answered = 0; // clients that read a reply before their timeout
    };

    // Serves `clients` connections and returns the wall time until every client had its answer.
    static Served serve(RunContext &context, bool threaded, int clients,
                        std::chrono::milliseconds work, std::chrono::milliseconds timeout)
    {
        std::atomic<int> answered = 0;
        const QString phase = threaded ? tr("thread per connection") : tr("single-threaded");
        context.record(EventKind::SpanBegin, std::source_location::current(), 0, 0,
                       context.recorder().intern(phase));
        TcpListener server(threaded ? tr("threaded server socket") : tr("single server socket"));
        server.setTimeout(timeout);
        server.bind(QHostAddress(QHostAddress::LocalHost), 0);
        server.listen(clients);
        const quint16 port = server.port();

        auto handle = [work](std::shared_ptr<TcpSocket> &slot) {
            // The handler owns the connection from here on, so it is closed on this thread.
            const std::shared_ptr<TcpSocket> conn = std::move(slot);
            conn->setTimeout(std::chrono::seconds(30));
            const QByteArray request = conn->recv(1024);
            sleepFor(work);
            conn->send("done: " + request);
            conn->close();
        };
        auto client = [port, timeout, &answered](int n) {
            TcpSocket s(tr("client %1 socket").arg(n));
            s.setTimeout(timeout);
            s.connect(QHostAddress(QHostAddress::LocalHost), port);
            s.send(tr("request %1").arg(n).toUtf8());
            if (!s.recv(1024).isEmpty())
                answered.fetch_add(1);
            s.close();
        };

        const auto start = std::chrono::steady_clock::now();
        std::vector<std::unique_ptr<Thread>> clientThreads;
        for (int i = 1; i <= clients; ++i)
            clientThreads.push_back(std::make_unique<Thread>(
                threaded ? tr("client %1 (threaded)").arg(i) : tr("client %1 (single)").arg(i),
                client, i));
        for (auto &t : clientThreads)
            t->start();

        std::vector<std::unique_ptr<Thread>> handlers;
        for (int i = 0; i < clients; ++i) {
            std::shared_ptr<TcpSocket> conn = server.accept();
            if (threaded) {
                handlers.push_back(
                    std::make_unique<Thread>(tr("handler %1").arg(i + 1), handle, std::move(conn)));
                handlers.back()->start();
            } else {
                handle(conn);
            }
        }
        for (auto &t : handlers)
            t->join();
        for (auto &t : clientThreads)
            t->join();
        const auto elapsed = std::chrono::steady_clock::now() - start;
        server.close();
        context.record(EventKind::SpanEnd, std::source_location::current());
        return {std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(),
                answered.load()};
    }

    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        const int clients = int(p.integer(QStringLiteral("clients")));
        const auto work = std::chrono::milliseconds(p.integer(QStringLiteral("work_ms")));
        const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));

        Outcome outcome;
        try {
            const Served single = serve(context, false, clients, work, timeout);
            print(tr("single-threaded server: %1 ms").arg(single.ms));
            const Served threaded = serve(context, true, clients, work, timeout);
            print(tr("thread per connection: %1 ms").arg(threaded.ms));
            const qint64 singleMs = single.ms, threadedMs = threaded.ms;

            if (single.answered < clients || threaded.answered < clients) {
                // A client that gave up early makes its server look faster than it was.
                outcome.status = Outcome::Status::Failed;
                outcome.summary = tr("Not every client got its answer within the timeout (%1 ms): "
                                     "%2 of %3 with the single-threaded server, %4 of %3 with a "
                                     "thread per connection, so the times (%5 ms and %6 ms) are "
                                     "not comparable. Raise the timeout above the work time.")
                                      .arg(timeout.count())
                                      .arg(single.answered)
                                      .arg(clients)
                                      .arg(threaded.answered)
                                      .arg(singleMs)
                                      .arg(threadedMs);
            } else {
                outcome.status = Outcome::Status::Completed;
                outcome.summary
                    = tr("%n client(s), %2 ms of work each: the single-threaded server "
                         "took %3 ms, the thread-per-connection server %4 ms (%5x "
                         "faster).",
                         nullptr, clients)
                          .arg(work.count())
                          .arg(singleMs)
                          .arg(threadedMs)
                          .arg(threadedMs > 0 ? double(singleMs) / double(threadedMs) : 0.0, 0, 'f',
                               1);
            }
            outcome.setValue(QStringLiteral("single_ms"), singleMs);
            outcome.setValue(QStringLiteral("threaded_ms"), threadedMs);
            outcome.setValue(QStringLiteral("single_answered"), single.answered);
            outcome.setValue(QStringLiteral("threaded_answered"), threaded.answered);
            outcome.setValue(QStringLiteral("speedup_percent"),
                             threadedMs > 0 ? singleMs * 100 / threadedMs : 0);
        } catch (const SocketError &e) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = tr("A server could not finish: %1").arg(e.message());
        }
        outcome.setValue(QStringLiteral("clients"), clients);
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketThreadedServerScenario()
{
    return std::make_unique<SocketThreadedServerScenario>();
}

} // namespace weft
