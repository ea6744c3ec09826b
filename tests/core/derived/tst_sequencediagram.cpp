// SPDX-License-Identifier: MIT
#include "core/derived/sequencediagram.h"
#include "core/scenarios/sockets/socketscenarios.h"
#include "core/tracebuilder.h"
#include "tests/common/scenariorun.h"

#include <QTest>
#include <memory>

using namespace weft;
using Item = SequenceDiagram::Item;
using ItemKind = SequenceDiagram::ItemKind;

class TestSequenceDiagram : public QObject
{
    Q_OBJECT
private slots:
    void handBuiltExchangeIsOneRowPerMessage();
    void aSplitSendGivesOneArrowPerReceive();
    void messagesThroughAQueuePairByTag();
    void aTraceWithoutSocketsHasNoContent();
    void socketServerArrowsPairSendsWithReceives();
};

namespace {

// A client and a server thread: connect/accept, a 53-byte request read whole,
// a 20-byte reply, both close. Events are added in time order.
struct Exchange
{
    Trace trace;
    quint32 client = 0, server = 0;
};

Exchange clientServer(bool splitReply = false)
{
    TraceBuilder b;
    const quint32 process = b.addProcess({1, QStringLiteral("p")});
    Exchange x;
    x.server = b.addActor({QStringLiteral("server"), 1, process, true, false});
    x.client = b.addActor({QStringLiteral("client"), 2, process, false, false});
    const quint32 sock = b.addObject({QStringLiteral("socket"), ObjectKind::Socket});
    const quint32 up = b.addObject({QStringLiteral("c→s"), ObjectKind::Channel});
    const quint32 down = b.addObject({QStringLiteral("s→c"), ObjectKind::Channel});
    const auto op = [&](qint64 t, quint32 actor, const char *name, qint64 port = 0) {
        b.addEvent(
            {t, port, actor, sock, b.intern(QLatin1String(name)), 0, EventKind::SocketOp, 0});
    };
    const auto packet = [&](qint64 t, quint32 actor, quint32 channel, EventKind kind, qint64 n) {
        b.addEvent({t, n, actor, channel, 0, 0, kind, 0});
    };
    op(5, x.server, "create");
    op(10, x.server, "listen", 4000);
    op(20, x.client, "connect", 40001);
    op(21, x.server, "accept", 40001);
    packet(30, x.client, up, EventKind::PacketSend, 53);
    packet(31, x.server, up, EventKind::PacketRecv, 53);
    packet(40, x.server, down, EventKind::PacketSend, 20);
    if (splitReply) {
        packet(41, x.client, down, EventKind::PacketRecv, 12);
        packet(42, x.client, down, EventKind::PacketRecv, 8);
    } else {
        packet(41, x.client, down, EventKind::PacketRecv, 20);
    }
    op(50, x.client, "close");
    op(51, x.server, "close");
    x.trace = b.build();
    return x;
}

const Event &eventOf(const Trace &trace, std::size_t index)
{
    return trace.events()[index];
}

} // namespace

void TestSequenceDiagram::handBuiltExchangeIsOneRowPerMessage()
{
    const Exchange x = clientServer();
    const SequenceDiagram d(x.trace);
    // The server listens first, so it is the left column.
    QCOMPARE(d.lifelines().size(), std::size_t(2));
    QCOMPARE(d.lifelines()[0].actor, x.server);
    QCOMPARE(d.lifelines()[1].actor, x.client);
    QCOMPARE(d.lifelines()[0].name, QStringLiteral("server"));
    QVERIFY(d.lifelines()[0].process.isEmpty()); // one process: no need to name it

    // listen, connect→accept, 53 B up, 20 B down, close, close; "create" is left out.
    const std::vector<ItemKind> kinds {ItemKind::Note,   ItemKind::Connect, ItemKind::Packet,
                                       ItemKind::Packet, ItemKind::Note,    ItemKind::Note};
    QCOMPARE(d.items().size(), kinds.size());
    for (std::size_t i = 0; i < kinds.size(); ++i)
        QCOMPARE(int(d.items()[i].kind), int(kinds[i]));
    const Item &connect = d.items()[1];
    QCOMPARE(connect.from, 1); // client
    QCOMPARE(connect.to, 0); // server
    QCOMPARE(eventOf(x.trace, connect.fromEvent).timeNs, 20);
    QCOMPARE(eventOf(x.trace, connect.toEvent).timeNs, 21);
    const Item &request = d.items()[2];
    QCOMPARE(request.bytes, 53);
    QCOMPARE(request.from, 1);
    QCOMPARE(request.to, 0);
    QCOMPARE(eventOf(x.trace, request.fromEvent).kind, EventKind::PacketSend);
    QCOMPARE(eventOf(x.trace, request.toEvent).kind, EventKind::PacketRecv);
    const Item &reply = d.items()[3];
    QCOMPARE(reply.bytes, 20);
    QCOMPARE(reply.from, 0);
    QCOMPARE(reply.to, 1);
    QCOMPARE(reply.timeNs, 40);
    QCOMPARE(d.items()[4].from, d.items()[4].to);
    QCOMPARE(x.trace.text(d.items()[4].text), QStringLiteral("close"));
    QCOMPARE(d.itemOfEvent(request.toEvent), 2);
    QCOMPARE(d.itemOfEvent(0), -1); // "create"
}

void TestSequenceDiagram::aSplitSendGivesOneArrowPerReceive()
{
    const Exchange x = clientServer(true);
    const SequenceDiagram d(x.trace);
    std::vector<qint64> replyBytes;
    for (const Item &item : d.items())
        if (item.kind == ItemKind::Packet && item.from == 0)
            replyBytes.push_back(item.bytes);
    QCOMPARE(replyBytes, (std::vector<qint64> {12, 8}));
}

void TestSequenceDiagram::messagesThroughAQueuePairByTag()
{
    TraceBuilder b;
    const quint32 p1 = b.addProcess({1, QStringLiteral("parent")});
    const quint32 p2 = b.addProcess({2, QStringLiteral("child")});
    const quint32 producer = b.addActor({QStringLiteral("main"), 1, p1, true, false});
    const quint32 consumer = b.addActor({QStringLiteral("main"), 2, p2, true, false});
    const quint32 queue = b.addObject({QStringLiteral("q"), ObjectKind::Queue});
    const quint32 a = b.intern(QStringLiteral("A")), bb = b.intern(QStringLiteral("B"));
    b.addEvent({10, 8, producer, queue, a, 0, EventKind::MessageSend, 0});
    b.addEvent({11, 9, producer, queue, bb, 0, EventKind::MessageSend, 0});
    b.addEvent({20, 9, consumer, queue, bb, 0, EventKind::MessageRecv, 0});
    b.addEvent({21, 8, consumer, queue, a, 0, EventKind::MessageRecv, 0});
    b.addEvent({30, 4, producer, queue, 0, 0, EventKind::MessageSend, 0}); // never received
    const Trace trace = b.build();
    const SequenceDiagram d(trace);
    QCOMPARE(d.lifelines().size(), std::size_t(2));
    QCOMPARE(d.lifelines()[1].name, QStringLiteral("child"));
    QCOMPARE(d.lifelines()[1].process, QStringLiteral("main"));
    QCOMPARE(d.items().size(), std::size_t(3));
    for (int i = 0; i < 2; ++i) {
        const Item &item = d.items()[std::size_t(i)];
        QCOMPARE(int(item.kind), int(ItemKind::Message));
        QCOMPARE(trace.events()[item.fromEvent].text, trace.events()[item.toEvent].text);
        QCOMPARE(item.bytes, trace.events()[item.fromEvent].value);
    }
    QCOMPARE(int(d.items()[2].kind), int(ItemKind::Note));
    QCOMPARE(d.items()[2].bytes, 4);
}

void TestSequenceDiagram::aTraceWithoutSocketsHasNoContent()
{
    TraceBuilder b;
    const quint32 process = b.addProcess({1, QStringLiteral("p")});
    const quint32 actor = b.addActor({QStringLiteral("t"), 1, process, true, false});
    b.addEvent({1, 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
    b.addEvent({2, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    const Trace trace = b.build();
    QVERIFY(!SequenceDiagram::hasContent(trace));
    QVERIFY(SequenceDiagram(trace).isEmpty());
    QVERIFY(SequenceDiagram::hasContent(clientServer().trace));
}

void TestSequenceDiagram::socketServerArrowsPairSendsWithReceives()
{
    const std::unique_ptr<Scenario> scenario = makeSocketServerScenario();
    const Trace trace = testsupport::runWith(*scenario, {QStringLiteral("clients=2")});
    const SequenceDiagram d(trace);
    int packets = 0, connects = 0;
    qint64 sent = 0, arrowBytes = 0;
    for (const Event &e : trace.events())
        if (e.kind == EventKind::PacketSend)
            sent += e.value;
    for (const Item &item : d.items()) {
        const Event &from = trace.events()[item.fromEvent];
        const Event &to = trace.events()[item.toEvent];
        if (item.kind == ItemKind::Packet) {
            ++packets;
            QCOMPARE(from.kind, EventKind::PacketSend);
            QCOMPARE(to.kind, EventKind::PacketRecv);
            QCOMPARE(from.object, to.object); // one channel
            QVERIFY(item.bytes > 0 && item.bytes <= std::min(from.value, to.value));
            QVERIFY(item.from != item.to);
            arrowBytes += item.bytes;
        } else if (item.kind == ItemKind::Connect) {
            ++connects;
            QCOMPARE(trace.text(from.text), QStringLiteral("connect"));
            QCOMPARE(trace.text(to.text), QStringLiteral("accept"));
        }
    }
    QCOMPARE(connects, 2);
    QVERIFY(packets >= 4); // a greeting and a reply each way per client
    QCOMPARE(arrowBytes, sent); // every byte sent arrives on some arrow
    // Rows in time order; the server (it listens first) is the left column.
    for (std::size_t i = 1; i < d.items().size(); ++i)
        QVERIFY(d.items()[i - 1].timeNs <= d.items()[i].timeNs);
    QCOMPARE(d.lifelines().size(), std::size_t(3));
    QCOMPARE(d.lifelines()[0].actor, trace.events()[d.items()[0].fromEvent].actor);
    QCOMPARE(trace.text(trace.events()[d.items()[0].fromEvent].text), QStringLiteral("bind"));
}

QTEST_GUILESS_MAIN(TestSequenceDiagram)
#include "tst_sequencediagram.moc"
