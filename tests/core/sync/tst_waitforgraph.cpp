// SPDX-License-Identifier: MIT
#include "core/sync/waitforgraph.h"

#include <QTest>

using namespace weft;

class TestWaitForGraph : public QObject
{
    Q_OBJECT
private slots:
    void noCycleWhileTheHolderRuns();
    void twoLocksInOppositeOrderFormACycle();
    void waitingForALockOneHoldsIsACycleOfOne();
    void joinWaitsJoinTheGraph();
    void aChainIntoSomeoneElsesCycleIsNotOurs();
    void endedWaitsAndReleasesBreakTheCycle();
    void theDeadlockIsClaimedOnce();
};

void TestWaitForGraph::noCycleWhileTheHolderRuns()
{
    WaitForGraph graph;
    graph.setHolder(WaitTarget::object(10), 1);
    graph.beginWait(2, WaitTarget::object(10));
    QVERIFY(!graph.cycleThrough(2));
    QCOMPARE(graph.holder(WaitTarget::object(10)), 1u);
    QCOMPARE(graph.waitingFor(2), std::optional<WaitTarget>(WaitTarget::object(10)));
}

void TestWaitForGraph::twoLocksInOppositeOrderFormACycle()
{
    WaitForGraph graph;
    graph.setHolder(WaitTarget::object(10), 1); // T1 holds L1
    graph.setHolder(WaitTarget::object(20), 2); // T2 holds L2
    graph.beginWait(1, WaitTarget::object(20));
    QVERIFY(!graph.cycleThrough(1));
    graph.beginWait(2, WaitTarget::object(10));
    const auto cycle = graph.cycleThrough(2);
    QVERIFY(cycle);
    QCOMPARE(cycle->size(), 2);
    QCOMPARE(cycle->at(0), (WaitEdge {2, WaitTarget::object(10), 1}));
    QCOMPARE(cycle->at(1), (WaitEdge {1, WaitTarget::object(20), 2}));
    QVERIFY(graph.cycleThrough(1));
}

void TestWaitForGraph::waitingForALockOneHoldsIsACycleOfOne()
{
    WaitForGraph graph;
    graph.setHolder(WaitTarget::object(10), 1);
    graph.beginWait(1, WaitTarget::object(10));
    const auto cycle = graph.cycleThrough(1);
    QVERIFY(cycle);
    QCOMPARE(cycle->size(), 1);
}

void TestWaitForGraph::joinWaitsJoinTheGraph()
{
    WaitForGraph graph;
    graph.setHolder(WaitTarget::object(10), 1); // main holds L
    graph.beginWait(2, WaitTarget::object(10)); // T waits for L
    graph.beginWait(1, WaitTarget::thread(2)); // main joins T
    const auto cycle = graph.cycleThrough(1);
    QVERIFY(cycle);
    QCOMPARE(cycle->size(), 2);
    QCOMPARE(cycle->at(0).target.kind, WaitTarget::Kind::Thread);
    QCOMPARE(cycle->at(0).holder, 2u);
}

void TestWaitForGraph::aChainIntoSomeoneElsesCycleIsNotOurs()
{
    WaitForGraph graph;
    graph.setHolder(WaitTarget::object(10), 1);
    graph.setHolder(WaitTarget::object(20), 2);
    graph.beginWait(1, WaitTarget::object(20));
    graph.beginWait(2, WaitTarget::object(10));
    graph.beginWait(3, WaitTarget::object(10)); // T3 is blocked behind the cycle, not in it
    QVERIFY(!graph.cycleThrough(3));
    QVERIFY(graph.cycleThrough(1));
}

void TestWaitForGraph::endedWaitsAndReleasesBreakTheCycle()
{
    WaitForGraph graph;
    graph.setHolder(WaitTarget::object(10), 1);
    graph.setHolder(WaitTarget::object(20), 2);
    graph.beginWait(1, WaitTarget::object(20));
    graph.beginWait(2, WaitTarget::object(10));
    graph.endWait(2);
    QVERIFY(!graph.cycleThrough(1));
    graph.beginWait(2, WaitTarget::object(10));
    graph.clearHolder(WaitTarget::object(10));
    QVERIFY(!graph.cycleThrough(1));
    QVERIFY(!graph.cycleThrough(2));
}

void TestWaitForGraph::theDeadlockIsClaimedOnce()
{
    WaitForGraph graph;
    QVERIFY(graph.claimDeadlockReport());
    QVERIFY(!graph.claimDeadlockReport());
}

QTEST_GUILESS_MAIN(TestWaitForGraph)
#include "tst_waitforgraph.moc"
