// SPDX-License-Identifier: MIT
// process.pipe — two processes talk through a duplex pipe.
//
// The Python this mirrors:
//     def echo(conn, n):
//         for _ in range(n):
//             conn.send(b"echo " + conn.recv())
//     parent_conn, child_conn = multiprocessing.Pipe()
//     p = multiprocessing.Process(target=echo, args=(child_conn, n)); p.start()
//     for i in range(n):
//         parent_conn.send(message(i))
//         reply = parent_conn.recv()
//     p.join()
//
// The child is this program again, started as a worker, so it runs echo()
// from this file: its sends and receives point at these lines too. echo() is
// registered once under a name (see the factory at the end), which is how the
// child finds it. Each direction of the pipe is its own channel on the
// timeline ("pipe: parent → child" and back), so every send is drawn as an
// arrow to its receive. The lesson keeps what it sent and got for the check.

#include "core/process/connection.h"
#include "core/process/process.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>

namespace weft {
namespace {

// The translation context of the lesson's strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProcessPipeScenario)
};

// What the child process runs.
void echo(Connection conn, int n)
{
    for (int i = 0; i < n; ++i)
        conn.send("echo " + conn.recv());
}

struct Exchange
{
    QList<QByteArray> sent, replies;
    QString childError; // empty if the child exited normally
};

Exchange talkThroughAPipe(int n, int size)
{
    auto [parentConn, childConn]
        = Connection::pipe(Tr::tr("pipe"), Tr::tr("parent"), Tr::tr("child"));
    Process p(Tr::tr("echo"), echo, std::move(childConn), n);
    p.start();
    Exchange exchange;
    for (int i = 1; i <= n; ++i) {
        const QByteArray message = taggedMessage(QStringLiteral("m%1").arg(i), size);
        parentConn.send(message);
        const QByteArray reply = parentConn.recv();
        exchange.sent << message;
        exchange.replies << reply;
    }
    p.join();
    exchange.childError = p.errorMessage();
    return exchange;
}

// The check: every message came back as its echo.
Outcome pipeOutcome(const Exchange &exchange)
{
    const int messages = int(exchange.sent.size());
    qint64 bytesSent = 0, bytesReceived = 0, goodReplies = 0;
    for (int i = 0; i < messages; ++i) {
        bytesSent += exchange.sent[i].size();
        bytesReceived += exchange.replies[i].size();
        goodReplies += exchange.replies[i] == "echo " + exchange.sent[i];
    }
    Outcome outcome;
    outcome.setValue(QStringLiteral("sent"), messages);
    outcome.setValue(QStringLiteral("replies"), goodReplies);
    outcome.setValue(QStringLiteral("bytes_sent"), bytesSent);
    outcome.setValue(QStringLiteral("bytes_received"), bytesReceived);
    outcome.summary = Tr::tr("%n message(s) (%2 bytes) went through the pipe and %3 "
                             "(%4 bytes) came back.",
                             nullptr, messages)
                          .arg(bytesSent)
                          .arg(Tr::tr("%n correct echo(es)", nullptr, int(goodReplies)))
                          .arg(bytesReceived);
    if (!exchange.childError.isEmpty() || goodReplies != messages) {
        outcome.status = Outcome::Status::Failed;
        if (!exchange.childError.isEmpty())
            outcome.summary += QLatin1Char(' ') + exchange.childError;
    }
    return outcome;
}

class ProcessPipeScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ProcessPipeScenario)
public:
    QString id() const override { return QStringLiteral("process.pipe"); }
    Topic topic() const override { return Topic::Processes; }
    QString title() const override { return tr("Talk through a pipe"); }
    QString explanation() const override
    {
        return tr("A pipe has two ends, one per process, and carries whole messages both ways. The "
                  "parent sends each message and waits for the child's echo; every send and "
                  "receive is an arrow between the two processes, labelled with its bytes.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("messages"), tr("Messages"), 5, 1, 1000),
                ParameterSpec::integer(QStringLiteral("size"), tr("Message size (bytes)"), 64, 1,
                                       65536)};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/processes/processpipe.cpp");
    }
    void run(RunContext &context) const override
    {
        const ParameterValues &p = context.parameters();
        context.setOutcome(pipeOutcome(talkThroughAPipe(int(p.integer(QStringLiteral("messages"))),
                                                        int(p.integer(QStringLiteral("size"))))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessPipeScenario()
{
    // Here, so that the parent (which starts the child) and the child (which
    // builds the catalogue) both know echo() by this name.
    WorkerRoles::instance().add(workerTarget(QStringLiteral("pipe-echo"), echo));
    return std::make_unique<ProcessPipeScenario>();
}

} // namespace weft
