// SPDX-License-Identifier: MIT
// process.manager — a manager process holds shared state for the others.
//
// The Python this mirrors:
//     def work(shared, me, n):
//         for i in range(n):
//             shared.increment("counter")          # one request, one reply
//     with multiprocessing.Manager() as manager:   # a server process
//         shared = manager.dict(counter=0)
//         workers = [Process(target=work, args=(shared, w, n)) for w in range(W)]
//         for w in workers: w.start()
//         for w in workers: w.join()
//         print(shared["counter"])                 # W * n
//
// Each update is a request to the manager and a reply from it, so the
// manager applies them one at a time and none is lost.
//
// A Python proxy hides its requests; here the proxy is a pipe to the manager
// and each request is a message you can read on its arrow ("w1#3 incr
// counter 1"), answered with the value after it. The workers and the manager
// are this program again, started as workers; they run work() and manage()
// from this file, registered once under a name (see the factory at the end)
// so a child can find them. manage() is what Python's Manager runs for you:
// it waits on all its pipes at once (multiprocessing.connection.wait) and
// serves one request at a time; each shared value is drawn as a counter.

#include "core/countertrack.h"
#include "core/process/connection.h"
#include "core/process/process.h"
#include "core/runcontext.h"
#include "core/tracing.h"
#include "processscenarios.h"

#include <QCoreApplication>
#include <list>
#include <map>
#include <stdexcept>
#include <vector>

namespace weft {
namespace {

// The translation context of the lesson's strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProcessManagerScenario)
};

// What each worker process runs.
void work(Connection shared, int me, int n)
{
    for (int i = 1; i <= n; ++i) {
        shared.send(QStringLiteral("w%1#%2 incr counter 1").arg(me).arg(i).toUtf8());
        shared.recv(); // the reply: the value after this update
    }
}

// What the manager process runs; after the lesson, as in Python it is the library's.
void manage(std::vector<Connection> proxies);

struct ManagerRun
{
    qint64 finalValue = 0;
    QString failure; // why the first process that ended abnormally did; else empty
};

ManagerRun sharedCounter(int workerCount, int n)
{
    std::vector<Connection> proxies; // the manager's ends of the pipes
    std::list<Process> workers;
    for (int w = 1; w <= workerCount; ++w) {
        auto [managerEnd, workerEnd] = Connection::pipe(
            Tr::tr("proxy %1").arg(w), Tr::tr("manager"), Tr::tr("worker %1").arg(w));
        proxies.push_back(std::move(managerEnd));
        workers.emplace_back(Tr::tr("worker %1").arg(w), work, std::move(workerEnd), w, n);
    }
    auto [managerEnd, shared]
        = Connection::pipe(Tr::tr("proxy 0"), Tr::tr("manager"), Tr::tr("parent"));
    proxies.push_back(std::move(managerEnd));
    Process manager(Tr::tr("manager"), manage, std::move(proxies));

    manager.start();
    for (Process &w : workers)
        w.start();
    for (Process &w : workers)
        w.join();
    shared.send("parent#1 get counter");
    const QByteArray reply = shared.recv(); // "parent#1 counter=<value>"
    print(QString::fromUtf8(reply));
    shared.close(); // the manager's last client: it shuts down
    manager.join();

    QString failure = manager.errorMessage(); // for the check: the first process that failed
    for (const Process &w : workers) {
        if (failure.isEmpty())
            failure = w.errorMessage();
    }
    return {reply.mid(reply.indexOf('=') + 1).toLongLong(), failure};
}

// What multiprocessing.Manager() runs in its own process: it answers "TAG
// incr KEY N" and "TAG get KEY" with "TAG KEY=VALUE", one request at a time,
// until every proxy is closed. Each shared value is drawn as a counter.
void manage(std::vector<Connection> proxies)
{
    std::map<QByteArray, CounterTrack> shared;
    while (!proxies.empty()) {
        for (Connection *proxy : Connection::wait(proxies)) {
            QByteArray request;
            try {
                request = proxy->recv();
            } catch (const std::runtime_error &) {
                proxy->close(); // that client is done
                continue;
            }
            const QList<QByteArray> words = request.split(' ');
            if (words.size() < 3)
                throw std::runtime_error("malformed request: " + request.toStdString());
            const QByteArray &tag = words[0], &op = words[1], &key = words[2];
            CounterTrack &value
                = shared.try_emplace(key, QString::fromUtf8("shared[" + key + "]")).first->second;
            if (op == "incr")
                value.add(words.value(3, "1").toLongLong());
            proxy->send(tag + ' ' + key + '=' + QByteArray::number(value.value()));
        }
        std::erase_if(proxies, [](const Connection &proxy) { return !proxy.isOpen(); });
    }
}

// The check: the counter ends at exactly workers × updates.
Outcome managerOutcome(int workers, int updates, const ManagerRun &run)
{
    Outcome outcome;
    outcome.setValue(QStringLiteral("expected"), qint64(workers) * updates);
    outcome.setValue(QStringLiteral("final"), run.finalValue);
    outcome.setValue(QStringLiteral("round_trips"), qint64(workers) * updates + 1);
    outcome.summary = Tr::tr("%n worker(s) each sent %2 to the manager; the shared "
                             "counter ends at %3 (expected %4).",
                             nullptr, workers)
                          .arg(Tr::tr("%n increment(s)", nullptr, updates))
                          .arg(run.finalValue)
                          .arg(qint64(workers) * updates);
    if (!run.failure.isEmpty()) {
        outcome.status = Outcome::Status::Failed;
        outcome.summary += QLatin1Char(' ') + Tr::tr("A process failed: %1").arg(run.failure);
    }
    return outcome;
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
        context.setOutcome(managerOutcome(workers, updates, sharedCounter(workers, updates)));
    }
};

} // namespace

std::unique_ptr<Scenario> makeProcessManagerScenario()
{
    // Here, so that the parent (which starts the children) and the children
    // (which build the catalogue) both know these functions by name.
    WorkerRoles::instance().add(workerTarget(QStringLiteral("manager"), manage));
    WorkerRoles::instance().add(workerTarget(QStringLiteral("manager-worker"), work));
    return std::make_unique<ProcessManagerScenario>();
}

} // namespace weft
