// SPDX-License-Identifier: MIT
// RingDrainer: rings written in-process the way libweftrecord.so writes them
// (rawrecord.h), copied into chunk files that ChunkReader reads back.
#include "core/record/chunkreader.h"
#include "core/record/ringdrainer.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <map>
#include <sys/mman.h>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace weft::record;

namespace {

std::int64_t monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A thread's ring, written as the library writes it.
class FakeRing
{
public:
    FakeRing(const QString &dir, std::int32_t tid, std::uint32_t capacity, RecordClock clock)
        : m_capacity(capacity)
    {
        m_path = QStringLiteral("%1/%2-%3-0%4")
                     .arg(dir)
                     .arg(getpid())
                     .arg(tid)
                     .arg(QLatin1String(kRingSuffix));
        const int fd
            = ::open(QFile::encodeName(m_path).constData(), O_CREAT | O_EXCL | O_RDWR, 0600);
        Q_ASSERT(fd >= 0);
        m_bytes = ringFileBytes(capacity);
        [[maybe_unused]] const int truncated = ftruncate(fd, off_t(m_bytes));
        void *map = mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        ::close(fd);
        Q_ASSERT(map != MAP_FAILED);
        m_header = static_cast<RingHeader *>(map);
        m_records = reinterpret_cast<RawRecord *>(static_cast<char *>(map) + kRingHeaderBytes);
        m_header->version = kFormatVersion;
        m_header->pid = getpid();
        m_header->tid = tid;
        m_header->capacity = capacity;
        m_header->clock = std::uint32_t(clock);
        m_header->createdNs = monotonicNs();
        m_tid = tid;
        __atomic_store_n(&m_header->magic, kRingMagic, __ATOMIC_RELEASE);
    }
    ~FakeRing() { munmap(m_header, m_bytes); }

    // False if the ring is full: dropped (and counted) when dropIfFull, else not written.
    bool write(std::int64_t time, std::int64_t value, const QByteArray &text, bool dropIfFull)
    {
        const std::uint32_t need = recordSlots(std::uint32_t(text.size()));
        const std::uint64_t tail = __atomic_load_n(&m_header->tail, __ATOMIC_ACQUIRE);
        if (m_head + need - tail > m_capacity) {
            if (dropIfFull)
                __atomic_store_n(&m_header->dropped, ++m_dropped, __ATOMIC_RELEASE);
            return false;
        }
        const std::uint32_t mask = m_capacity - 1;
        RawRecord *r = m_records + (m_head & mask);
        *r = {};
        r->timeNs = time;
        r->value = value;
        r->kind = std::uint16_t(RawKind::Print);
        r->textBytes = std::uint16_t(text.size());
        r->tid = m_tid;
        for (int i = 0; i < text.size(); ++i) {
            const std::uint64_t slot = (m_head + 1 + std::uint64_t(i) / sizeof(RawRecord)) & mask;
            reinterpret_cast<char *>(m_records + slot)[i % sizeof(RawRecord)] = text[i];
        }
        m_head += need;
        __atomic_store_n(&m_header->head, m_head, __ATOMIC_RELEASE);
        return true;
    }
    void close() { __atomic_or_fetch(&m_header->flags, kRingClosed, __ATOMIC_RELEASE); }
    QString path() const { return m_path; }
    std::uint64_t dropped() const { return m_dropped; }

private:
    QString m_path;
    std::size_t m_bytes = 0;
    RingHeader *m_header = nullptr;
    RawRecord *m_records = nullptr;
    std::uint32_t m_capacity;
    std::uint64_t m_head = 0;
    std::uint64_t m_dropped = 0;
    std::int32_t m_tid = 0;
};

QByteArray textFor(std::int64_t i)
{
    // 0 to 90 bytes: records of one to four slots, so they wrap around the ring's end.
    const int n = int(i % 7) * 15;
    QByteArray text(n, 'a');
    for (int k = 0; k < n; ++k)
        text[k] = char('a' + (i + k) % 26);
    return text;
}

// Per tid, the values in file order; false (with why) unless they are 0, 1, 2 ... with their texts.
bool checkPrefixes(const std::vector<RawEvent> &events, std::map<int, std::int64_t> *counts,
                   QString *why)
{
    std::map<int, std::int64_t> next;
    for (const RawEvent &e : events) {
        std::int64_t &expected = next[e.record.tid];
        if (e.record.value != expected) {
            *why = QStringLiteral("tid %1: value %2, expected %3")
                       .arg(e.record.tid)
                       .arg(e.record.value)
                       .arg(expected);
            return false;
        }
        if (e.text != textFor(expected)) {
            *why = QStringLiteral("tid %1: text of %2 is '%3'")
                       .arg(e.record.tid)
                       .arg(expected)
                       .arg(QString::fromLatin1(e.text));
            return false;
        }
        ++expected;
    }
    if (counts)
        *counts = next;
    return true;
}

} // namespace

class TestRingDrainer : public QObject
{
    Q_OBJECT

private slots:
    void twoThreadsWrapAroundAndLiveReadsSeePrefixes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RingDrainer drainer(dir.path());
        drainer.setPeriods(std::chrono::microseconds(200), std::chrono::milliseconds(2));
        drainer.start();
        constexpr std::int64_t kRecords = 100000;
        std::atomic<int> done {0};
        auto writer = [&](std::int32_t tid) {
            FakeRing ring(dir.path(), tid, 256, RecordClock::Monotonic);
            for (std::int64_t i = 0; i < kRecords; ++i) {
                while (!ring.write(monotonicNs(), i, textFor(i), false))
                    std::this_thread::yield();
            }
            ring.close();
            done.fetch_add(1);
        };
        std::thread a(writer, 1001), b(writer, 1002);
        // Read live while they write: every read is a prefix of each thread's records.
        int reads = 0;
        while (done.load() < 2) {
            ChunkReader reader(dir.path());
            QString why;
            QVERIFY2(checkPrefixes(reader.readAll(), nullptr, &why), qPrintable(why));
            QVERIFY2(reader.warnings().isEmpty(), qPrintable(reader.warnings().join(u'\n')));
            ++reads;
        }
        a.join();
        b.join();
        drainer.stop();
        QVERIFY(!drainer.isRunning());
        QVERIFY(reads > 0);

        ChunkReader reader(dir.path());
        std::map<int, std::int64_t> counts;
        QString why;
        QVERIFY2(checkPrefixes(reader.readAll(), &counts, &why), qPrintable(why));
        QCOMPARE(counts[1001], kRecords);
        QCOMPARE(counts[1002], kRecords);
        QCOMPARE(reader.droppedEvents(), 0u);
        QCOMPARE(drainer.droppedEvents(), 0u);
        QVERIFY(drainer.warnings().isEmpty());
        QVERIFY(reader.chunkCount() > 2); // 2 x 100000 records of up to 4 slots: several chunks
        // Closed and drained: retired, their memory given back.
        QCOMPARE(drainer.ringCount(), 0);
        for (const QFileInfo &info : QDir(dir.path()).entryInfoList({QStringLiteral("*.wrr")}))
            QCOMPARE(info.size(), 0);
    }

    void dropsAreCountedWhenNobodyDrains()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FakeRing ring(dir.path(), 77, 64, RecordClock::Monotonic);
        int written = 0;
        for (int i = 0; i < 200; ++i)
            written += ring.write(monotonicNs(), written, {}, true) ? 1 : 0;
        QCOMPARE(written, 64);
        QCOMPARE(ring.dropped(), 136u);
        RingDrainer drainer(dir.path());
        drainer.drainNow(true);
        QCOMPARE(drainer.droppedEvents(), 136u);
        ChunkReader reader(dir.path());
        QCOMPARE(reader.readAll().size(), std::size_t(64));
        QCOMPARE(reader.droppedEvents(), 136u);

        // Room again: the next records get through, later drops add up in a later chunk too.
        for (int i = 0; i < 100; ++i)
            written += ring.write(monotonicNs(), written, {}, true) ? 1 : 0;
        QCOMPARE(written, 128);
        drainer.drainNow(true);
        ChunkReader again(dir.path());
        QCOMPARE(again.readAll().size(), std::size_t(128));
        QCOMPARE(again.droppedEvents(), 136u + 36u);
        QCOMPARE(drainer.droppedEvents(), 136u + 36u);
    }

    void tscTimesBecomeMonotonicNanoseconds()
    {
        if (!TscClock::supported() || !RingDrainer::hostHasInvariantTsc())
            QSKIP("no invariant TSC here");
        // The map alone: monotonic across its points, close to the clock.
        TscClock clock;
        clock.addPoint(TscClock::readPoint());
        // Each clock reading between two tick readings: a sample whose brackets are
        // far apart was preempted in between and says nothing about the map.
        struct Sample
        {
            std::uint64_t before, after;
            std::int64_t ns;
        };
        std::vector<Sample> samples;
        for (int i = 0; i < 50; ++i) {
            const std::uint64_t before = TscClock::ticksNow();
            const std::int64_t ns = monotonicNs();
            samples.push_back({before, TscClock::ticksNow(), ns});
            std::this_thread::sleep_for(std::chrono::microseconds(300));
            if (i % 5 == 0)
                clock.addPoint(TscClock::readPoint());
        }
        clock.addPoint(TscClock::readPoint());
        std::int64_t last = 0;
        int checked = 0;
        for (const Sample &sample : samples) {
            const std::int64_t mapped = clock.toNs(sample.before);
            const std::int64_t mappedAfter = clock.toNs(sample.after);
            QVERIFY(mapped >= last);
            QVERIFY(mappedAfter >= mapped);
            last = mapped;
            if (mappedAfter - mapped > 50000)
                continue;
            ++checked;
            QVERIFY2(std::abs((mapped + mappedAfter) / 2 - sample.ns) < 200000,
                     qPrintable(QString::number((mapped + mappedAfter) / 2 - sample.ns)));
        }
        QVERIFY(checked > 0);
        last = std::numeric_limits<std::int64_t>::min();
        for (std::uint64_t t = samples.front().before; t < samples.back().before; t += 997) {
            const std::int64_t mapped = clock.toNs(t);
            QVERIFY(mapped >= last);
            last = mapped;
        }

        // Through a ring: TSC stamps come out as CLOCK_MONOTONIC ns, in order.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RingDrainer drainer(dir.path());
        drainer.setPeriods(std::chrono::microseconds(500), std::chrono::milliseconds(1));
        drainer.start();
        {
            FakeRing ring(dir.path(), 5, 1024, RecordClock::Tsc);
            for (int i = 0; i < 3000; ++i) {
                const std::uint64_t ticks = TscClock::ticksNow();
                while (!ring.write(std::int64_t(ticks), i, textFor(i), false))
                    std::this_thread::yield();
                if (i % 100 == 0)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            ring.close();
        }
        drainer.stop();
        ChunkReader reader(dir.path());
        const std::vector<RawEvent> events = reader.readAll();
        QCOMPARE(events.size(), std::size_t(3000));
        const std::int64_t now = monotonicNs();
        std::int64_t previous = 0;
        for (const RawEvent &e : events) {
            QVERIFY(e.record.timeNs >= previous);
            QVERIFY2(e.record.timeNs <= now && now - e.record.timeNs < 60'000'000'000,
                     qPrintable(QString::number(now - e.record.timeNs)));
            previous = e.record.timeNs;
        }
    }

    void halfMadeAndForeignRingsAreSkipped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile junk(dir.filePath(QStringLiteral("%1-9-0.wrr").arg(getpid())));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(int(ringFileBytes(64)), 'x'));
        junk.close();
        QFile empty(dir.filePath(QStringLiteral("%1-10-0.wrr").arg(getpid())));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        RingDrainer drainer(dir.path());
        drainer.drainNow(false); // the empty one may still be made: no word yet
        QCOMPARE(drainer.warnings().size(), 1);
        drainer.drainNow(true);
        QCOMPARE(drainer.warnings().size(), 2);
        QCOMPARE(ChunkReader(dir.path()).readAll().size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRingDrainer)
#include "tst_ringdrainer.moc"
