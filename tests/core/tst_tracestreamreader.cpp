// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "core/tracebytes.h"
#include "core/tracefile.h"
#include "core/tracestreamreader.h"
#include "core/tracestreamwriter.h"

#include <QBuffer>
#include <QTest>
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
} // namespace

class TestTraceStreamReader : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void cutAnywhereLoadsTheWholeBlocks();
    void unwrittenBlockEndsTheFile();
    void rejectsMalformedWholeBlocks();
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

QTEST_GUILESS_MAIN(TestTraceStreamReader)
#include "tst_tracestreamreader.moc"
