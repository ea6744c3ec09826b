// SPDX-License-Identifier: MIT
// socket.client — create a socket, resolve a name, connect, send a request,
// receive the reply, close.
//
// The Python this mirrors:
//     s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
//     s.settimeout(5)
//     address = socket.gethostbyname(host)
//     s.connect((address, port))
//     s.sendall(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
//     reply = b""
//     while len(reply) < max_bytes:
//         chunk = s.recv(4096)
//         if not chunk: break
//         reply += chunk
//     s.close()
//
// With port 0 the scenario first starts a small HTTP responder on 127.0.0.1
// (on its own thread), so it works with no network at all.

#include "core/interchange/untrustedtext.h"
#include "core/net/hostresolver.h"
#include "core/net/httpresponder.h"
#include "core/net/socketerror.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "socketscenarios.h"

#include <QCoreApplication>

namespace weft {
namespace {

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
                    tr("A proper GET, a line of garbage, or a 16 KiB request "
                       "head")),
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

    static QByteArray request(const QString &kind, const QString &host)
    {
        if (kind == QStringLiteral("garbage"))
            return "HELLO? IS ANYBODY THERE?\r\n\r\n";
        QByteArray head = "GET / HTTP/1.0\r\nHost: " + host.toUtf8() + "\r\nUser-Agent: weft\r\n";
        if (kind == QStringLiteral("oversized"))
            head += "X-Padding: " + QByteArray(16 * 1024, 'a') + "\r\n";
        return head + "\r\n";
    }

    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        const QString host = p.text(QStringLiteral("host")).trimmed();
        auto port = quint16(p.integer(QStringLiteral("port")));
        const qint64 maxBytes = p.integer(QStringLiteral("max_bytes"));
        const auto timeout = std::chrono::milliseconds(p.integer(QStringLiteral("timeout_ms")));

        std::unique_ptr<HttpResponder> responder;
        if (port == 0) {
            responder = std::make_unique<HttpResponder>();
            responder->setTimeout(timeout);
            responder->start();
            port = responder->port();
        }

        Outcome outcome;
        qint64 sent = 0;
        QByteArray reply;
        try {
            TcpSocket s(tr("client socket"));
            s.setTimeout(timeout);
            const QHostAddress address = resolveHost(host, timeout);
            print(tr("%1 is %2").arg(host, address.toString()));
            s.connect(address, port);
            const QByteArray message = request(p.text(QStringLiteral("request")), host);
            s.send(message);
            sent = message.size();
            while (reply.size() < maxBytes) {
                const QByteArray chunk = s.recv(std::min<qint64>(4096, maxBytes - reply.size()));
                if (chunk.isEmpty())
                    break; // the server closed the connection: the reply is complete
                reply += chunk;
            }
            s.close();

            const qsizetype lineEnd = reply.indexOf("\r\n");
            const QByteArray statusLine = lineEnd >= 0 ? reply.left(lineEnd) : reply.left(80);
            const QList<QByteArray> parts = statusLine.split(' ');
            const int status = parts.size() >= 2 ? parts[1].toInt() : 0;
            if (reply.isEmpty()) {
                outcome.status = Outcome::Status::Failed;
                outcome.summary = tr("Sent %1 bytes; the server closed the connection without "
                                     "replying.")
                                      .arg(sent);
            } else {
                // The server's bytes, shown escaped: a reply must not drive the terminal.
                const QString shown = terminalSafe(statusLine.left(80));
                print(tr("reply: %1").arg(shown));
                outcome.status = Outcome::Status::Completed;
                outcome.summary = tr("Sent %1 bytes and received %2 bytes; the server answered "
                                     "\"%3\".")
                                      .arg(sent)
                                      .arg(reply.size())
                                      .arg(shown);
            }
            outcome.setValue(QStringLiteral("http_status"), status);
        } catch (const SocketError &e) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary = tr("The client could not finish: %1").arg(e.message());
            outcome.setValue(QStringLiteral("error_kind"), qint64(e.kind()));
        }
        outcome.setValue(QStringLiteral("bytes_sent"), sent);
        outcome.setValue(QStringLiteral("bytes_received"), reply.size());
        outcome.setValue(QStringLiteral("port"), port);

        if (responder) {
            responder->stop();
            outcome.setValue(QStringLiteral("responder_answered"), responder->requestsAnswered());
            outcome.setValue(QStringLiteral("responder_rejected"), responder->requestsRejected());
        }
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeSocketClientScenario()
{
    return std::make_unique<SocketClientScenario>();
}

} // namespace weft
