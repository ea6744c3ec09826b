// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "core/tracebytes.h"
#include "core/tracefile.h"
#include "core/tracestreamreader.h"
#include "core/tracestreamwriter.h"
#include "tests/common/processresources.h"

#include <QBuffer>
#include <QTest>
#include <atomic>
#include <cstring>

using namespace weft;

namespace {
// A file written the way a recording streams it: a lane and a lock appear
// between appends, a lane is renamed after its first events were written.
struct Streamed
{
    QByteArray bytes;
    Trace expected;
    // (file size after an append, events in the file then)
    std::vector<std::pair<qsizetype, int>> boundaries;
    bool written = true; // every write succeeded
};

Streamed streamed()
{
    Streamed s;
    QBuffer buffer(&s.bytes);
    buffer.open(QIODevice::WriteOnly);
    TraceStreamWriter writer(&buffer);
    TraceBuilder b;
    b.metadata().title = QStringLiteral("Recorded: demo");
    b.metadata().parameters = {{QStringLiteral("command"), QStringLiteral("demo")}};
    std::vector<Event> all;
    const auto append = [&] {
        const std::vector<Event> events = b.takeEvents();
        s.written &= writer.append(b, events.data(), events.size());
        all.insert(all.end(), events.begin(), events.end());
        s.boundaries.emplace_back(s.bytes.size(), int(all.size()));
    };
    s.written &= writer.begin(b.metadata());
    s.boundaries.emplace_back(s.bytes.size(), 0);
    const quint32 p = b.addProcess({42, QStringLiteral("process 42")});
    ActorInfo main;
    main.name = QStringLiteral("main");
    main.nativeId = 42;
    main.process = p;
    main.isMainThread = true;
    const quint32 a = b.addActor(main);
    b.addEvent({100, 42, a, 0, 0, 0, EventKind::ProcessStart, Imported});
    b.addEvent({150, 0, a, 0, b.intern(QStringLiteral("hello")), 0, EventKind::Print, Imported});
    append();
    ActorInfo worker;
    worker.name = QStringLiteral("thread 1");
    worker.nativeId = 43;
    worker.process = p;
    const quint32 w = b.addActor(worker);
    const quint32 lock = b.addObject({QStringLiteral("mutex 1"), ObjectKind::Lock});
    b.addEvent({200, 0, w, 0, 0, 0, EventKind::ThreadStart, Imported});
    b.addEvent({210, 0, w, lock, 0, 0, EventKind::LockAcquired, Imported});
    append();
    b.actor(w).name = QStringLiteral("worker");
    b.process(p).name = QStringLiteral("demo");
    b.addEvent({220, 0, w, lock, 0, 0, EventKind::LockReleased, Imported});
    b.addEvent({230, 0, w, 0, 0, 0, EventKind::ThreadEnd, Imported});
    append();
    // An end only known at the end, earlier than events already written.
    b.addEvent({180, 0, a, 0, b.intern(QStringLiteral("late")), 0, EventKind::Mark, Imported});
    b.metadata().outcome.status = Outcome::Status::Completed;
    b.metadata().outcome.summary = QStringLiteral("done");
    append();
    b.object(lock).name = QStringLiteral("the lock");
    s.written &= writer.finish(b);
    b.setEvents(std::move(all));
    s.expected = b.build();
    return s;
}

// A file of several events blocks (a few in each thread's share), and the
// trace it holds. lateEnds: a last block of ends earlier than the blocks
// before it, some at the same time as events there, as a recording writes
// them: the reader sorts them in after those.
struct SeveralBlocks
{
    QByteArray bytes;
    Trace expected;
    int blocks = 0; // events blocks
};

SeveralBlocks severalBlocks(bool lateEnds)
{
    SeveralBlocks s;
    QBuffer buffer(&s.bytes);
    buffer.open(QIODevice::WriteOnly);
    TraceStreamWriter writer(&buffer);
    TraceBuilder b;
    b.metadata().title = QStringLiteral("several blocks");
    const quint32 p = b.addProcess({7, QStringLiteral("p")});
    for (int i = 0; i < 4; ++i)
        b.addActor({QStringLiteral("t%1").arg(i), 100 + i, p, i == 0, false});
    const quint32 lock = b.addObject({QStringLiteral("lock"), ObjectKind::Lock});
    const quint32 counter = b.addObject({QStringLiteral("counter"), ObjectKind::Counter});
    const quint32 text = b.intern(QStringLiteral("tick"));
    writer.begin(b.metadata());
    constexpr int kEvents = 5 * int(TraceStreamWriter::kEventsPerBlock) + 1234;
    std::vector<Event> events;
    events.reserve(kEvents + 4); // and the late ends
    for (int i = 0; i < kEvents; ++i) {
        const quint32 actor = quint32(1 + i % 4);
        switch (i % 3) {
        case 0:
            events.push_back({qint64(i) * 10, i, actor, lock, 0, 0, EventKind::LockAcquired, 0});
            break;
        case 1:
            events.push_back({qint64(i) * 10, i, 0, counter, 0, 0, EventKind::CounterValue, 0});
            break;
        default:
            events.push_back({qint64(i) * 10, i, actor, 0, text, 0, EventKind::Mark, Imported});
        }
    }
    writer.append(b, events.data(), events.size());
    s.blocks = int((events.size() + TraceStreamWriter::kEventsPerBlock - 1)
                   / TraceStreamWriter::kEventsPerBlock);
    if (lateEnds) {
        // Each at the time of an event in an earlier block (of each thread's
        // share), so only a stable sort puts them after it.
        const quint32 late = b.addActor({QStringLiteral("late"), 200, p, false, false});
        std::vector<Event> ends;
        ends.reserve(4);
        for (int i = 0; i < 4; ++i)
            ends.push_back({qint64(i) * 700000, -i, late, 0, 0, 0, EventKind::ThreadEnd, 0});
        writer.append(b, ends.data(), ends.size());
        events.insert(events.end(), ends.begin(), ends.end());
        ++s.blocks;
    }
    b.metadata().outcome.summary = QStringLiteral("done");
    writer.finish(b);
    b.setEvents(std::move(events));
    s.expected = b.build();
    return s;
}

std::optional<Trace> readOn(int threads, const QByteArray &bytes, QString *error,
                            QStringList *warnings = nullptr)
{
    TraceLoadOptions options;
    options.threads = threads;
    return TraceStreamReader::read(bytes, error, warnings, options);
}

// Rewrites the checksum of the block whose payload starts at payloadAt, so a
// change to it reads as a block written whole.
void resum(QByteArray &bytes, qsizetype payloadAt)
{
    quint32 header[4];
    std::memcpy(header, bytes.constData() + payloadAt - 16, sizeof header);
    header[3] = tracebytes::checksum(bytes.constData() + payloadAt, qsizetype(header[2]));
    std::memcpy(bytes.data() + payloadAt - 16, header, sizeof header);
}

// Where the payload of the last block of this type starts.
qsizetype lastPayloadOf(const QByteArray &bytes, TraceStreamWriter::Block type)
{
    qsizetype offset = 12, last = -1;
    while (offset < bytes.size()) {
        quint32 header[4];
        std::memcpy(header, bytes.constData() + offset, sizeof header);
        if (header[0] == quint32(type))
            last = offset + 16;
        offset += 16 + qsizetype(header[2]);
    }
    return last;
}

// Where the payload of the events block holding event `index` starts.
qsizetype eventsPayloadOf(const QByteArray &bytes, quint64 index)
{
    qsizetype offset = 12;
    quint64 before = 0;
    for (;;) {
        quint32 header[4];
        std::memcpy(header, bytes.constData() + offset, sizeof header);
        if (header[0] == quint32(TraceStreamWriter::Block::Events)) {
            if (index < before + header[1])
                return offset + 16;
            before += header[1];
        }
        offset += 16 + qsizetype(header[2]);
    }
}
} // namespace

class TestTraceStreamReader : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void cutAnywhereLoadsTheWholeBlocks();
    void unwrittenBlockEndsTheFile();
    void rejectsMalformedWholeBlocks();
    void anyThreadCountReadsTheSameTrace_data();
    void anyThreadCountReadsTheSameTrace();
    void anyThreadCountFailsTheSame_data();
    void anyThreadCountFailsTheSame();
    void cancellingEndsEveryThread();
};

void TestTraceStreamReader::roundTrip()
{
    const Streamed s = streamed();
    QVERIFY(s.written);
    QString error;
    QStringList warnings;
    const auto loaded = TraceFile::deserialize(s.bytes, &error, &warnings);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QVERIFY(*loaded == s.expected);
    // The newest names win; the late mark is sorted in.
    QCOMPARE(loaded->actor(2).name, QStringLiteral("worker"));
    QCOMPARE(loaded->process(1).name, QStringLiteral("demo"));
    QCOMPARE(loaded->object(1).name, QStringLiteral("the lock"));
    QCOMPARE(loaded->events().at(2).kind, EventKind::Mark);
    QCOMPARE(loaded->outcome().summary, QStringLiteral("done"));
}

void TestTraceStreamReader::cutAnywhereLoadsTheWholeBlocks()
{
    const Streamed s = streamed();
    constexpr qsizetype kHeader = 12;
    for (qsizetype n = 0; n < s.bytes.size(); ++n) {
        QString error;
        QStringList warnings;
        const auto loaded = TraceFile::deserialize(s.bytes.left(n), &error, &warnings);
        if (n < kHeader) {
            QVERIFY(!loaded);
            continue;
        }
        QVERIFY2(loaded, qPrintable(QStringLiteral("cut at %1: %2").arg(n).arg(error)));
        int expected = 0;
        for (const auto &[size, events] : s.boundaries)
            if (size <= n)
                expected = events;
        QCOMPARE(int(loaded->events().size()), expected);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(
            warnings.first().contains(QStringLiteral("cut short after %1 event").arg(expected)),
            qPrintable(warnings.first()));
        if (n >= s.boundaries.front().first)
            QCOMPARE(loaded->metadata().title, QStringLiteral("Recorded: demo"));
    }
}

void TestTraceStreamReader::unwrittenBlockEndsTheFile()
{
    // A crash can leave a block's length in place over bytes never written.
    Streamed s = streamed();
    const qsizetype lastEvents = s.boundaries.back().first - 32; // inside the last events block
    s.bytes[lastEvents] = char(s.bytes[lastEvents] ^ 0x55);
    QString error;
    QStringList warnings;
    const auto loaded = TraceFile::deserialize(s.bytes, &error, &warnings);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(int(loaded->events().size()), s.boundaries[s.boundaries.size() - 2].second);
    QCOMPARE(warnings.size(), 1);
}

void TestTraceStreamReader::rejectsMalformedWholeBlocks()
{
    // A whole block (its checksum right) that says something impossible is
    // an error, not a cut: an event of a lane that no block before it listed.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    TraceStreamWriter writer(&buffer);
    TraceBuilder b;
    QVERIFY(writer.begin(b.metadata()));
    const Event orphan {100, 0, 1, 0, 0, 0, EventKind::Mark, NoFlags};
    QVERIFY(writer.append(b, &orphan, 1));
    b.addActor(ActorInfo {});
    QVERIFY(writer.finish(b));
    QString error;
    QVERIFY(!TraceFile::deserialize(bytes, &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY2(error.startsWith(QStringLiteral("at byte ")), qPrintable(error));

    // A block type nobody knows, and bytes after the end block.
    QByteArray unknown = TraceFile::serialize(Trace());
    unknown.insert(12, QByteArray("\x63\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16));
    QVERIFY(!TraceFile::deserialize(unknown, &error));
    QVERIFY2(error.contains(QStringLiteral("unknown block type 99")), qPrintable(error));
    QVERIFY(!TraceFile::deserialize(TraceFile::serialize(Trace()) + "x", &error));
    QVERIFY2(error.contains(QStringLiteral("after the end block")), qPrintable(error));

    // An events block whose count its payload cannot hold (checksum right):
    // refused before anything is reserved for it.
    QByteArray lying = TraceFile::serialize(Trace());
    const QByteArray payload(32, '\0');
    const quint32 header[4] = {7, 1u << 30, 32, tracebytes::checksum(payload.constData(), 32)};
    lying.insert(12, QByteArray(reinterpret_cast<const char *>(header), 16) + payload);
    QVERIFY(!TraceFile::deserialize(lying, &error));
    QVERIFY2(error.contains(QStringLiteral("an events block of 1073741824 events holds 32 bytes")),
             qPrintable(error));

    // A length that claims more than the file holds is a cut, never a read past it.
    QByteArray huge = TraceFile::serialize(Trace());
    const quint32 size = 0x7fffffff;
    std::memcpy(huge.data() + 12 + 8, &size, 4);
    QStringList warnings;
    const auto cut = TraceFile::deserialize(huge, &error, &warnings);
    QVERIFY2(cut, qPrintable(error));
    QCOMPARE(warnings.size(), 1);
}

void TestTraceStreamReader::anyThreadCountReadsTheSameTrace_data()
{
    QTest::addColumn<bool>("lateEnds");
    QTest::addColumn<bool>("cut");
    QTest::newRow("blocks in time order") << false << false;
    QTest::newRow("late ends sorted in") << true << false;
    QTest::newRow("cut short") << false << true;
    QTest::newRow("late ends, cut short") << true << true;
}

void TestTraceStreamReader::anyThreadCountReadsTheSameTrace()
{
    QFETCH(bool, lateEnds);
    QFETCH(bool, cut);
    const SeveralBlocks s = severalBlocks(lateEnds);
    // Cut in the middle of the fourth events block: three whole ones stay.
    constexpr qsizetype kBlockBytes = 16 + 32 * qsizetype(TraceStreamWriter::kEventsPerBlock);
    const QByteArray bytes
        = cut ? s.bytes.left(eventsPayloadOf(s.bytes, 0) + 3 * kBlockBytes + 1000) : s.bytes;
    QString error;
    QStringList alone;
    const auto one = readOn(1, bytes, &error, &alone);
    QVERIFY2(one, qPrintable(error));
    if (cut) {
        QCOMPARE(int(one->events().size()), 3 * int(TraceStreamWriter::kEventsPerBlock));
        QCOMPARE(alone.size(), 1);
        QCOMPARE(one->events().front(), s.expected.events().front());
    } else {
        QVERIFY(alone.isEmpty());
        QVERIFY(*one == s.expected);
    }
    for (int threads : {2, 4, 64}) {
        QStringList warnings;
        const auto many = readOn(threads, bytes, &error, &warnings);
        QVERIFY2(many, qPrintable(error));
        QVERIFY2(*many == *one, qPrintable(QStringLiteral("on %1 threads").arg(threads)));
        QCOMPARE(warnings, alone);
    }
    // Progress: after each block the loading thread decoded, up to all of them.
    TraceLoadOptions options;
    options.threads = 1;
    std::vector<qint64> reported;
    options.progress = [&](qint64 done, qint64 total, qint64 events) {
        QVERIFY(done <= total);
        reported.push_back(events);
    };
    QVERIFY(TraceStreamReader::read(bytes, &error, nullptr, options));
    QCOMPARE(int(reported.size()), cut ? 3 : s.blocks);
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
    QCOMPARE(reported.back(), qint64(one->events().size()));
}

void TestTraceStreamReader::anyThreadCountFailsTheSame_data()
{
    QTest::addColumn<int>("event");
    QTest::addColumn<int>("field"); // byte offset in the event
    QTest::addColumn<quint64>("value");
    QTest::addColumn<QString>("expected");
    // Event 200000 and the next few are in the fourth events block.
    QTest::newRow("unknown kind") << 200000 << 30 << quint64(250)
                                  << QStringLiteral("event 200000 has unknown kind 250");
    QTest::newRow("no such thread")
        << 200001 << 16 << quint64(99)
        << QStringLiteral("event 200001 refers to an actor, object, string or site that does "
                          "not exist");
    QTest::newRow("too far from zero")
        << 200002 << 0 << quint64((qint64(1) << 62) + 1)
        << QStringLiteral("event 200002: an event time (4611686018427387905 ns) is more than");
    QTest::newRow("too long a span") << 200003 << 0 << quint64(qint64(1) << 62)
                                     << QStringLiteral("event 200003: the events span");
}

void TestTraceStreamReader::anyThreadCountFailsTheSame()
{
    QFETCH(int, event);
    QFETCH(int, field);
    QFETCH(quint64, value);
    QFETCH(QString, expected);
    SeveralBlocks s = severalBlocks(false);
    // A bad table block after the events (the last metadata block's outcome status) …
    const qsizetype metadataAt = lastPayloadOf(s.bytes, TraceStreamWriter::Block::Metadata);
    constexpr qsizetype kStatusAt = 4 + 4 + 14 + 4; // no id, "several blocks", no parameters
    s.bytes[metadataAt + kStatusAt] = char(200);
    resum(s.bytes, metadataAt);
    for (int threads : {1, 4}) {
        QString error;
        QVERIFY(!readOn(threads, s.bytes, &error));
        QVERIFY2(error.endsWith(QStringLiteral("unknown outcome status 200")), qPrintable(error));
    }
    // … and a bad event before it: the event, earlier in the file, is the error.
    const qsizetype payloadAt = eventsPayloadOf(s.bytes, quint64(event));
    const qsizetype at = payloadAt + qsizetype(event % TraceStreamWriter::kEventsPerBlock) * 32;
    QVERIFY(metadataAt > at);
    const int width = field == 30 ? 1 : field == 16 ? 4 : 8;
    std::memcpy(s.bytes.data() + at + field, &value, std::size_t(width));
    resum(s.bytes, payloadAt);
    QString alone;
    QVERIFY(!readOn(1, s.bytes, &alone));
    QVERIFY2(alone.contains(expected), qPrintable(alone));
    // The byte named: the event's start for a time, else just past it.
    const qsizetype named = field == 0 ? at : at + 32;
    QVERIFY2(alone.startsWith(QStringLiteral("at byte %1: ").arg(named)), qPrintable(alone));
    for (int threads : {2, 4}) {
        QString error;
        QVERIFY(!readOn(threads, s.bytes, &error));
        QCOMPARE(error, alone);
    }
}

void TestTraceStreamReader::cancellingEndsEveryThread()
{
    const SeveralBlocks s = severalBlocks(true);
    const auto before = testsupport::ProcessResources::ofThisProcess();
    std::atomic_bool cancel {false};
    TraceLoadOptions options;
    options.threads = 4;
    options.cancel = &cancel;
    int reports = 0;
    // Cancelled after the loading thread's first block, with the others' under way.
    options.progress = [&](qint64, qint64, qint64) {
        ++reports;
        cancel = true;
    };
    QString error;
    QVERIFY(!TraceStreamReader::read(s.bytes, &error, nullptr, options));
    QCOMPARE(error, QStringLiteral("loading was cancelled"));
    QCOMPARE(reports, 1);
    const auto after = testsupport::ProcessResources::ofThisProcess();
    QVERIFY2(after.holdsNoMoreThan(before),
             qPrintable(before.describe() + QStringLiteral(" before, now ") + after.describe()));
}

QTEST_GUILESS_MAIN(TestTraceStreamReader)
#include "tst_tracestreamreader.moc"
