// SPDX-License-Identifier: MIT
#include "core/derived/tracearrows.h"
#include "core/mutex.h"
#include "core/net/tcplistener.h"
#include "core/net/tcpsocket.h"
#include "core/sync/conditionvariable.h"
#include "core/sync/deque.h"
#include "core/thread.h"
#include "core/tracebuilder.h"
#include "tests/common/functionscenario.h"
#include "tests/common/liveseries.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <list>
#include <tuple>

using namespace weft;
using testsupport::prefixOf;

class TestTraceArrows : public QObject
{
    Q_OBJECT
private slots:
    void messagesPairByTag();
    void receiveBeforeItsSendStillPairs();
    void aChildProcessIsSpawnedToItsStartAndJoinedFromItsExit();
    void packetsPairByByteRangesAndEmptySendsCarryNothing();
    void handoffsCanBeLeftOut();
    void aJoinPairsWithTheLastEndBeforeIt();
    void eachKindPairsAsDocumented();
    void extendingAtEveryCutFindsTheSameArrows_data();
    void extendingAtEveryCutFindsTheSameArrows();
    void arrowsFoundBeforeAnExtendStay();
    void aRealRunCutAnywhereFindsTheSameArrows();
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

// An arrow as a value to compare: kind, from, to, bytes.
using ArrowKey = std::tuple<int, std::size_t, std::size_t, qint64>;

std::vector<ArrowKey> keysOf(const std::vector<TraceArrows::Arrow> &arrows)
{
    std::vector<ArrowKey> keys;
    keys.reserve(arrows.size());
    for (const TraceArrows::Arrow &a : arrows)
        keys.emplace_back(int(a.kind), a.from, a.to, a.bytes);
    return keys;
}

std::vector<ArrowKey> sortedKeysOf(const std::vector<TraceArrows::Arrow> &arrows)
{
    std::vector<ArrowKey> keys = keysOf(arrows);
    std::sort(keys.begin(), keys.end());
    return keys;
}

// Walks the trace in extends that end at each of `cuts` (rising) and then at its
// end. Empty when every extend left the arrows found before it as they were and
// the walk ends with the arrows of one walk over the whole trace; else what differs.
QString walkInSteps(const Trace &trace, std::vector<std::size_t> cuts,
                    TraceArrows::Handoffs handoffs)
{
    const std::size_t size = trace.events().size();
    cuts.push_back(size);
    TraceArrows walked(handoffs);
    std::vector<ArrowKey> before;
    for (const std::size_t cut : cuts) {
        walked.extend(cut == size ? trace : prefixOf(trace, cut));
        if (walked.eventsWalked() != cut)
            return QStringLiteral("walked %1 events of %2").arg(walked.eventsWalked()).arg(cut);
        const std::vector<ArrowKey> now = keysOf(walked.arrows());
        if (now.size() < before.size() || !std::equal(before.begin(), before.end(), now.begin()))
            return QStringLiteral("the extend to %1 events changed an arrow found before it")
                .arg(cut);
        before = now;
    }
    const std::vector<ArrowKey> whole = sortedKeysOf(TraceArrows(trace, handoffs).arrows());
    std::sort(before.begin(), before.end());
    if (before != whole) {
        QStringList at;
        for (const std::size_t cut : cuts)
            at << QString::number(cut);
        return QStringLiteral("extends to %1: %2 arrows, one walk: %3 (or the same count, others)")
            .arg(at.join(QLatin1Char(',')))
            .arg(before.size())
            .arg(whole.size());
    }
    return {};
}

// Every kind of arrow, each end order the walk must handle. Event i is the i-th
// added (times rise); the indices are named for the expected arrows.
struct MixedTrace
{
    Trace trace;
    std::vector<ArrowKey> arrows; // the expected ones, sorted, hand-offs included
};

MixedTrace mixedTrace()
{
    TraceBuilder b;
    const quint32 process = b.addProcess({1, QStringLiteral("p")});
    const quint32 main = b.addActor({QStringLiteral("main"), 1, process, true, false});
    const quint32 child = b.addActor({QStringLiteral("child"), 2, process, false, false});
    const quint32 late = b.addActor({QStringLiteral("late"), 3, process, false, false});
    const quint32 forked = b.addActor({QStringLiteral("forked"), 4, process, false, false});
    const quint32 channel = b.addObject({QStringLiteral("ch"), ObjectKind::Channel});
    const quint32 queue = b.addObject({QStringLiteral("q"), ObjectKind::Queue});
    const quint32 lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    const quint32 condition = b.addObject({QStringLiteral("cv"), ObjectKind::Condition});
    qint64 t = 0;
    std::size_t next = 0;
    const auto add = [&](EventKind kind, quint32 actor, qint64 value, quint32 object = 0,
                         const QString &tag = {}) {
        b.addEvent({++t, value, actor, object, b.intern(tag), 0, kind, 0});
        return next++;
    };
    using K = TraceArrows::Kind;
    MixedTrace x;
    const auto expect = [&x](K kind, std::size_t from, std::size_t to, qint64 bytes = 0) {
        x.arrows.emplace_back(int(kind), from, to, bytes);
    };
    const auto send = [&](qint64 n) {
        return add(EventKind::PacketSend, main, n, channel);
    };
    const auto recv = [&](qint64 n) {
        return add(EventKind::PacketRecv, child, n, channel);
    };
    const auto put = [&](const char *tag) {
        return add(EventKind::MessageSend, main, 8, queue, QLatin1String(tag));
    };
    const auto take = [&](const char *tag) {
        return add(EventKind::MessageRecv, child, 8, queue, QLatin1String(tag));
    };

    add(EventKind::ThreadStart, main, 0);
    const std::size_t forkedStart = add(EventKind::ProcessStart, forked, 0); // before its spawn
    const std::size_t spawnChild = add(EventKind::ThreadSpawn, main, child);
    const std::size_t spawnForked = add(EventKind::ThreadSpawn, main, forked);
    const std::size_t childStart = add(EventKind::ThreadStart, child, 0);
    add(EventKind::ThreadStart, child, 0); // not the first start: no arrow
    const std::size_t spawnLate = add(EventKind::ThreadSpawn, main, late);
    const std::size_t spawnChildAgain = add(EventKind::ThreadSpawn, main, child);
    expect(K::Spawn, spawnChild, childStart);
    expect(K::Spawn, spawnForked, forkedStart);
    expect(K::Spawn, spawnChildAgain, childStart);

    // Bytes [0,10) received before any is sent; sends of 4, 3, 5, 0 and 20 bytes
    // feed receives of 10, 1, 6 and 15.
    const std::size_t r1 = recv(10);
    const std::size_t s1 = send(4);
    const std::size_t s2 = send(3);
    const std::size_t early = take("B"); // a message received before it is sent
    const std::size_t s3 = send(5);
    const std::size_t r2 = recv(1);
    const std::size_t putB = put("B");
    const std::size_t putA = put("A");
    const std::size_t putC = put("C");
    const std::size_t takeC = take("C");
    const std::size_t takeX = take("X"); // no such tag: the oldest send
    const std::size_t r3 = recv(6);
    send(0);
    const std::size_t s5 = send(20);
    const std::size_t r4 = recv(15);
    take("Y"); // never sent
    expect(K::Packet, s1, r1, 4);
    expect(K::Packet, s2, r1, 3);
    expect(K::Packet, s3, r1, 3);
    expect(K::Packet, s3, r2, 1);
    expect(K::Packet, s3, r3, 1);
    expect(K::Packet, s5, r3, 5);
    expect(K::Packet, s5, r4, 15);
    expect(K::Message, putB, early, 8);
    expect(K::Message, putC, takeC, 8);
    expect(K::Message, putA, takeX, 8);

    add(EventKind::LockAcquired, main, 0, lock);
    const std::size_t released = add(EventKind::LockReleased, main, 0, lock);
    const std::size_t acquired = add(EventKind::LockAcquired, child, 0, lock);
    const std::size_t notify = add(EventKind::CondNotify, main, 2, condition);
    const std::size_t wake1 = add(EventKind::CondWake, child, main, condition);
    const std::size_t wake2 = add(EventKind::CondWake, late, main, condition);
    expect(K::LockHandoff, released, acquired);
    expect(K::Notify, notify, wake1);
    expect(K::Notify, notify, wake2);

    const std::size_t lateStart = add(EventKind::ThreadStart, late, 0); // long after its spawn
    expect(K::Spawn, spawnLate, lateStart);
    const std::size_t childEnd = add(EventKind::ThreadEnd, child, 0);
    const std::size_t joinChild = add(EventKind::JoinDone, main, child);
    const std::size_t childEndAgain = add(EventKind::ThreadEnd, child, 0); // an end after its join
    const std::size_t joinChildAgain = add(EventKind::JoinDone, main, child);
    const std::size_t forkedExit = add(EventKind::ProcessExit, forked, 0);
    const std::size_t joinForked = add(EventKind::JoinDone, main, forked);
    add(EventKind::JoinDone, main, late); // late never ends: no arrow
    add(EventKind::ThreadSpawn, main, 99); // never starts: no arrow
    expect(K::Join, childEnd, joinChild);
    expect(K::Join, childEndAgain, joinChildAgain);
    expect(K::Join, forkedExit, joinForked);

    x.trace = b.build();
    std::sort(x.arrows.begin(), x.arrows.end());
    return x;
}

// Packets of random sizes (zero included) on two channels, tagged messages on
// two queues, spawns, starts, ends and joins of four lanes, a lock and a
// condition: each end of each kind in random order, from a seeded stream.
Trace randomTrace(quint32 seed, int events)
{
    QRandomGenerator random(seed);
    TraceBuilder b;
    quint32 actors[4];
    for (quint32 k = 0; k < 4; ++k)
        actors[k] = b.addActor({QStringLiteral("t%1").arg(k), qint64(k + 1), 0, k == 0, false});
    const quint32 objects[4] = {b.addObject({QStringLiteral("ch1"), ObjectKind::Channel}),
                                b.addObject({QStringLiteral("ch2"), ObjectKind::Channel}),
                                b.addObject({QStringLiteral("q1"), ObjectKind::Queue}),
                                b.addObject({QStringLiteral("q2"), ObjectKind::Queue})};
    const quint32 lock = b.addObject({QStringLiteral("L"), ObjectKind::Lock});
    const quint32 condition = b.addObject({QStringLiteral("cv"), ObjectKind::Condition});
    const auto pick = [&](std::initializer_list<EventKind> kinds) {
        return kinds.begin()[random.bounded(int(kinds.size()))];
    };
    for (int i = 0; i < events; ++i) {
        const quint32 actor = actors[random.bounded(4)];
        const quint32 other = actors[random.bounded(4)];
        const int which = random.bounded(7);
        if (which < 2) {
            b.addEvent({i, random.bounded(0, 12), actor, objects[which], 0, 0,
                        pick({EventKind::PacketSend, EventKind::PacketRecv}), 0});
        } else if (which < 4) {
            const QString tag = QStringLiteral("m%1").arg(random.bounded(5));
            b.addEvent({i, 8, actor, objects[which], b.intern(tag), 0,
                        pick({EventKind::MessageSend, EventKind::MessageRecv}), 0});
        } else if (which == 4) {
            const EventKind kind
                = pick({EventKind::ThreadSpawn, EventKind::JoinDone, EventKind::ThreadStart,
                        EventKind::ProcessStart, EventKind::ThreadEnd, EventKind::ProcessExit});
            const bool names = kind == EventKind::ThreadSpawn || kind == EventKind::JoinDone;
            b.addEvent({i, names ? qint64(other) : 0, actor, 0, 0, 0, kind, 0});
        } else if (which == 5) {
            b.addEvent({i, 0, actor, lock, 0, 0,
                        pick({EventKind::LockAcquired, EventKind::LockReleased}), 0});
        } else {
            b.addEvent({i, 0, actor, condition, 0, 0,
                        pick({EventKind::CondNotify, EventKind::CondWake}), 0});
        }
    }
    return b.build();
}

} // namespace

Q_DECLARE_METATYPE(weft::Trace)

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

void TestTraceArrows::aJoinPairsWithTheLastEndBeforeIt()
{
    // An actor that ends on both sides of a join (a reused lane, a file's odd
    // order): the join's arrow comes from the end before it, as a live run that
    // has not yet seen the later end draws it.
    TraceBuilder b;
    const quint32 parent = b.addActor({QStringLiteral("parent"), 1, 0, true, false});
    const quint32 child = b.addActor({QStringLiteral("child"), 2, 0, false, false});
    b.addEvent({10, 0, child, 0, 0, 0, EventKind::ThreadEnd, 0});
    b.addEvent({20, child, parent, 0, 0, 0, EventKind::JoinDone, 0});
    b.addEvent({30, 0, child, 0, 0, 0, EventKind::ThreadEnd, 0});
    const Trace trace = b.build();
    const TraceArrows arrows(trace);
    QCOMPARE(keysOf(arrows.arrows()),
             (std::vector<ArrowKey> {{int(TraceArrows::Kind::Join), 0, 1, 0}}));
}

void TestTraceArrows::eachKindPairsAsDocumented()
{
    const MixedTrace x = mixedTrace();
    QCOMPARE(sortedKeysOf(TraceArrows(x.trace).arrows()), x.arrows);
    // The same walk, empty then extended, in the same order; a copy walks on alike.
    TraceArrows extended(TraceArrows::Handoffs::Include);
    extended.extend(x.trace);
    QCOMPARE(keysOf(extended.arrows()), keysOf(TraceArrows(x.trace).arrows()));
    QCOMPARE(extended.eventsWalked(), x.trace.events().size());
    TraceArrows half(TraceArrows::Handoffs::Include);
    half.extend(prefixOf(x.trace, x.trace.events().size() / 2));
    TraceArrows copy = half;
    half.extend(x.trace);
    copy.extend(x.trace);
    QCOMPARE(keysOf(copy.arrows()), keysOf(half.arrows()));
    QCOMPARE(sortedKeysOf(copy.arrows()), x.arrows);
    // messageArrows() is the walk's Message arrows.
    std::vector<ArrowKey> messages;
    for (const ArrowKey &k : x.arrows)
        if (std::get<0>(k) == int(TraceArrows::Kind::Message))
            messages.push_back(k);
    QCOMPARE(sortedKeysOf(TraceArrows::messageArrows(x.trace)), messages);
}

void TestTraceArrows::extendingAtEveryCutFindsTheSameArrows_data()
{
    QTest::addColumn<Trace>("trace");
    QTest::addColumn<TraceArrows::Handoffs>("handoffs");
    const Trace mixed = mixedTrace().trace;
    QTest::newRow("mixed") << mixed << TraceArrows::Handoffs::Include;
    QTest::newRow("mixed, no hand-offs") << mixed << TraceArrows::Handoffs::Skip;
    for (const quint32 seed : {1u, 2u, 3u, 4u})
        QTest::addRow("random %u", seed)
            << randomTrace(seed, 150)
            << (seed % 2 ? TraceArrows::Handoffs::Include : TraceArrows::Handoffs::Skip);
}

void TestTraceArrows::extendingAtEveryCutFindsTheSameArrows()
{
    QFETCH(Trace, trace);
    QFETCH(TraceArrows::Handoffs, handoffs);
    const std::size_t size = trace.events().size();
    for (std::size_t cut = 0; cut <= size; ++cut) {
        const QString problem = walkInSteps(trace, {cut}, handoffs);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // One event per extend, and extends of a few sizes.
    for (std::size_t step = 1; step <= 7; step += 2) {
        std::vector<std::size_t> cuts;
        for (std::size_t cut = step; cut < size; cut += step)
            cuts.push_back(cut);
        const QString problem = walkInSteps(trace, cuts, handoffs);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestTraceArrows::arrowsFoundBeforeAnExtendStay()
{
    // A caller takes arrows()[oldSize, newSize) as the new ones: the old ones
    // must stay where they were, unchanged.
    const MixedTrace x = mixedTrace();
    TraceArrows walked(TraceArrows::Handoffs::Include);
    std::vector<ArrowKey> seen;
    for (std::size_t cut = 0; cut <= x.trace.events().size(); ++cut) {
        walked.extend(prefixOf(x.trace, cut));
        const std::vector<ArrowKey> now = keysOf(walked.arrows());
        QVERIFY(now.size() >= seen.size());
        QVERIFY(std::equal(seen.begin(), seen.end(), now.begin()));
        seen = now;
    }
    // Extending by nothing new finds nothing.
    walked.extend(x.trace);
    QCOMPARE(keysOf(walked.arrows()), seen);
    std::sort(seen.begin(), seen.end());
    QCOMPARE(seen, x.arrows);
}

void TestTraceArrows::aRealRunCutAnywhereFindsTheSameArrows()
{
    // Traced threads on the real Runner: a queue fed by two producers and
    // emptied by two consumers under a lock and a condition, and a TCP exchange
    // whose sends and receives are cut at other sizes.
    const Trace trace = testsupport::runFunction([](RunContext &) {
        Deque<int> queue(QStringLiteral("queue"),
                         [](int item) { return QStringLiteral("#%1").arg(item); });
        Mutex lock(QStringLiteral("lock"));
        ConditionVariable ready(QStringLiteral("ready"));
        int left = 8;
        const auto produce = [&](int first) {
            for (int i = first; i < first + 4; ++i) {
                LockGuard with(lock);
                queue.append(i);
                ready.notifyOne();
            }
        };
        const auto consume = [&] {
            LockGuard with(lock);
            while (left > 0) {
                while (queue.empty() && left > 0)
                    ready.wait(lock);
                if (!queue.empty()) {
                    queue.popleft();
                    if (--left == 0)
                        ready.notifyAll();
                }
            }
        };
        std::list<Thread> threads;
        threads.emplace_back(QStringLiteral("consumer-1"), consume);
        threads.emplace_back(QStringLiteral("consumer-2"), consume);
        threads.emplace_back(QStringLiteral("producer-1"), produce, 0);
        threads.emplace_back(QStringLiteral("producer-2"), produce, 100);

        TcpListener server;
        server.bind();
        server.listen(1);
        threads.emplace_back(QStringLiteral("server"), [&server] {
            const std::unique_ptr<TcpSocket> connection = server.accept();
            qint64 got = 0;
            while (got < 30)
                got += connection->recv(7).size();
            connection->sendAll(QByteArray(5, 'r'));
            connection->close();
        });
        for (Thread &t : threads)
            t.start();
        TcpSocket client(QStringLiteral("client"));
        client.connect(server.address(), server.port());
        for (const int n : {4, 11, 15})
            client.sendAll(QByteArray(n, 'x'));
        client.recv(5);
        client.close();
        for (Thread &t : threads)
            t.join();
    });
    QVERIFY2(trace.outcome().status == Outcome::Status::Completed,
             qPrintable(trace.outcome().summary));
    const TraceArrows whole(trace);
    QSet<int> kinds;
    for (const TraceArrows::Arrow &a : whole.arrows())
        kinds.insert(int(a.kind));
    for (const TraceArrows::Kind kind :
         {TraceArrows::Kind::Spawn, TraceArrows::Kind::Join, TraceArrows::Kind::Packet,
          TraceArrows::Kind::Message, TraceArrows::Kind::LockHandoff, TraceArrows::Kind::Notify})
        QVERIFY2(kinds.contains(int(kind)), TraceArrows::kindName(kind));

    const std::size_t size = trace.events().size();
    std::vector<std::size_t> cuts;
    for (std::size_t k = 1; k < 16; ++k)
        cuts.push_back(size * k / 16);
    for (const std::size_t cut : cuts) {
        const QString problem = walkInSteps(trace, {cut}, TraceArrows::Handoffs::Include);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    const QString problem = walkInSteps(trace, cuts, TraceArrows::Handoffs::Include);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestTraceArrows)
#include "tst_tracearrows.moc"
