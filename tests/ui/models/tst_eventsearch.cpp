// SPDX-License-Identifier: MIT
#include "tests/common/sampletrace.h"
#include "ui/models/eventsearch.h"

#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestEventSearch : public QObject
{
    Q_OBJECT
private slots:
    void findsByTextCaseInsensitively();
    void findsByLaneAndObjectName();
    void findsByWhatTheEventDoes();
    void findsTrafficByItsSize();
    void anEmptyQueryFindsNothing();

private:
    QList<EventKind> kindsOf(const std::vector<int> &indices) const
    {
        QList<EventKind> kinds;
        for (int i : indices)
            kinds.append(m_sample.trace.events()[std::size_t(i)].kind);
        return kinds;
    }
    const testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
    const EventSearch m_search {m_sample.trace};
};

void TestEventSearch::findsByTextCaseInsensitively()
{
    const std::vector<int> hits = m_search.find(QStringLiteral("HELLO"));
    QCOMPARE(kindsOf(hits), QList<EventKind>({EventKind::Print}));
    // A slice's name finds its begin and its end (both carry it).
    QCOMPARE(kindsOf(m_search.find(QStringLiteral("work"))),
             QList<EventKind>({EventKind::SpanBegin, EventKind::SpanEnd}));
}

void TestEventSearch::findsByLaneAndObjectName()
{
    // Every event on lock L: A's and B's acquire and release and B's wait.
    QList<EventKind> onLock;
    for (int i : m_search.find(QStringLiteral("L"))) {
        const Event &e = m_sample.trace.events()[std::size_t(i)];
        if (e.object == m_sample.lock)
            onLock.append(e.kind);
    }
    QCOMPARE(onLock.size(), 5);
    // Lane names: every event of MainThread, in time order.
    const std::vector<int> main = m_search.find(QStringLiteral("mainthread"));
    QVERIFY(!main.empty());
    QVERIFY(std::is_sorted(main.begin(), main.end()));
    for (int i : main)
        QCOMPARE(m_sample.trace.events()[std::size_t(i)].actor, m_sample.main);
}

void TestEventSearch::findsByWhatTheEventDoes()
{
    QCOMPARE(kindsOf(m_search.find(QStringLiteral("releases a lock"))),
             QList<EventKind>({EventKind::LockReleased, EventKind::LockReleased}));
}

void TestEventSearch::findsTrafficByItsSize()
{
    QCOMPARE(kindsOf(m_search.find(QStringLiteral("10 B"))),
             QList<EventKind>({EventKind::PacketSend}));
    QCOMPARE(kindsOf(m_search.find(QStringLiteral("8 b"))),
             QList<EventKind>({EventKind::MessageSend, EventKind::MessageRecv}));
}

void TestEventSearch::anEmptyQueryFindsNothing()
{
    QVERIFY(m_search.find(QString()).empty());
    QVERIFY(m_search.find(QStringLiteral("   ")).empty());
    QVERIFY(m_search.find(QStringLiteral("no such thing")).empty());
}

QTEST_MAIN(TestEventSearch)
#include "tst_eventsearch.moc"
