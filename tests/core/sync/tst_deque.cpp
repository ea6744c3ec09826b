// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/sync/deque.h"
#include "core/trace.h"
#include "tests/common/functionscenario.h"
#include "tests/common/scopedrun.h"

#include <QTest>
#include <chrono>

using namespace weft;
using namespace std::chrono_literals;
using testsupport::FunctionScenario;
using testsupport::ScopedRun;

namespace {
QString name(const int &item)
{
    return QStringLiteral("n%1").arg(item);
}
} // namespace

class TestDeque : public QObject
{
    Q_OBJECT
private slots:
    void appendAndPopleftAreAnArrowAtTheCallersLines();
    void popleftOnAnEmptyDequeThrowsAndRecordsNothing();
    void eachCallWaitsAtTheStepGateBeforeItActs();
};

void TestDeque::appendAndPopleftAreAnArrowAtTheCallersLines()
{
    ScopedRun run;
    Deque<int> items(QStringLiteral("items"), name);
    const int appendLine = __LINE__ + 1;
    items.append(1);
    items.append(2);
    QCOMPARE(items.size(), 2);
    const int popLine = __LINE__ + 1;
    QCOMPARE(items.popleft(), 1);
    QVERIFY(!items.empty());

    const Trace trace = run.trace();
    QCOMPARE(trace.object(items.object()).kind, ObjectKind::Queue);
    QStringList sent, received;
    for (const Event &e : trace.events()) {
        if (e.object != items.object())
            continue;
        QCOMPARE(e.actor, run.mainActor());
        QCOMPARE(e.value, qint64(sizeof(int)));
        if (e.kind == EventKind::MessageSend) {
            sent << trace.text(e.text);
            QCOMPARE(trace.site(e.site).line, appendLine + int(sent.size()) - 1);
        } else if (e.kind == EventKind::MessageRecv) {
            received << trace.text(e.text);
            QCOMPARE(trace.site(e.site).line, popLine);
        }
    }
    QCOMPARE(sent, (QStringList {QStringLiteral("n1"), QStringLiteral("n2")}));
    // The same text at both ends is what pairs a send with its receive.
    QCOMPARE(received, QStringList {QStringLiteral("n1")});

    // The length as a counter track, stepped at the same lines.
    const quint32 depth = trace.findObject(QStringLiteral("items depth"));
    QCOMPARE(trace.object(depth).kind, ObjectKind::Counter);
    QList<qint64> lengths;
    QList<int> lines;
    for (const Event &e : trace.eventsOfKind(EventKind::CounterValue)) {
        if (e.object == depth) {
            lengths << e.value;
            lines << trace.site(e.site).line;
        }
    }
    QCOMPARE(lengths, (QList<qint64> {1, 2, 1}));
    QCOMPARE(lines, (QList<int> {appendLine, appendLine + 1, popLine}));
}

void TestDeque::popleftOnAnEmptyDequeThrowsAndRecordsNothing()
{
    ScopedRun run;
    Deque<int> items(QStringLiteral("items"), name);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, items.popleft());
    QVERIFY(run.trace().events().empty());
}

void TestDeque::eachCallWaitsAtTheStepGateBeforeItActs()
{
    FunctionScenario scenario([](RunContext &) {
        Deque<int> items(QStringLiteral("items"), name);
        items.append(7);
        items.popleft();
    });
    Runner runner;
    RunOptions options;
    options.stepping = true;
    QVERIFY(runner.start(scenario, {}, options));
    StepGate &gate = *runner.stepGate();
    const auto recorded = [&runner](EventKind kind) {
        return runner.liveSnapshot().eventsOfKind(kind).size();
    };

    QTRY_COMPARE_WITH_TIMEOUT(gate.pending().size(), 1, 20000);
    PendingAction parked = gate.pending().first();
    QCOMPARE(parked.kind, EventKind::MessageSend);
    QCOMPARE(parked.description, QStringLiteral("append n7 to items"));
    QCOMPARE(recorded(EventKind::MessageSend), std::size_t(0)); // not appended yet
    QVERIFY(gate.release(parked.actor));

    QTRY_VERIFY_WITH_TIMEOUT(
        !gate.pending().isEmpty() && gate.pending().first().kind == EventKind::MessageRecv, 20000);
    parked = gate.pending().first();
    QCOMPARE(parked.description, QStringLiteral("popleft from items"));
    QCOMPARE(recorded(EventKind::MessageSend), std::size_t(1));
    QCOMPARE(recorded(EventKind::MessageRecv), std::size_t(0)); // not taken yet
    QVERIFY(gate.release(parked.actor));

    QVERIFY(runner.waitForFinished(60s));
    const Trace trace = runner.result();
    QCOMPARE(trace.outcome().status, Outcome::Status::Completed);
    QCOMPARE(trace.eventsOfKind(EventKind::MessageRecv).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestDeque)
#include "tst_deque.moc"
