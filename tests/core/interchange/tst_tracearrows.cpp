#include "core/interchange/tracearrows.h"
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
    const std::vector<std::pair<qint64, qint64>> expected{{10, 21}, {11, 20}};
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

QTEST_GUILESS_MAIN(TestTraceArrows)
#include "tst_tracearrows.moc"
