// SPDX-License-Identifier: MIT
#include "core/recorder.h"

#include <QScopeGuard>
#include <QTest>
#include <thread>
#include <vector>

using namespace weft;

class TestRecorder : public QObject
{
    Q_OBJECT
private slots:
    void eventIsCompact();
    void manyThreadsLoseNothingAndKeepOrder_data();
    void manyThreadsLoseNothingAndKeepOrder();
    void budgetCountsDroppedEvents();
    void snapshotWhileRecording();
    void interningReturnsStableIds();
    void sitesAreCachedPerCallSite();
    void locationWithoutALineHasNoSite();
    void recordAtKeepsTheEarlierStamp();
};

void TestRecorder::eventIsCompact()
{
    QCOMPARE(sizeof(Event), std::size_t(32));
}

void TestRecorder::manyThreadsLoseNothingAndKeepOrder_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("perThread");
    QTest::newRow("1x50000") << 1 << 50000;
    QTest::newRow("8x20000") << 8 << 20000;
    QTest::newRow("64x1000") << 64 << 1000;
}

void TestRecorder::manyThreadsLoseNothingAndKeepOrder()
{
    QFETCH(int, threads);
    QFETCH(int, perThread);
    Recorder recorder;
    std::vector<std::thread> workers;
    workers.reserve(std::size_t(threads));
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&recorder, t, perThread] {
            for (int i = 0; i < perThread; ++i)
                recorder.record(EventKind::Mark, quint32(t + 1), quint32(t), i, 0, 0, 0);
        });
    }
    for (auto &w : workers)
        w.join();

    const Trace trace = recorder.snapshot();
    QCOMPARE(trace.events().size(), std::size_t(threads) * std::size_t(perThread));
    QCOMPARE(recorder.droppedCount(), quint64(0));

    // Per thread: every value 0..perThread-1 once, in order; no torn events
    // (object always equals actor - 1, as written).
    std::vector<qint64> next(std::size_t(threads), 0);
    qint64 lastTime = 0;
    for (const Event &e : trace.events()) {
        QVERIFY(e.actor >= 1 && e.actor <= quint32(threads));
        QCOMPARE(e.object, e.actor - 1);
        QCOMPARE(e.kind, EventKind::Mark);
        QCOMPARE(e.value, next[e.actor - 1]);
        ++next[e.actor - 1];
        QVERIFY(e.timeNs >= lastTime);
        lastTime = e.timeNs;
    }
    for (qint64 n : next)
        QCOMPARE(n, qint64(perThread));
}

void TestRecorder::budgetCountsDroppedEvents()
{
    Recorder recorder(1000);
    for (int i = 0; i < 1500; ++i)
        recorder.record(EventKind::Mark, 1, 0, i);
    const Trace trace = recorder.snapshot();
    QCOMPARE(trace.events().size(), std::size_t(1000));
    QCOMPARE(recorder.droppedCount(), quint64(500));
    QCOMPARE(trace.metadata().droppedEvents, quint64(500));
}

void TestRecorder::snapshotWhileRecording()
{
    Recorder recorder;
    std::atomic<bool> stop {false};
    std::thread writer([&] {
        // Bounded, so each snapshot stays cheap to check (also under ThreadSanitizer), and
        // enough to cross several chunk boundaries (the first chunks are small).
        constexpr qint64 kEvents = 200000;
        for (qint64 i = 0; i < kEvents && !stop.load(); ++i)
            recorder.record(EventKind::Mark, 1, 0, i);
    });
    // A failed QCOMPARE returns early: stop and join the writer on every path.
    const auto joinWriter = qScopeGuard([&] {
        stop.store(true);
        writer.join();
    });
    std::size_t previous = 0;
    for (int round = 0; round < 20; ++round) {
        const Trace trace = recorder.snapshot();
        QVERIFY(trace.events().size() >= previous);
        // Every snapshot is a gap-free prefix of what the writer recorded, in order.
        std::size_t i = 0;
        while (i < trace.events().size() && trace.events()[i].value == qint64(i))
            ++i;
        if (i != trace.events().size())
            QFAIL(qPrintable(QStringLiteral("event %1 of %2 holds value %3")
                                 .arg(i)
                                 .arg(trace.events().size())
                                 .arg(trace.events()[i].value)));
        previous = trace.events().size();
    }
}

void TestRecorder::interningReturnsStableIds()
{
    Recorder recorder;
    const quint32 a = recorder.intern(QStringLiteral("hello"));
    const quint32 b = recorder.intern(QStringLiteral("world"));
    QVERIFY(a != 0 && b != 0 && a != b);
    QCOMPARE(recorder.intern(QStringLiteral("hello")), a);
    QCOMPARE(recorder.intern(QString()), quint32(0));
    recorder.record(EventKind::Print, 1, 0, 0, a);
    QCOMPARE(recorder.snapshot().text(a), QStringLiteral("hello"));
}

void TestRecorder::sitesAreCachedPerCallSite()
{
    Recorder recorder;
    quint16 ids[3];
    for (quint16 &id : ids)
        id = recorder.site(std::source_location::current());
    QVERIFY(ids[0] != 0);
    QCOMPARE(ids[1], ids[0]);
    QCOMPARE(ids[2], ids[0]);
    const quint16 other = recorder.site(std::source_location::current());
    QVERIFY(other != ids[0]);
    recorder.record(EventKind::Mark, 1, 0, 0, 0, other);
    const Trace trace = recorder.snapshot();
    QCOMPARE(trace.site(other).file, QStringLiteral("tst_recorder.cpp"));
    QVERIFY(trace.site(other).line > 0);
}

void TestRecorder::locationWithoutALineHasNoSite()
{
    // Helper code that runs in a lesson but is not part of it passes a
    // default-constructed location: its events must light no line.
    Recorder recorder;
    QCOMPARE(recorder.site(std::source_location {}), quint16(0));
    QVERIFY(recorder.site(std::source_location::current()) != 0);
    QCOMPARE(recorder.site(std::source_location {}), quint16(0));
    QCOMPARE(recorder.snapshot().siteCount(), 1);
}

void TestRecorder::recordAtKeepsTheEarlierStamp()
{
    // A stamp taken before an act, recorded after another thread's event: the
    // act sorts first, where it happened.
    Recorder recorder;
    const quint64 before = Recorder::ticksNow();
    std::thread([&] { recorder.record(EventKind::PacketRecv, 2, 7, 5); }).join();
    recorder.recordAt(before, EventKind::PacketSend, 1, 7, 5);
    const Trace trace = recorder.snapshot();
    QCOMPARE(trace.events().size(), std::size_t(2));
    QCOMPARE(trace.events()[0].kind, EventKind::PacketSend);
    QCOMPARE(trace.events()[1].kind, EventKind::PacketRecv);
    QVERIFY(trace.events()[0].timeNs <= trace.events()[1].timeNs);
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
