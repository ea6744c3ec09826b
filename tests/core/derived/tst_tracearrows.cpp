// SPDX-License-Identifier: MIT
#include "core/derived/tracearrows.h"
#include "core/tracebuilder.h"

#include <QTest>
#include <algorithm>

using namespace weft;

class TestTraceArrows : public QObject
{
    Q_OBJECT
private slots:
    void messagesPairByTag();
    void receiveBeforeItsSendStillPairs();
    void aChildProcessIsSpawnedToItsStartAndJoinedFromItsExit();
    void packetsPairByByteRangesAndEmptySendsCarryNothing();
    void handoffsCanBeLeftOut();
};

namespace {

// (send time, receive time) of every Message arrow, sorted.
std::vector<std::pair<qint64, qint64>> messagePairs(const Trace &trace)
{
    std::vector<std::pair<qint64, qint64>> pairs;
    const TraceArrows arrows(trace);
    for (const TraceArrows::Arrow &a : arrows.arrows())
        if (a.kind == TraceArrows::Kind::Message)
            pairs.emplace_back(trace.events()[a.from].timeNs, trace.events()[a.to].timeNs);
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

Trace queueTrace(const QList<std::tuple<qint64, EventKind, QString>> &events)
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("p")});
    const quint32 actor = builder.addActor({QStringLiteral("t"), 1, process, true, false});
    const quint32 queue = builder.addObject({QStringLiteral("q"), ObjectKind::Queue});
    for (const auto &[t, kind, tag] : events)
        builder.addEvent({t, 8, actor, queue, builder.intern(tag), 0, kind, 0});
    return builder.build();
}

} // namespace

void TestTraceArrows::messagesPairByTag()
{
    // Equal sizes, sent A then B, received B then A: the tags decide.
    const Trace trace = queueTrace({{10, EventKind::MessageSend, QStringLiteral("A")},
                                    {11, EventKind::MessageSend, QStringLiteral("B")},
                                    {20, EventKind::MessageRecv, QStringLiteral("B")},
                                    {21, EventKind::MessageRecv, QStringLiteral("A")}});
    const std::vector<std::pair<qint64, qint64>> expected {{10, 21}, {11, 20}};
    QCOMPARE(messagePairs(trace), expected);
    QCOMPARE(TraceArrows::messageArrows(trace).size(), std::size_t(2));
}

void TestTraceArrows::receiveBeforeItsSendStillPairs()
{
    // Clock skew between processes: a receive recorded before its send pairs
    // with the send of the same tag when that arrives.
    const Trace trace = queueTrace({{10, EventKind::MessageRecv, QStringLiteral("B")},
                                    {11, EventKind::MessageRecv, QStringLiteral("A")},
                                    {12, EventKind::MessageSend, QStringLiteral("A")},
                                    {13, EventKind::MessageSend, QStringLiteral("B")}});
    const auto arrows = TraceArrows::messageArrows(trace);
    QCOMPARE(arrows.size(), std::size_t(2));
    for (const TraceArrows::Arrow &a : arrows)
        QCOMPARE(trace.events()[a.from].text, trace.events()[a.to].text);
}

void TestTraceArrows::aChildProcessIsSpawnedToItsStartAndJoinedFromItsExit()
{
    // weft record: a parent forks (ThreadSpawn, value = the child's lane), the
    // child's lane starts with ProcessStart and ends with ProcessExit; waitpid
    // returns (JoinDone) after it.
    TraceBuilder b;
    const quint32 parent = b.addActor({QStringLiteral("parent"), 1, 0, true, false});
    const quint32 child = b.addActor({QStringLiteral("child"), 2, 0, true, false});
    b.addEvent({10, child, parent, 0, 0, 0, EventKind::ThreadSpawn, 0});
    b.addEvent({12, 2, child, 0, 0, 0, EventKind::ProcessStart, 0});
    b.addEvent({50, 0, child, 0, 0, 0, EventKind::ProcessExit, 0});
    b.addEvent({55, child, parent, 0, 0, 0, EventKind::JoinDone, 0});
    const Trace trace = b.build();
    const TraceArrows arrows(trace);
    QCOMPARE(arrows.arrows().size(), std::size_t(2));
    const auto kindAt = [&](std::size_t i) {
        return trace.events()[i].kind;
    };
    for (const TraceArrows::Arrow &a : arrows.arrows()) {
        if (a.kind == TraceArrows::Kind::Spawn) {
            QCOMPARE(kindAt(a.from), EventKind::ThreadSpawn);
            QCOMPARE(kindAt(a.to), EventKind::ProcessStart);
        } else {
            QCOMPARE(a.kind, TraceArrows::Kind::Join);
            QCOMPARE(kindAt(a.from), EventKind::ProcessExit);
            QCOMPARE(kindAt(a.to), EventKind::JoinDone);
        }
    }
}

void TestTraceArrows::packetsPairByByteRangesAndEmptySendsCarryNothing()
{
    // 10 bytes then 0 then 6 sent; 4 then 12 received: the second receive is fed by both sends.
    TraceBuilder b;
    const quint32 a = b.addActor({QStringLiteral("a"), 1, 0, true, false});
    const quint32 c = b.addActor({QStringLiteral("c"), 2, 0, false, false});
    const quint32 channel = b.addObject({QStringLiteral("ch"), ObjectKind::Channel});
    b.addEvent({1, 10, a, channel, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({2, 0, a, channel, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({3, 6, a, channel, 0, 0, EventKind::PacketSend, 0});
    b.addEvent({4, 4, c, channel, 0, 0, EventKind::PacketRecv, 0});
    b.addEvent({5, 12, c, channel, 0, 0, EventKind::PacketRecv, 0});
    const Trace trace = b.build();
    std::vector<std::tuple<qint64, qint64, qint64>> packets; // send time, receive time, bytes
    const TraceArrows arrows(trace);
    for (const TraceArrows::Arrow &arrow : arrows.arrows())
        if (arrow.kind == TraceArrows::Kind::Packet)
            packets.emplace_back(trace.events()[arrow.from].timeNs, trace.events()[arrow.to].timeNs,
                                 arrow.bytes);
    std::sort(packets.begin(), packets.end());
    const std::vector<std::tuple<qint64, qint64, qint64>> expected {
        {1, 4, 4}, {1, 5, 6}, {3, 5, 6}};
    QCOMPARE(packets, expected);
}

void TestTraceArrows::handoffsCanBeLeftOut()
{
    TraceBuilder b;
    const quint32 a = b.addActor({QStringLiteral("a"), 1, 0, true, false});
    const quint32 c = b.addActor({QStringLiteral("c"), 2, 0, false, false});
    const quint32 lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    const quint32 condition = b.addObject({QStringLiteral("cv"), ObjectKind::Condition});
    b.addEvent({1, 0, a, lock, 0, 0, EventKind::LockAcquired, 0});
    b.addEvent({2, 0, a, condition, 0, 0, EventKind::CondNotify, 0});
    b.addEvent({3, 0, a, lock, 0, 0, EventKind::LockReleased, 0});
    b.addEvent({4, 0, c, lock, 0, 0, EventKind::LockAcquired, 0});
    b.addEvent({5, 0, c, condition, 0, 0, EventKind::CondWake, 0});
    const Trace trace = b.build();
    const auto kinds = [&](TraceArrows::Handoffs handoffs) {
        std::vector<TraceArrows::Kind> k;
        const TraceArrows arrows(trace, handoffs);
        for (const TraceArrows::Arrow &arrow : arrows.arrows())
            k.push_back(arrow.kind);
        return k;
    };
    QCOMPARE(kinds(TraceArrows::Handoffs::Include),
             (std::vector<TraceArrows::Kind> {TraceArrows::Kind::LockHandoff,
                                              TraceArrows::Kind::Notify}));
    QCOMPARE(kinds(TraceArrows::Handoffs::Skip),
             (std::vector<TraceArrows::Kind> {TraceArrows::Kind::Notify}));
}

QTEST_GUILESS_MAIN(TestTraceArrows)
#include "tst_tracearrows.moc"
