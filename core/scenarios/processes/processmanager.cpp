// SPDX-License-Identifier: MIT
// process.manager — a manager process holds shared state for the others.
//
// The Python this mirrors:
//     with multiprocessing.Manager() as manager:      # a server process
//         shared = manager.dict(counter=0)
//         def work(shared, n):
//             for _ in range(n):
//                 shared.increment("counter")         # one request, one reply
//         workers = [Process(target=work, args=(shared, n)) for _ in range(W)]
//         ... start and join them
//         print(shared["counter"])                    # W * n
//
// Each update is a request to the manager and a reply from it, so the
// manager applies them one at a time and none is lost.

#include "core/process/connection.h"
#include "core/process/process.h"
#include "core/process/workercontext.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>
#include <map>
#include <memory>
#include <poll.h>
#include <stdexcept>
#include <vector>

namespace weft {
namespace {

const QString kManagerRole = QStringLiteral("manager");
const QString kWorkerRole = QStringLiteral("manager-worker");

// The manager process: serves "TAG incr KEY N" and "TAG get KEY" requests on
// every connection until all of them are closed.
int manager(WorkerContext &worker)
{
    std::vector<Connection> clients;
    for (int i = 0; i < worker.endpointCount(); ++i)
        clients.push_back(worker.connection(i));
    std::map<QByteArray, qint64> shared;
    std::map<QByteArray, quint32> tracks; // a counter track per key
    auto track = [&](const QByteArray &key) {
        auto [it, added] = tracks.emplace(key, 0);
        if (added)
            it->second = worker.run().recorder().addObject(QString::fromUtf8("shared[" + key + "]"),
                                                           ObjectKind::Counter);
        return it->second;
    };

    for (std::size_t open = clients.size(); open > 0;) {
        std::vector<pollfd> fds;
        for (const Connection &c : clients)
            fds.push_back({c.isOpen() ? c.fd() : -1, POLLIN, 0});
        ::poll(fds.data(), fds.size(), 10);
        for (std::size_t i = 0; i < clients.size(); ++i) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            QByteArray request;
            try {
                request = clients[i].recv();
            } catch (const std::runtime_error &) {
                clients[i].close(); // that client is done
                --open;
                continue;
            }
            const QList<QByteArray> words = request.split(' ');
            if (words.size() < 3)
                throw std::runtime_error("malformed request: " + request.toStdString());
            const QByteArray &tag = words[0], &op = words[1], &key = words[2];
            if (op == "incr") {
                shared[key] += words.value(3, "1").toLongLong();
                worker.run().record(EventKind::CounterValue, std::source_location::current(),
                                    track(key), shared[key]);
            }
            clients[i].send(tag + ' ' + key + '=' + QByteArray::number(shared[key]));
        }
    }
    return 0;
}

// A worker process: increments the shared counter through the manager.
int managerWorker(WorkerContext &worker)
{
    const qint64 me = worker.parameters().integer(QStringLiteral("id"));
    Connection manager = worker.connection(0);
    for (qint64 i = 1; i <= worker.parameters().integer(QStringLiteral("updates")); ++i) {
        manager.send("w" + QByteArray::number(me) + '#' + QByteArray::number(i)
                     + " incr counter 1");
        manager.recv(); // the reply: the value after this update
    }
    return 0;
}

class ProcessManagerScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ProcessManagerScenario)
public:
    QString id() const override { return QStringLiteral("process.manager"); }
    Topic topic() const override { return Topic::Processes; }
    QString title() const override { return tr("Shared state in a manager process"); }
    QString explanation() const override
    {
        return tr("Processes cannot share a variable, so one process — the manager — holds a "
                  "shared counter and the workers send it requests. Each update is a round trip: "
                  "a request arrow to the manager and a reply arrow back. The manager applies "
                  "them one at a time, so the final value is exactly workers × updates.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("workers"), tr("Worker processes"), 3, 1, 8),
                ParameterSpec::integer(QStringLiteral("updates"), tr("Updates per worker"), 10, 1,
                                       1000)};
    }
    QString sourceResource() const override
    {
        return QStringLiteral(":/scenarios/processes/processmanager.cpp");
    }

    void run(RunContext &context) const override
    {
        const int workers = int(context.parameters().integer(QStringLiteral("workers")));
        const int updates = int(context.parameters().integer(QStringLiteral("updates")));

        Process managerProcess(tr("manager"), kManagerRole);
        std::vector<std::unique_ptr<Process>> workerProcesses;
        for (int i = 1; i <= workers; ++i) {
            auto [managerEnd, workerEnd]
                = Connection::pipe(tr("proxy %1").arg(i), tr("manager"), tr("worker %1").arg(i));
            managerProcess.pass(std::move(managerEnd));
            workerProcesses.push_back(
                std::make_unique<Process>(tr("worker %1").arg(i), kWorkerRole,
                                          QStringList {QStringLiteral("id=%1").arg(i),
                                                       QStringLiteral("updates=%1").arg(updates)}));
            workerProcesses.back()->pass(std::move(workerEnd));
        }
        auto [managerEnd, mine] = Connection::pipe(tr("proxy 0"), tr("manager"), tr("parent"));
        managerProcess.pass(std::move(managerEnd));

        managerProcess.start();
        for (auto &w : workerProcesses)
            w->start();
        for (auto &w : workerProcesses)
            w->join();
        mine.send("parent#1 get counter");
        const QByteArray reply = mine.recv();
        const qint64 finalValue = reply.mid(reply.indexOf('=') + 1).toLongLong();
        mine.close(); // the manager's last client: it shuts down
        managerProcess.join();

        Outcome outcome;
        outcome.setValue(QStringLiteral("expected"), qint64(workers) * updates);
        outcome.setValue(QStringLiteral("final"), finalValue);
        outcome.setValue(QStringLiteral("round_trips"), qint64(workers) * updates + 1);
        outcome.summary = tr("%n worker(s) each sent %2 to the manager; the shared "
                             "counter ends at %3 (expected %4).",
                             nullptr, workers)
                              .arg(tr("%n increment(s)", nullptr, updates))
                              .arg(finalValue)
                              .arg(qint64(workers) * updates);
        bool failed = !managerProcess.exitedNormally();
        for (auto &w : workerProcesses)
            failed = failed || !w->exitedNormally();
        if (failed) {
            outcome.status = Outcome::Status::Failed;
            outcome.summary
                += QLatin1Char(' ') + tr("A process failed: %1").arg(managerProcess.errorMessage());
        }
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessManagerScenario()
{
    return std::make_unique<ProcessManagerScenario>();
}

namespace {
QList<ParameterSpec> managerWorkerSpecs()
{
    const QList<ParameterSpec> specs = ProcessManagerScenario().parameters();
    return QList<ParameterSpec> {workerIdSpec(specsNamed(specs, {"workers"}).first())}
    + specsNamed(specs, {"updates"});
}
} // namespace

QList<WorkerRole> processManagerWorkerRoles()
{
    return {{kManagerRole, {}, manager}, {kWorkerRole, managerWorkerSpecs(), managerWorker}};
}

} // namespace weft
