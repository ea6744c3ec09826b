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

#include "core/process/connection.h"
#include "core/process/process.h"
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>

namespace weft {
namespace {

const QString kRole = QStringLiteral("pipe-echo");

// The child process's main function: answer every message with an echo.
int pipeEcho(WorkerContext &worker)
{
    const int messages = int(worker.parameters().integer(QStringLiteral("messages")));
    Connection conn = worker.connection(0);
    for (int i = 0; i < messages; ++i)
        conn.send("echo " + conn.recv());
    return 0;
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
        const int messages = int(context.parameters().integer(QStringLiteral("messages")));
        const int size = int(context.parameters().integer(QStringLiteral("size")));

        auto [parentConn, childConn] = Connection::pipe(tr("pipe"), tr("parent"), tr("child"));
        Process child(tr("echo"), kRole, {QStringLiteral("messages=%1").arg(messages)});
        child.pass(std::move(childConn));
        child.start();

        qint64 bytesSent = 0, bytesReceived = 0, goodReplies = 0;
        for (int i = 0; i < messages; ++i) {
            const QByteArray message = taggedMessage(QStringLiteral("m%1").arg(i + 1), size);
            parentConn.send(message);
            const QByteArray reply = parentConn.recv();
            bytesSent += message.size();
            bytesReceived += reply.size();
            goodReplies += reply == "echo " + message;
        }
        child.join();

        Outcome outcome;
        outcome.setValue(QStringLiteral("sent"), messages);
        outcome.setValue(QStringLiteral("replies"), goodReplies);
        outcome.setValue(QStringLiteral("bytes_sent"), bytesSent);
        outcome.setValue(QStringLiteral("bytes_received"), bytesReceived);
        outcome.summary = tr("%n message(s) (%2 bytes) went through the pipe and %3 "
                             "(%4 bytes) came back.",
                             nullptr, messages)
                              .arg(bytesSent)
                              .arg(tr("%n correct echo(es)", nullptr, goodReplies))
                              .arg(bytesReceived);
        if (!child.exitedNormally() || goodReplies != messages) {
            outcome.status = Outcome::Status::Failed;
            if (!child.exitedNormally())
                outcome.summary += QLatin1Char(' ') + child.errorMessage();
        }
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessPipeScenario()
{
    return std::make_unique<ProcessPipeScenario>();
}

QList<WorkerRole> processPipeWorkerRoles()
{
    return {{kRole, specsNamed(ProcessPipeScenario().parameters(), {"messages"}), pipeEcho}};
}

} // namespace weft
