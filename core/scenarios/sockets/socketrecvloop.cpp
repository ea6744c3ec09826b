// SPDX-License-Identifier: MIT
// socket.recv_loop — a reply bigger than one receive buffer is read in a loop
// of recv() calls until the peer closes the connection.
//
// The Python this mirrors:
//     server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//     server.settimeout(timeout)
//     server.bind(("127.0.0.1", 0))
//     server.listen(1)
//
//     def serve():                          # the server thread
//         conn, addr = server.accept()
//         conn.settimeout(timeout)
//         conn.sendall(data)                # e.g. 1 MiB: the kernel takes it in pieces
//         sent = len(data)
//         conn.close()
//
//     t = threading.Thread(target=serve, name="server")
//     t.start()
//     try:
//         s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//         s.settimeout(timeout)
//         s.connect(server.getsockname())
//         received, calls = 0, 0
//         while True:
//             chunk = s.recv(4096)          # whatever has arrived, up to 4096 bytes
//             calls += 1
//             if not chunk:
//                 break                     # b"" means the peer closed
//             received += len(chunk)
//         s.close()
//     except OSError as error:
//         failure = error
//     t.join()
//     server.close()
//
// Why the C++ looks the way it does: TcpListener and TcpSocket are Python's
// socket objects with every call traced. sendAll() is sendall(): it calls
// send() until the kernel has every byte, and each piece the kernel took is
// one arrow, as each recv() is. recvLoopOutcome() checks the bytes add up.

#include "core/net/httpresponder.h"
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

namespace weft {
namespace {

// The translation context of the lesson's texts (the scenario's own).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SocketRecvLoopScenario)
};

// What the lesson counted, for recvLoopOutcome().
struct RecvLoopRun
{
    qint64 sent = 0;
    qint64 received = 0;
    int calls = 0;
    QString failure;
};

// The main program: the server's thread sends, the main thread receives in a loop.
RecvLoopRun lesson(const ParameterValues &p)
{
    const qint64 size = p.integer(QStringLiteral("size"));
    const qint64 chunkSize = p.integer(QStringLiteral("chunk"));
    const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));
    const QByteArray data = HttpResponder::textPayload(size); // numbered lines: readable pieces
    RecvLoopRun run;

    TcpListener server(Tr::tr("server socket"));
    server.setTimeout(timeout);
    server.bind(QHostAddress(QHostAddress::LocalHost), 0);
    server.listen(1);

    std::atomic<qint64> sent {0};
    auto serve = [&] {
        const std::unique_ptr<TcpSocket> conn = server.accept();
        conn->setTimeout(timeout);
        conn->sendAll(data);
        sent = data.size();
        conn->close();
    };
    Thread t(Tr::tr("server"), serve);
    t.start();
    try {
        TcpSocket s(Tr::tr("client socket"));
        s.setTimeout(timeout);
        s.connect(server.address(), server.port());
        for (;;) {
            const QByteArray chunk = s.recv(chunkSize);
            ++run.calls;
            if (chunk.isEmpty())
                break; // the server closed the connection
            run.received += chunk.size();
        }
        s.close();
    } catch (const SocketError &e) {
        run.failure = e.message();
    }
    t.join();
    server.close();

    run.sent = sent.load();
    return run;
}

Outcome recvLoopOutcome(const RecvLoopRun &run)
{
    Outcome outcome;
    if (!run.failure.isEmpty()) {
        outcome.status = Outcome::Status::Failed;
        outcome.summary = Tr::tr("The transfer failed: %1").arg(run.failure);
    } else {
        outcome.status = Outcome::Status::Completed;
        outcome.summary = run.received == run.sent
            ? Tr::tr("%1 bytes sent, %2 bytes received in %3 recv() calls (the last one "
                     "returned nothing: the server had closed).")
                  .arg(run.sent)
                  .arg(run.received)
                  .arg(run.calls)
            : Tr::tr("%1 bytes sent but %2 bytes received.").arg(run.sent).arg(run.received);
    }
    outcome.setValue(QStringLiteral("bytes_sent"), run.sent);
    outcome.setValue(QStringLiteral("bytes_received"), run.received);
    outcome.setValue(QStringLiteral("recv_calls"), run.calls);
    return outcome;
}

class SocketRecvLoopScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(SocketRecvLoopScenario)
public:
    QString id() const override { return QStringLiteral("socket.recv_loop"); }
    Topic topic() const override { return Topic::Sockets; }
    QString title() const override { return tr("Receive a large reply in a loop"); }
    QString explanation() const override
    {
        return tr("One recv() call returns whatever has arrived so far, up to the size asked "
                  "for — never the whole message at once if it is large. The client therefore "
                  "calls recv() in a loop until it returns nothing, which means the server "
                  "closed the connection. Every chunk is drawn as its own arrow; the bytes "
                  "received add up to the bytes sent.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("size"), tr("Reply size (bytes)"),
                                       1024 * 1024, 1, 64 * 1024 * 1024,
                                       tr("How many bytes the server sends")),
                ParameterSpec::integer(QStringLiteral("chunk"), tr("recv() size (bytes)"), 4096, 1,
                                       65536, tr("The most one recv() call asks for")),
                ParameterSpec::integer(QStringLiteral("timeout_ms"), tr("Timeout (ms)"), 10000, 50,
                                       120000, tr("Limit for each connect, send and recv"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/sockets/socketrecvloop.cpp");
    }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &p) const override
    {
        // One recv() per chunk, each about 1 us and two events here (64 MiB a byte at a time
        // took 64 s): give each 3 us beyond the usual minute.
        const qint64 calls = p.integer(QStringLiteral("size"))
            / std::max<qint64>(1, p.integer(QStringLiteral("chunk")));
        return std::chrono::minutes(1) + std::chrono::milliseconds(calls * 3 / 1000);
    }
    void run(RunContext &context) const override
    {
        context.setOutcome(recvLoopOutcome(lesson(context.parameters())));
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketRecvLoopScenario()
{
    return std::make_unique<SocketRecvLoopScenario>();
}

} // namespace weft
