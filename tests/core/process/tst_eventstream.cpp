// SPDX-License-Identifier: MIT
// EventStreamWriter (child side) and EventStreamReader (parent side) together:
// what one encodes the other merges, with every id remapped.
#include "core/process/eventstreamreader.h"
#include "core/process/eventstreamwriter.h"
#include "core/recorder.h"

#include <QTest>

using namespace weft;

class TestEventStream : public QObject
{
    Q_OBJECT
private slots:
    void mergesWithRemappedIds();
    void sendsOnlyWhatIsNew();
    void rejectsMalformedStream();
};

void TestEventStream::mergesWithRemappedIds()
{
    Recorder child;
    const quint32 childProcess = child.addProcess({1234, QStringLiteral("weft")});
    const quint32 childMain
        = child.addActor({QStringLiteral("MainThread"), 0, childProcess, true, false});
    const quint32 childWorker
        = child.addActor({QStringLiteral("worker"), 0, childProcess, false, true});
    const quint32 childChannel = child.addObject(QStringLiteral("chan"), ObjectKind::Channel);
    const quint32 childLock = child.addObject(QStringLiteral("lock"), ObjectKind::Lock);
    const quint16 site = child.site(std::source_location::current());
    child.record(EventKind::ThreadStart, childMain, 0, 111);
    child.record(EventKind::Print, childMain, 0, 0, child.intern(QStringLiteral("hello")), site);
    child.record(EventKind::ThreadSpawn, childMain, 0, childWorker);
    child.record(EventKind::ThreadStart, childWorker, 0, 222);
    child.record(EventKind::MessageSend, childWorker, childChannel, 5,
                 child.intern(QStringLiteral("abcde")));
    child.record(EventKind::LockAcquired, childWorker, childLock);
    child.record(EventKind::ThreadEnd, childWorker);
    const Trace childTrace = child.snapshot();

    // The parent already has ids of its own, so nothing maps by coincidence.
    Recorder parent;
    parent.addProcess({1, QStringLiteral("parent")});
    parent.addActor({QStringLiteral("parent main"), 0, 1, true, false});
    parent.intern(QStringLiteral("x"));
    parent.addObject(QStringLiteral("other"), ObjectKind::Lock);
    const quint32 shared = parent.addObject(QStringLiteral("chan"), ObjectKind::Channel);
    const quint32 process = parent.addProcess({1234, QStringLiteral("child")});
    const quint32 main = parent.addActor({QStringLiteral("MainThread"), 0, process, true, false});

    EventStreamWriter writer(child);
    const QByteArray bytes = writer.encodePending();
    EventStreamReader reader(parent, process, main, {{QStringLiteral("chan"), shared}});
    // Split mid-frame: the reader must wait for the rest.
    QVERIFY(reader.feed(bytes.left(7)));
    QCOMPARE(reader.mergedEvents(), 0);
    QVERIFY(reader.feed(bytes.mid(7)));
    QCOMPARE(reader.mergedEvents(), 7);

    const Trace trace = parent.snapshot();
    const quint32 worker = trace.findActor(QStringLiteral("worker"));
    QVERIFY(worker != 0);
    QCOMPARE(trace.actor(worker).process, process);
    QVERIFY(trace.actor(worker).isDaemon);
    QCOMPARE(trace.actor(worker).nativeId, 222);
    QCOMPARE(trace.actor(main).nativeId, 111);

    QCOMPARE(trace.events().size(), childTrace.events().size());
    for (std::size_t i = 0; i < trace.events().size(); ++i) {
        const Event &merged = trace.events()[i];
        const Event &original = childTrace.events()[i];
        // One clock: kept as recorded (each snapshot maps CPU ticks to ns afresh,
        // so two snapshots of the same event may differ by a clock read's jitter).
        QVERIFY(std::abs(merged.timeNs - original.timeNs) < 1000000);
        QCOMPARE(merged.kind, original.kind);
        QVERIFY(merged.flags & Imported);
        QCOMPARE(merged.actor, original.actor == childMain ? main : worker);
    }
    const auto prints = trace.eventsOfKind(EventKind::Print);
    QCOMPARE(prints.size(), std::size_t(1));
    QCOMPARE(trace.text(prints[0].text), QStringLiteral("hello"));
    QCOMPARE(trace.site(prints[0].site).file, QStringLiteral("tst_eventstream.cpp"));
    QCOMPARE(quint32(trace.eventsOfKind(EventKind::ThreadSpawn)[0].value), worker);
    QCOMPARE(trace.eventsOfKind(EventKind::MessageSend)[0].object, shared);
    const quint32 lock = trace.eventsOfKind(EventKind::LockAcquired)[0].object;
    QCOMPARE(trace.object(lock).name, QStringLiteral("lock"));
    QCOMPARE(trace.object(lock).kind, ObjectKind::Lock);

    // The worker ended; the main thread did not (yet).
    QCOMPARE(reader.unfinishedThreads(), std::vector<quint32> {main});
}

void TestEventStream::sendsOnlyWhatIsNew()
{
    Recorder child;
    const quint32 a = child.addActor({QStringLiteral("a"), 0, 0, true, false});
    child.record(EventKind::ThreadStart, a, 0, 1);
    EventStreamWriter writer(child);
    QByteArray bytes = writer.encodePending();
    QVERIFY(!bytes.isEmpty());
    QVERIFY(writer.encodePending().isEmpty());
    for (int i = 0; i < 100; ++i)
        child.record(EventKind::CounterValue, a, 0, i);
    bytes += writer.encodePending();

    Recorder parent;
    const quint32 main = parent.addActor({QStringLiteral("MainThread"), 0, 0, true, false});
    EventStreamReader reader(parent, 0, main, {});
    QVERIFY(reader.feed(bytes));
    const Trace trace = parent.snapshot();
    const auto counters = trace.eventsOfKind(EventKind::CounterValue);
    QCOMPARE(counters.size(), std::size_t(100));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(counters[std::size_t(i)].value, i); // in the order recorded
}

void TestEventStream::rejectsMalformedStream()
{
    Recorder parent;
    EventStreamReader reader(parent, 0, 0, {});
    QVERIFY(!reader.feed(QByteArray("\x05\x00\x00\x00\x03xyz", 8))); // not a whole event
    QVERIFY(!reader.error().isEmpty());
    QVERIFY(!reader.feed(QByteArray(64, '\0'))); // stays failed
    QCOMPARE(parent.eventCount(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
