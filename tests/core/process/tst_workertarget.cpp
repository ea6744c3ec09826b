// SPDX-License-Identifier: MIT
// Process(name, target, args...) and workerTarget(): what the parent puts on
// the child's command line, and the call the child makes from it. Both sides
// run here, in one process, through the same role the child would find.
#include "core/process/framedsocket.h"
#include "core/process/process.h"
#include "core/process/workertarget.h"
#include "core/runcontext.h"
#include "tests/common/functionscenario.h"

#include <QTest>
#include <stdexcept>

using namespace weft;
using namespace std::chrono_literals;
using testsupport::runFunction;

namespace {

// What the targets below were called with.
struct Received
{
    int n = 0;
    bool flag = false;
    std::chrono::milliseconds pause {0};
    QString text;
    qint64 big = 0;
    QByteArray fromPipe;
    int ends = 0;
} g_received;

void probe(Connection end, int n, bool flag, std::chrono::milliseconds pause, const QString &text,
           qint64 big)
{
    g_received.n = n;
    g_received.flag = flag;
    g_received.pause = pause;
    g_received.text = text;
    g_received.big = big;
    g_received.fromPipe = end.recv();
    end.send("pong");
}

int manyEnds(std::vector<Connection> ends, int n)
{
    g_received.ends = int(ends.size());
    for (Connection &end : ends)
        end.send(QByteArray::number(n));
    return 3;
}

void unregistered() { }

// The child's side: the role the child would find by name, given what the
// parent put on the command line and the descriptors it would inherit.
int runAsChild(RunContext &context, const Process &parent, std::vector<WorkerEndpoint> endpoints)
{
    const auto role = WorkerRoles::instance().find(parent.role());
    if (!role)
        throw std::logic_error("no such role");
    QString error;
    const auto parameters
        = ParameterValues::fromAssignments(role->parameters, parent.arguments(), &error);
    if (!parameters)
        throw std::invalid_argument(error.toStdString());
    WorkerContext worker(context, *parameters, std::move(endpoints));
    return role->run(worker);
}

WorkerEndpoint endpointFor(FramedSocket &socket, const QString &send, const QString &receive)
{
    return {socket.release(), {send, receive}};
}

} // namespace

class TestWorkerTarget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void typedArgumentsCrossIntoTheChild();
    void severalPipeEndsCrossAsOne();
    void aBadValueIsRejectedBeforeTheTargetRuns();
    void anUnregisteredTargetCannotMakeAProcess();
};

void TestWorkerTarget::initTestCase()
{
    WorkerRoles::instance().add(workerTarget(QStringLiteral("test-probe"), probe));
    WorkerRoles::instance().add(workerTarget(QStringLiteral("test-many-ends"), manyEnds));
}

void TestWorkerTarget::typedArgumentsCrossIntoTheChild()
{
    g_received = {};
    QStringList arguments;
    QByteArray reply;
    int exitCode = -1;
    const Trace trace = runFunction([&](RunContext &context) {
        auto [parentEnd, childEnd] = Connection::pipe(QStringLiteral("p"), QStringLiteral("parent"),
                                                      QStringLiteral("child"));
        Q_UNUSED(parentEnd);
        const Process parent(QStringLiteral("child"), probe, std::move(childEnd), 7, true, 250ms,
                             QStringLiteral("a b=c"), qint64(1) << 40);
        QCOMPARE(parent.role(), QStringLiteral("test-probe"));
        arguments = parent.arguments();

        // The descriptor the child would inherit: a fresh pair stands in for the pipe.
        auto [here, there] = FramedSocket::pair();
        here.send("ping");
        exitCode = runAsChild(context, parent,
                              {endpointFor(there, QStringLiteral("p: child → parent"),
                                           QStringLiteral("p: parent → child"))});
        reply = here.receive();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    // One key per value, its position in args=(...); the pipe end is a descriptor, not text.
    QCOMPARE(arguments,
             (QStringList {QStringLiteral("2=7"), QStringLiteral("3=true"), QStringLiteral("4=250"),
                           QStringLiteral("5=a b=c"), QStringLiteral("6=1099511627776")}));
    QCOMPARE(g_received.n, 7);
    QVERIFY(g_received.flag);
    QCOMPARE(g_received.pause, 250ms);
    QCOMPARE(g_received.text, QStringLiteral("a b=c"));
    QCOMPARE(g_received.big, qint64(1) << 40);
    QCOMPARE(g_received.fromPipe, QByteArray("ping"));
    QCOMPARE(reply, QByteArray("pong"));
    QCOMPARE(exitCode, 0); // a target that returns nothing exits with 0
}

void TestWorkerTarget::severalPipeEndsCrossAsOne()
{
    g_received = {};
    QStringList arguments;
    QList<QByteArray> received;
    int exitCode = -1;
    const Trace trace = runFunction([&](RunContext &context) {
        std::vector<Connection> ends;
        for (const char *name : {"a", "b"}) {
            auto [mine, theirs] = Connection::pipe(QString::fromLatin1(name), QStringLiteral("x"),
                                                   QStringLiteral("y"));
            ends.push_back(std::move(theirs));
        }
        const Process parent(QStringLiteral("child"), manyEnds, std::move(ends), 5);
        arguments = parent.arguments();

        std::vector<FramedSocket> here;
        std::vector<WorkerEndpoint> endpoints;
        for (int i = 0; i < 2; ++i) {
            auto [mine, theirs] = FramedSocket::pair();
            here.push_back(std::move(mine));
            endpoints.push_back(endpointFor(theirs, QStringLiteral("out"), QStringLiteral("in")));
        }
        exitCode = runAsChild(context, parent, std::move(endpoints));
        for (FramedSocket &socket : here)
            received << socket.receive();
    });
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(arguments, (QStringList {QStringLiteral("1=2"), QStringLiteral("2=5")}));
    QCOMPARE(g_received.ends, 2);
    QCOMPARE(received, (QList<QByteArray> {"5", "5"}));
    QCOMPARE(exitCode, 3); // a target's int is the exit code
}

void TestWorkerTarget::aBadValueIsRejectedBeforeTheTargetRuns()
{
    const auto role = WorkerRoles::instance().find(QStringLiteral("test-probe"));
    QVERIFY(role);
    QString error;
    QVERIFY(
        !ParameterValues::fromAssignments(role->parameters, {QStringLiteral("2=soon")}, &error));
    QVERIFY2(error.contains(QStringLiteral("'2'")), qPrintable(error));
    QVERIFY(!ParameterValues::fromAssignments(role->parameters, {QStringLiteral("4=-1")}, &error));
    QVERIFY(!ParameterValues::fromAssignments(role->parameters, {QStringLiteral("1=x")}, &error));
    QVERIFY2(error.contains(QStringLiteral("unknown parameter '1'")), qPrintable(error));
}

void TestWorkerTarget::anUnregisteredTargetCannotMakeAProcess()
{
    QVERIFY_THROWS_EXCEPTION(std::logic_error, Process(QStringLiteral("x"), unregistered));
}

QTEST_GUILESS_MAIN(TestWorkerTarget)
#include "tst_workertarget.moc"
