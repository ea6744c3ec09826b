// SPDX-License-Identifier: MIT
// socket.threaded_server — a thread per connection versus one connection at a time.
//
// The Python this mirrors:
//     def handle(conn):
//         conn.settimeout(timeout)
//         request = conn.recv(1024)
//         time.sleep(work)                  # the server's work per request
//         conn.sendall(b"done: " + request)
//         conn.close()
//
//     def client(n):
//         s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//         s.settimeout(timeout)
//         s.connect(("127.0.0.1", port))
//         s.sendall(f"request {n}".encode())
//         if s.recv(1024):
//             answered += 1
//         s.close()
//
//     def serve(threaded):
//         server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//         server.settimeout(timeout)
//         server.bind(("127.0.0.1", 0))
//         server.listen(clients)
//         start = time.perf_counter()
//         client_threads, handlers = [], []
//         for n in range(1, clients + 1):
//             client_threads.append(threading.Thread(target=client, args=(n,)))
//             client_threads[-1].start()
//         for n in range(1, clients + 1):
//             conn, addr = server.accept()
//             if threaded:                  # hand it to a new thread, accept again
//                 handlers.append(threading.Thread(target=handle, args=(conn,)))
//                 handlers[-1].start()
//             else:                         # the next client waits until this one is done
//                 handle(conn)
//         for t in handlers + client_threads:
//             t.join()
//         elapsed = time.perf_counter() - start
//         server.close()
//         return elapsed
//
//     print("single-threaded server:", serve(threaded=False))
//     print("thread per connection:", serve(threaded=True))
//
// Why the C++ looks the way it does: Phase draws each serve() as a named slice
// on the main thread's lane, so the two servers sit side by side on the
// timeline. A connection handed to a handler thread is a shared_ptr that the
// handler takes over, so the connection ends on the thread that used it.
// threadedOutcome() compares the two total times.

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

// The translation context of the lesson's texts (the scenario's own).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SocketThreadedServerScenario)
};

using std::chrono::milliseconds;

// def handle(conn): the handler takes the connection over from whoever passed it.
void handle(std::shared_ptr<TcpSocket> &passed, milliseconds work, milliseconds timeout)
{
    const std::shared_ptr<TcpSocket> conn = std::move(passed);
    conn->setTimeout(timeout);
    const QByteArray request = conn->recv(1024);
    sleepFor(work); // the server's work per request
    conn->sendAll("done: " + request);
    conn->close();
}

// def client(n):
void client(int n, quint16 port, milliseconds timeout, std::atomic<int> &answered)
{
    TcpSocket s(Tr::tr("client %1 socket").arg(n));
    s.setTimeout(timeout);
    s.connect(QHostAddress(QHostAddress::LocalHost), port);
    s.sendAll(Tr::tr("request %1").arg(n).toUtf8());
    if (!s.recv(1024).isEmpty())
        ++answered;
    s.close();
}

struct Served
{
    qint64 ms = 0; // until every client had its answer
    int answered = 0; // clients that read a reply before their timeout
};

// def serve(threaded):
Served serve(bool threaded, int clients, milliseconds work, milliseconds timeout)
{
    Phase phase(threaded ? Tr::tr("thread per connection") : Tr::tr("single-threaded"));
    TcpListener server(threaded ? Tr::tr("threaded server socket")
                                : Tr::tr("single server socket"));
    server.setTimeout(timeout);
    server.bind(QHostAddress(QHostAddress::LocalHost), 0);
    server.listen(clients);
    const quint16 port = server.port();
    std::atomic<int> answered = 0;

    const auto start = std::chrono::steady_clock::now();
    std::vector<std::unique_ptr<Thread>> clientThreads;
    for (int n = 1; n <= clients; ++n) {
        clientThreads.push_back(std::make_unique<Thread>(
            threaded ? Tr::tr("client %1 (threaded)").arg(n) : Tr::tr("client %1 (single)").arg(n),
            client, n, port, timeout, std::ref(answered)));
        clientThreads.back()->start();
    }
    std::vector<std::unique_ptr<Thread>> handlers;
    for (int n = 1; n <= clients; ++n) {
        std::shared_ptr<TcpSocket> conn = server.accept();
        if (threaded) {
            handlers.push_back(std::make_unique<Thread>(Tr::tr("handler %1").arg(n), handle,
                                                        std::move(conn), work, timeout));
            handlers.back()->start();
        } else {
            handle(conn, work, timeout);
        }
    }
    for (auto &t : handlers)
        t->join();
    for (auto &t : clientThreads)
        t->join();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    server.close();
    return {std::chrono::duration_cast<milliseconds>(elapsed).count(), answered.load()};
}

struct ThreadedRun
{
    int clients = 0;
    milliseconds work {0};
    milliseconds timeout {0};
    Served single;
    Served threaded;
    QString failure;
};

// The main program: the same clients against each server, one after the other.
ThreadedRun lesson(const ParameterValues &p)
{
    ThreadedRun run;
    run.clients = int(p.integer(QStringLiteral("clients")));
    run.work = milliseconds(p.integer(QStringLiteral("work_ms")));
    run.timeout = milliseconds(p.integer(QStringLiteral("timeout_ms")));
    try {
        run.single = serve(false, run.clients, run.work, run.timeout);
        print(Tr::tr("single-threaded server: %1 ms").arg(run.single.ms));
        run.threaded = serve(true, run.clients, run.work, run.timeout);
        print(Tr::tr("thread per connection: %1 ms").arg(run.threaded.ms));
    } catch (const SocketError &e) {
        run.failure = e.message();
    }
    return run;
}

Outcome threadedOutcome(const ThreadedRun &run)
{
    Outcome outcome;
    outcome.setValue(QStringLiteral("clients"), run.clients);
    if (!run.failure.isEmpty()) {
        outcome.status = Outcome::Status::Failed;
        outcome.summary = Tr::tr("A server could not finish: %1").arg(run.failure);
        return outcome;
    }
    const qint64 singleMs = run.single.ms, threadedMs = run.threaded.ms;
    if (run.single.answered < run.clients || run.threaded.answered < run.clients) {
        // A client that gave up early makes its server look faster than it was.
        outcome.status = Outcome::Status::Failed;
        outcome.summary = Tr::tr("Not every client got its answer within the timeout (%1 ms): "
                                 "%2 of %3 with the single-threaded server, %4 of %3 with a "
                                 "thread per connection, so the times (%5 ms and %6 ms) are "
                                 "not comparable. Raise the timeout above the work time.")
                              .arg(run.timeout.count())
                              .arg(run.single.answered)
                              .arg(run.clients)
                              .arg(run.threaded.answered)
                              .arg(singleMs)
                              .arg(threadedMs);
    } else {
        outcome.status = Outcome::Status::Completed;
        outcome.summary
            = Tr::tr("%n client(s), %2 ms of work each: the single-threaded server "
                     "took %3 ms, the thread-per-connection server %4 ms (%5× as "
                     "fast).",
                     nullptr, run.clients)
                  .arg(run.work.count())
                  .arg(singleMs)
                  .arg(threadedMs)
                  .arg(threadedMs > 0 ? double(singleMs) / double(threadedMs) : 0.0, 0, 'f', 1);
    }
    outcome.setValue(QStringLiteral("single_ms"), singleMs);
    outcome.setValue(QStringLiteral("threaded_ms"), threadedMs);
    outcome.setValue(QStringLiteral("single_answered"), run.single.answered);
    outcome.setValue(QStringLiteral("threaded_answered"), run.threaded.answered);
    outcome.setValue(QStringLiteral("speedup_percent"),
                     threadedMs > 0 ? singleMs * 100 / threadedMs : 0);
    return outcome;
}

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
    void run(RunContext &context) const override
    {
        context.setOutcome(threadedOutcome(lesson(context.parameters())));
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketThreadedServerScenario()
{
    return std::make_unique<SocketThreadedServerScenario>();
}

} // namespace weft
