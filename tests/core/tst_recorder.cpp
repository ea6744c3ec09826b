// SPDX-License-Identifier: MIT
#include "core/recorder.h"

#include <QHash>
#include <QScopeGuard>
#include <QTest>
#include <atomic>
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
    void liveSnapshotsEqualFullSnapshots();
    void liveSnapshotWhileRecordingEndsEqual();
    void liveSnapshotBreaksTiesByThreadAsSnapshotDoes();
    void liveSnapshotsSayWhatTheyKeepOfTheOnesBefore();
    void heldBackEventsLetALateOneAppend();
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

namespace {

// Every event the same, in the same order, and the same tables.
QString differenceBetween(const Trace &live, const Trace &full)
{
    if (live.events().size() != full.events().size())
        return QStringLiteral("%1 events live, %2 in full")
            .arg(live.events().size())
            .arg(full.events().size());
    for (std::size_t i = 0; i < live.events().size(); ++i)
        if (!(live.events()[i] == full.events()[i]))
            return QStringLiteral("event %1 differs (%2 against %3 ns)")
                .arg(i)
                .arg(live.events()[i].timeNs)
                .arg(full.events()[i].timeNs);
    if (live.actorCount() != full.actorCount() || live.stringCount() != full.stringCount())
        return QStringLiteral("the tables differ");
    return {};
}

void recordFrom(Recorder &recorder, int threads, int events, qint64 firstValue)
{
    std::vector<std::thread> workers;
    for (int t = 1; t <= threads; ++t)
        workers.emplace_back([&recorder, t, events, firstValue] {
            for (int i = 0; i < events; ++i)
                recorder.record(EventKind::Mark, quint32(t), 0, firstValue + i);
        });
    for (std::thread &w : workers)
        w.join();
}

// A Mark of `actor` carrying `value`, stamped at `ticks` (the recorder maps them
// as it maps its own stamps), appended from the calling thread.
void appendMarkAt(Recorder &recorder, qint64 ticks, quint32 actor, qint64 value)
{
    Event e;
    e.timeNs = ticks;
    e.kind = EventKind::Mark;
    e.actor = actor;
    e.value = value;
    recorder.append(e);
}

} // namespace

void TestRecorder::liveSnapshotsEqualFullSnapshots()
{
    Recorder recorder;
    for (int t = 1; t <= 5; ++t)
        recorder.addActor({QStringLiteral("T%1").arg(t)});
    recordFrom(recorder, 4, 1000, 0);
    const Trace first = recorder.liveSnapshot();
    QCOMPARE(first.events().size(), std::size_t(4000));
    QCOMPARE(differenceBetween(first, recorder.snapshot()), QString());
    // More than a chunk's worth on each thread, and a fifth thread.
    recordFrom(recorder, 5, 20000, 1000);
    const Trace second = recorder.liveSnapshot();
    QCOMPARE(second.events().size(), std::size_t(4000 + 5 * 20000));
    QCOMPARE(differenceBetween(second, recorder.snapshot()), QString());
    // An event keeps the time it was first given.
    QHash<QPair<quint32, qint64>, qint64> timeOf;
    for (const Event &e : second.events())
        timeOf.insert({e.actor, e.value}, e.timeNs);
    for (const Event &e : first.events())
        QCOMPARE(timeOf.value({e.actor, e.value}, -1), e.timeNs);
    // Nothing new: the same events again.
    const Trace third = recorder.liveSnapshot();
    QCOMPARE(differenceBetween(third, second), QString());
}

void TestRecorder::liveSnapshotWhileRecordingEndsEqual()
{
    Recorder recorder;
    std::atomic<bool> done {false};
    std::size_t lastCount = 0;
    bool grew = true;
    std::thread poller([&] {
        while (!done.load()) {
            const std::size_t count = recorder.liveSnapshot().events().size();
            grew = grew && count >= lastCount;
            lastCount = count;
        }
    });
    recordFrom(recorder, 4, 30000, 0);
    done = true;
    poller.join();
    QVERIFY(grew);
    const Trace live = recorder.liveSnapshot();
    QCOMPARE(live.events().size(), std::size_t(4 * 30000));
    QCOMPARE(differenceBetween(live, recorder.snapshot()), QString());
}

void TestRecorder::liveSnapshotBreaksTiesByThreadAsSnapshotDoes()
{
    // This thread's buffer is made before thread A's; an event it records after
    // a live snapshot, at the same time as one of A's before it, goes first.
    Recorder recorder;
    appendMarkAt(recorder, 50, 2, 0); // this thread's buffer first
    std::thread a([&] { appendMarkAt(recorder, 100, 1, 1); });
    a.join();
    QCOMPARE(recorder.liveSnapshot().events().size(), std::size_t(2));
    appendMarkAt(recorder, 100, 2, 2);
    const Trace live = recorder.liveSnapshot();
    QCOMPARE(differenceBetween(live, recorder.snapshot()), QString());
    QCOMPARE(live.events()[1].value, qint64(2)); // this thread's, the earlier buffer
    QCOMPARE(live.events()[2].value, qint64(1));
}

void TestRecorder::liveSnapshotsSayWhatTheyKeepOfTheOnesBefore()
{
    Recorder recorder;
    appendMarkAt(recorder, 50, 2, 0); // this thread's buffer first
    std::thread a([&] { appendMarkAt(recorder, 100, 1, 1); });
    a.join();
    const Trace first = recorder.liveSnapshot();
    QCOMPARE(first.keptEventsOf(first), std::size_t(2));
    appendMarkAt(recorder, 200, 2, 3);
    const Trace appended = recorder.liveSnapshot();
    QCOMPARE(appended.keptEventsOf(first), std::size_t(2)); // all of them: extendable
    appendMarkAt(recorder, 100, 2, 2); // lands before A's event at 100 (index 1)
    const Trace merged = recorder.liveSnapshot();
    QCOMPARE(merged.events()[1].value, qint64(2));
    QCOMPARE(merged.keptEventsOf(appended), std::size_t(1));
    QCOMPARE(merged.keptEventsOf(first), std::size_t(1));
    const Trace same = recorder.liveSnapshot(); // nothing new
    QCOMPARE(same.keptEventsOf(merged), std::size_t(4));
    QCOMPARE(same.keptEventsOf(first), std::size_t(1));
    // Other series and traces of none keep nothing that could be told.
    Recorder other;
    other.record(EventKind::Mark, 1, 0, 0);
    QCOMPARE(other.liveSnapshot().keptEventsOf(first), std::size_t(0));
    QCOMPARE(recorder.snapshot().keptEventsOf(same), std::size_t(0));
    // Only the last few generations are remembered.
    Trace last = same;
    for (std::size_t i = 0; i < TraceLineage::kRemembered; ++i)
        last = recorder.liveSnapshot();
    QCOMPARE(last.keptEventsOf(same), std::size_t(4));
    last = recorder.liveSnapshot();
    QCOMPARE(last.keptEventsOf(same), std::size_t(0));
    QCOMPARE(last.keptEventsOf(recorder.liveSnapshot()), std::size_t(0)); // a later one
}

void TestRecorder::heldBackEventsLetALateOneAppend()
{
    // Thread 2 stamps its event (A) before thread 1's last one (B) but
    // publishes it after a snapshot: preempted in between. Taken with B, that
    // snapshot has A merged in before B by the next; with B held back, the
    // next snapshot only appends. Either way the events end as snapshot()'s.
    for (const bool holdBack : {false, true}) {
        Recorder recorder;
        recorder.record(EventKind::Mark, 1, 0, 0); // X
        QCOMPARE(recorder.liveSnapshot().events().size(), std::size_t(1));
        const quint64 stampOfA = Recorder::ticksNow();
        recorder.record(EventKind::Mark, 1, 0, 2); // B, stamped after A
        // An hour: B is within it, X is not.
        const Trace before = recorder.liveSnapshot(holdBack ? 3'600'000'000'000 : 0);
        QCOMPARE(before.events().size(), std::size_t(holdBack ? 1 : 2));
        std::thread late([&] { recorder.recordAt(stampOfA, EventKind::Mark, 2, 0, 1); });
        late.join();
        const Trace after = recorder.liveSnapshot();
        QCOMPARE(after.events().size(), std::size_t(3));
        QCOMPARE(after.events()[1].value, qint64(1)); // A, in its place by time
        QCOMPARE(after.keptEventsOf(before), std::size_t(1));
        QCOMPARE(after.keptEventsOf(before) == before.events().size(), holdBack);
        QCOMPARE(differenceBetween(after, recorder.snapshot()), QString());
    }
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
