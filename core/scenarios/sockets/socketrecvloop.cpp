// SPDX-License-Identifier: MIT
// socket.recv_loop — a reply bigger than one receive buffer is read in a loop
// of recv() calls until the peer closes the connection.
//
// The Python this mirrors:
//     # server thread
//     conn, addr = server.accept()
//     conn.sendall(data)            # e.g. 1 MiB, in 64 KiB writes
//     conn.close()
//     # client
//     s.connect(("127.0.0.1", port))
//     received = b""
//     while True:
//         chunk = s.recv(4096)      # returns whatever has arrived, up to 4096
//         if not chunk: break       # b"" means the peer closed
//         received += chunk

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
        const ParameterValues &p = context.parameters();
        const qint64 size = p.integer(QStringLiteral("size"));
        const qint64 chunkSize = p.integer(QStringLiteral("chunk"));
        const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));

        TcpListener server(tr("server socket"));
        server.setTimeout(timeout);
        server.bind(QHostAddress(QHostAddress::LocalHost), 0);
        server.listen(1);

        std::atomic<qint64> sent {0};
        Thread sender(tr("server"), [&] {
            const std::unique_ptr<TcpSocket> conn = server.accept();
            conn->setTimeout(timeout);
            const QByteArray data = HttpResponder::textPayload(size);
            for (qint64 offset = 0; offset < size; offset += 64 * 1024) {
                conn->send(data.mid(offset, 64 * 1024));
                sent += std::min<qint64>(64 * 1024, size - offset);
            }
            conn->close();
        });
        sender.start();

        Outcome outcome;
        qint64 received = 0;
        int calls = 0;
        try {
            TcpSocket s(tr("client socket"));
            s.setTimeout(timeout);
            s.connect(server.address(), server.port());
            for (;;) {
                const QByteArray chunk = s.recv(chunkSize);
                ++calls;
                if (chunk.isEmpty())
                    break;
                received += chunk.size();
            }
            s.close();
        } catch (const SocketError &e) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = tr("The transfer failed: %1").arg(e.message());
        }
        sender.join();
        server.close();

        if (outcome.status != Outcome::Status::Failed) {
            outcome.status = Outcome::Status::Completed;
            outcome.summary = received == sent.load()
                ? tr("%1 bytes sent, %2 bytes received in %3 recv() calls (the last one returned "
                     "nothing: the server had closed).")
                      .arg(sent.load())
                      .arg(received)
                      .arg(calls)
                : tr("%1 bytes sent but %2 bytes received.").arg(sent.load()).arg(received);
        }
        outcome.setValue(QStringLiteral("bytes_sent"), sent.load());
        outcome.setValue(QStringLiteral("bytes_received"), received);
        outcome.setValue(QStringLiteral("recv_calls"), calls);
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketRecvLoopScenario()
{
    return std::make_unique<SocketRecvLoopScenario>();
}

} // namespace weft
