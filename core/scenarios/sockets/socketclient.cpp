// SPDX-License-Identifier: MIT
// socket.client — a TCP client: resolve a name, connect, send a request, read
// the reply until the server closes the connection, close.
//
// The Python this mirrors:
//     import socket
//
//     def client(host, port, request):
//         s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//         s.settimeout(timeout)
//         address = socket.gethostbyname(host)
//         print(f"{host} is {address}")
//         s.connect((address, port))
//         s.sendall(request)
//         reply = b""
//         while len(reply) < max_bytes:
//             chunk = s.recv(min(4096, max_bytes - len(reply)))
//             if not chunk:
//                 break                 # the server closed: the reply is complete
//             reply += chunk
//         s.close()
//         print("reply:", reply.split(b"\r\n")[0])
//         return reply
//
//     if port == 0:                     # no server named: a stand-in on 127.0.0.1
//         server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
//         threading.Thread(target=server.serve_forever).start()
//         port = server.server_port
//     request = b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n"
//     try:
//         reply = client(host, port, request)
//     except OSError as error:          # socket.gaierror, ConnectionRefusedError, timeout
//         failure = error
//     server.shutdown()
//
// Why the C++ looks the way it does: TcpSocket is Python's socket object with
// every call traced; sendAll() is sendall(): it calls send() until the kernel
// has every byte, and each piece the kernel takes is drawn as a packet.
// resolveHost() is gethostbyname(). HttpResponder plays http.server on a thread
// of its own; it is not the lesson, so what it does points at no line here.
// The lesson hands what it saw to clientOutcome(), which states the result.

#include "core/interchange/untrustedtext.h"
#include "core/net/hostresolver.h"
#include "core/net/httpresponder.h"
#include "core/net/socketerror.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "socketscenarios.h"

#include <QCoreApplication>
#include <optional>

namespace weft {
namespace {

// The translation context of the lesson's texts (the scenario's own).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SocketClientScenario)
};

// def client(host, port, request):
QByteArray client(const QString &host, quint16 port, const QByteArray &request, qint64 maxBytes,
                  std::chrono::milliseconds timeout)
{
    TcpSocket s(Tr::tr("client socket"));
    s.setTimeout(timeout);
    const QHostAddress address = resolveHost(host, timeout);
    print(Tr::tr("%1 is %2").arg(host, address.toString()));
    s.connect(address, port);
    s.sendAll(request);
    QByteArray reply;
    while (reply.size() < maxBytes) {
        const QByteArray chunk = s.recv(std::min<qint64>(4096, maxBytes - reply.size()));
        if (chunk.isEmpty())
            break; // the server closed the connection: the reply is complete
        reply += chunk;
    }
    s.close();
    // The server's bytes, shown escaped: a reply must not drive the terminal.
    print(Tr::tr("reply: %1").arg(terminalSafe(reply.split('\r').first().left(80))));
    return reply;
}

// The request the lesson sends: a proper GET, or the bad input a server must refuse.
QByteArray request(const QString &kind, const QString &host)
{
    if (kind == QStringLiteral("garbage"))
        return "HELLO? IS ANYBODY THERE?\r\n\r\n";
    QByteArray head = "GET / HTTP/1.0\r\nHost: " + host.toUtf8() + "\r\nUser-Agent: weft\r\n";
    if (kind == QStringLiteral("oversized"))
        head += "X-Padding: " + QByteArray(16 * 1024, 'a') + "\r\n";
    return head + "\r\n";
}

// What the lesson saw, for clientOutcome().
struct ClientRun
{
    quint16 port = 0;
    qint64 sent = 0;
    qint64 maxBytes = 0; // where the client stops reading
    QByteArray reply;
    std::optional<SocketError> failure;
    int answered = -1; // requests the stand-in server answered; -1 if another server was named
    int rejected = -1;
};

// The main program: a stand-in server unless one was named, then the client.
ClientRun lesson(const ParameterValues &p)
{
    const QString host = p.text(QStringLiteral("host")).trimmed();
    auto port = quint16(p.integer(QStringLiteral("port")));
    const qint64 maxBytes = p.integer(QStringLiteral("max_bytes"));
    const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));
    ClientRun run;
    run.maxBytes = maxBytes;

    std::unique_ptr<HttpResponder> server;
    if (port == 0) {
        server = std::make_unique<HttpResponder>();
        server->setTimeout(timeout);
        server->start();
        port = server->port();
    }
    const QByteArray message = request(p.text(QStringLiteral("request")), host);
    try {
        run.reply = client(host, port, message, maxBytes, timeout);
        run.sent = message.size();
    } catch (const SocketError &error) {
        run.failure = error;
    }
    if (server) {
        server->stop();
        run.answered = server->requestsAnswered();
        run.rejected = server->requestsRejected();
    }
    run.port = port;
    return run;
}

Outcome clientOutcome(const ClientRun &run)
{
    Outcome outcome;
    if (run.failure) {
        outcome.status = Outcome::Status::Failed;
        outcome.summary = Tr::tr("The client could not finish: %1").arg(run.failure->message());
        outcome.setValue(QStringLiteral("error_kind"), qint64(run.failure->kind()));
    } else {
        const qsizetype lineEnd = run.reply.indexOf("\r\n");
        const QByteArray statusLine = lineEnd >= 0 ? run.reply.left(lineEnd) : run.reply.left(80);
        const QList<QByteArray> parts = statusLine.split(' ');
        outcome.setValue(QStringLiteral("http_status"), parts.size() >= 2 ? parts[1].toInt() : 0);
        if (run.reply.isEmpty()) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = Tr::tr("Sent %1 bytes; the server closed the connection without "
                                     "replying.")
                                  .arg(run.sent);
        } else {
            outcome.status = Outcome::Status::Completed;
            outcome.summary = Tr::tr("Sent %1 bytes and received %2 bytes; the server answered "
                                     "\"%3\".")
                                  .arg(run.sent)
                                  .arg(run.reply.size())
                                  .arg(terminalSafe(statusLine.left(80)));
            // The loop ends at max_bytes whether or not the reply did.
            if (run.reply.size() >= run.maxBytes)
                outcome.summary += QLatin1Char(' ')
                    + Tr::tr("The client stopped reading at max_bytes (%1 bytes): the reply may "
                             "go on.")
                          .arg(run.maxBytes);
        }
    }
    outcome.setValue(QStringLiteral("truncated"), !run.failure && run.reply.size() >= run.maxBytes);
    outcome.setValue(QStringLiteral("bytes_sent"), run.sent);
    outcome.setValue(QStringLiteral("bytes_received"), run.reply.size());
    outcome.setValue(QStringLiteral("port"), run.port);
    if (run.answered >= 0) {
        outcome.setValue(QStringLiteral("responder_answered"), run.answered);
        outcome.setValue(QStringLiteral("responder_rejected"), run.rejected);
    }
    return outcome;
}

class SocketClientScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(SocketClientScenario)
public:
    QString id() const override { return QStringLiteral("socket.client"); }
    Topic topic() const override { return Topic::Sockets; }
    QString title() const override { return tr("A TCP client: connect, send, receive"); }
    QString explanation() const override
    {
        return tr("The client creates a socket, resolves the host name to an address, connects "
                  "(the TCP handshake), sends an HTTP request and reads the reply in chunks until "
                  "the server closes the connection. By default it talks to a small HTTP "
                  "responder the scenario starts on 127.0.0.1. Try an unknown host such as "
                  "no-such-host.invalid, or a port where nothing listens: the failure is shown "
                  "as an error, not a crash. The garbage and oversized requests show that a "
                  "server answers bad input with an error reply.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::text(QStringLiteral("host"), tr("Host"), QStringLiteral("localhost"),
                                    253, tr("Name or address of the server")),
                ParameterSpec::integer(QStringLiteral("port"), tr("Port"), 0, 0, 65535,
                                       tr("Server port; 0 starts the local HTTP responder on "
                                          "127.0.0.1 and uses its port")),
                ParameterSpec::choice(
                    QStringLiteral("request"), tr("Request"),
                    {QStringLiteral("get"), QStringLiteral("garbage"), QStringLiteral("oversized")},
                    QStringLiteral("get"),
                    tr("A proper GET, a line of garbage, or a 16 KiB request head (on the "
                       "command line: request=get, garbage or oversized)"),
                    {tr("a proper GET"), tr("a line of garbage"), tr("a 16 KiB request head")}),
                ParameterSpec::integer(QStringLiteral("max_bytes"), tr("Max bytes to receive"),
                                       65536, 1, 16 * 1024 * 1024,
                                       tr("The client stops reading after this many bytes")),
                ParameterSpec::integer(QStringLiteral("timeout_ms"), tr("Timeout (ms)"), 5000, 50,
                                       120000,
                                       tr("Limit for resolving, connecting and each "
                                          "receive"))};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/sockets/socketclient.cpp");
    }
    void run(RunContext &context) const override
    {
        context.setOutcome(clientOutcome(lesson(context.parameters())));
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketClientScenario()
{
    return std::make_unique<SocketClientScenario>();
}

} // namespace weft
