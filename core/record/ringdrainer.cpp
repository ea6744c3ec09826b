// SPDX-License-Identifier: MIT
#include "ringdrainer.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <sys/mman.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace weft::record {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::record::RingDrainer)
};

std::int64_t monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// "<pid>-<tid>-<seq>.wrr" -> its numbers.
bool parseRingName(const std::string &name, std::int32_t *pid, std::int32_t *tid,
                   std::uint32_t *seq)
{
    const std::size_t suffix = std::strlen(kRingSuffix);
    if (name.size() <= suffix || name.compare(name.size() - suffix, suffix, kRingSuffix) != 0)
        return false;
    unsigned long long numbers[3] = {};
    const char *p = name.c_str();
    const char *end = p + name.size() - suffix;
    for (int i = 0; i < 3; ++i) {
        if (p >= end || *p < '0' || *p > '9')
            return false;
        unsigned long long v = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            v = v * 10 + unsigned(*p++ - '0');
            if (v > 0x7fffffffull)
                return false;
        }
        numbers[i] = v;
        if (i < 2) {
            if (p >= end || *p != '-')
                return false;
            ++p;
        }
    }
    if (p != end)
        return false;
    *pid = std::int32_t(numbers[0]);
    *tid = std::int32_t(numbers[1]);
    *seq = std::uint32_t(numbers[2]);
    return true;
}

constexpr std::uint32_t kFirstChunkBytes
    = 64 * 1024; // a ring's first chunk (most threads say little)
constexpr int kMaxPendingAttempts = 50; // rescans a half-made ring is given
constexpr int kMaxWarnings = 20;
} // namespace

// ---- TscClock ---------------------------------------------------------------

bool TscClock::supported()
{
#if defined(__x86_64__)
    return true;
#else
    return false;
#endif
}

std::uint64_t TscClock::ticksNow()
{
#if defined(__x86_64__)
    _mm_lfence();
    return __rdtsc();
#else
    return 0;
#endif
}

TscClock::Point TscClock::readPoint()
{
    return tightestClockPair(&TscClock::ticksNow, &monotonicNs);
}

void TscClock::addPoint(Point point)
{
    if (!m_points.empty()
        && (point.ticks <= m_points.back().ticks || point.ns < m_points.back().ns))
        return; // out of order (or a clock that stood still): keep the map monotonic
    const std::size_t n = m_points.size();
    if (n >= 2 && point.ns - m_points[n - 2].ns < kMinSpacingNs)
        m_points.back() = point;
    else
        m_points.push_back(point);
    if (m_points.size() > kMaxPoints) {
        // Thin the older half: every other point goes.
        const std::size_t half = m_points.size() / 2;
        std::size_t out = 1;
        for (std::size_t i = 2; i < half; i += 2)
            m_points[out++] = m_points[i];
        for (std::size_t i = half; i < m_points.size(); ++i)
            m_points[out++] = m_points[i];
        m_points.resize(out);
    }
    m_lastSegment = 1;
    m_slopeSegment = 0;
}

std::int64_t TscClock::toNs(std::uint64_t ticks) const
{
    const std::size_t n = m_points.size();
    if (n == 0)
        return std::int64_t(ticks);
    if (n == 1)
        return m_points[0].ns + std::int64_t(ticks - m_points[0].ticks); // no rate yet: 1 GHz
    // The segment [i-1, i] holding ticks (the first or last one extrapolated).
    std::size_t i = m_lastSegment;
    if (i >= n || !(m_points[i - 1].ticks <= ticks && (ticks < m_points[i].ticks || i == n - 1))) {
        const auto it
            = std::upper_bound(m_points.begin(), m_points.end(), ticks,
                               [](std::uint64_t t, const Point &p) { return t < p.ticks; });
        i = std::clamp<std::size_t>(std::size_t(it - m_points.begin()), 1, n - 1);
        m_lastSegment = i;
    }
    const Point &a = m_points[i - 1];
    if (m_slopeSegment != i) {
        const Point &b = m_points[i];
        m_slope = double(b.ns - a.ns) / double(b.ticks - a.ticks);
        m_slopeSegment = i;
    }
    const double delta = double(std::int64_t(ticks - a.ticks));
    return a.ns + std::int64_t(delta * m_slope);
}

// ---- RingDrainer ------------------------------------------------------------

struct RingDrainer::Ring
{
    std::string name;
    std::int32_t pid = 0, tid = 0;
    RingHeader *header = nullptr;
    const RawRecord *records = nullptr;
    std::size_t mapBytes = 0;
    std::uint32_t mask = 0;
    bool tsc = false;
    bool broken = false;
    bool retired = false;
    std::uint64_t tail = 0;
    std::uint64_t head = 0; // this pass's snapshot
    std::int64_t lastNs = std::numeric_limits<std::int64_t>::min();
    std::uint64_t droppedSeen = 0; // ring->dropped as last read
    std::uint64_t droppedInClosedChunks = 0;
    // The chunk being filled.
    ChunkHeader *chunk = nullptr;
    std::uint32_t chunkBytes = 0;
    std::uint32_t chunkCapacity = 0;
    std::uint32_t chunkCount = 0;
    std::uint32_t chunkPopulated = 0; // bytes of the chunk mapping made writable
    int chunksMade = 0;
};

RingDrainer::RingDrainer(QString directory)
    : m_directory(std::move(directory))
    , m_dir(QFile::encodeName(m_directory).toStdString())
{
    if (TscClock::supported())
        m_clock.addPoint(TscClock::readPoint());
}

RingDrainer::~RingDrainer()
{
    stop();
    for (auto &ring : m_rings)
        retire(*ring, false);
}

QStringList RingDrainer::warnings() const
{
    std::lock_guard lock(m_warningsMutex);
    return m_warnings;
}

void RingDrainer::warn(const QString &message)
{
    std::lock_guard lock(m_warningsMutex);
    if (m_warnings.size() < kMaxWarnings && !m_warnings.contains(message))
        m_warnings.append(message);
}

bool RingDrainer::hostHasInvariantTsc()
{
#if defined(__x86_64__)
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return false;
    // Every processor has a flags line; all of them must say so. (A /proc file
    // has no size: read it to its end rather than trusting atEnd().)
    bool sawFlags = false;
    const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith("flags"))
            continue;
        sawFlags = true;
        const QList<QByteArray> flags = line.mid(line.indexOf(':') + 1).simplified().split(' ');
        if (!flags.contains("constant_tsc") || !flags.contains("nonstop_tsc"))
            return false;
    }
    return sawFlags;
#else
    return false;
#endif
}

void RingDrainer::start()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_finishing = false;
    }
    m_thread = std::thread([this] { run(); });
}

void RingDrainer::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finishing = true;
    }
    m_wake.notify_all();
}

void RingDrainer::stop()
{
    finish();
    if (m_thread.joinable())
        m_thread.join();
}

void RingDrainer::run()
{
    auto nextRescan = std::chrono::steady_clock::now();
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= nextRescan) {
            rescan(false);
            nextRescan = now + m_rescanPeriod;
        }
        const quint64 before = m_drained.load(std::memory_order_relaxed);
        pass(false);
        // Busy rings (a pass found thousands of records): go again at once.
        const bool busy = m_drained.load(std::memory_order_relaxed) - before > 4096;
        std::unique_lock lock(m_mutex);
        if (busy ? m_finishing
                 : m_wake.wait_for(lock, m_passPeriod, [this] { return m_finishing; }))
            break;
        if (busy) {
            lock.unlock();
            std::this_thread::yield();
        }
    }
    drainNow(true);
}

void RingDrainer::drainNow(bool final)
{
    rescan(final);
    pass(final);
}

bool RingDrainer::openRing(const std::string &name, Ring &ring, bool *retry)
{
    *retry = false;
    const std::string path = m_dir + '/' + name;
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *retry = errno == EMFILE || errno == ENFILE || errno == EINTR;
        return false;
    }
    struct stat st
    {
    };
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return false;
    }
    if (st.st_size < qint64(kRingHeaderBytes)) {
        ::close(fd);
        *retry = true; // being made
        return false;
    }
    if (st.st_size > qint64(ringFileBytes(1u << 20))) {
        ::close(fd);
        return false;
    }
    void *map = mmap(nullptr, std::size_t(st.st_size), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        return false;
    auto *header = static_cast<RingHeader *>(map);
    const std::uint32_t magic = __atomic_load_n(&header->magic, __ATOMIC_ACQUIRE);
    const std::uint32_t capacity = header->capacity;
    const bool valid = magic == kRingMagic && header->version == kFormatVersion && capacity > 0
        && (capacity & (capacity - 1)) == 0 && capacity <= (1u << 20)
        && std::uint64_t(st.st_size) >= ringFileBytes(capacity) && header->pid == ring.pid
        && header->tid == ring.tid;
    if (!valid) {
        munmap(map, std::size_t(st.st_size));
        *retry = magic == 0; // the header is not published yet
        return false;
    }
    ring.header = header;
    ring.records = reinterpret_cast<const RawRecord *>(static_cast<char *>(map) + kRingHeaderBytes);
    ring.mapBytes = std::size_t(st.st_size);
    ring.mask = capacity - 1;
    ring.tsc = header->clock == std::uint32_t(RecordClock::Tsc);
    // Start where an earlier drainer left off (never past the writer).
    ring.tail = std::min(__atomic_load_n(&header->tail, __ATOMIC_ACQUIRE),
                         __atomic_load_n(&header->head, __ATOMIC_ACQUIRE));
    if (ring.tsc && !TscClock::supported()) {
        warn(Tr::tr("%1 has time-stamp counter times this machine cannot convert")
                 .arg(QString::fromStdString(name)));
        ring.broken = true;
    }
    return true;
}

void RingDrainer::rescan(bool final)
{
    DIR *dir = opendir(m_dir.c_str());
    if (!dir)
        return;
    std::vector<std::string> fresh;
    while (const dirent *entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (m_known.count(name))
            continue;
        std::int32_t pid = 0, tid = 0;
        std::uint32_t seq = 0;
        if (parseRingName(name, &pid, &tid, &seq))
            fresh.push_back(name);
    }
    closedir(dir);
    // A thread's rings in sequence order (an exec'd image's after its predecessor's).
    std::sort(fresh.begin(), fresh.end(), [](const std::string &a, const std::string &b) {
        std::int32_t pa = 0, ta = 0, pb = 0, tb = 0;
        std::uint32_t sa = 0, sb = 0;
        parseRingName(a, &pa, &ta, &sa);
        parseRingName(b, &pb, &tb, &sb);
        return std::tie(pa, ta, sa) < std::tie(pb, tb, sb);
    });
    for (const std::string &name : fresh) {
        auto ring = std::make_unique<Ring>();
        ring->name = name;
        std::uint32_t seq = 0;
        parseRingName(name, &ring->pid, &ring->tid, &seq);
        bool retry = false;
        if (openRing(name, *ring, &retry)) {
            m_known.insert(name);
            m_pending.erase(name);
            m_rings.push_back(std::move(ring));
            continue;
        }
        if (retry && !final && ++m_pending[name] < kMaxPendingAttempts)
            continue;
        m_known.insert(name);
        m_pending.erase(name);
        warn(Tr::tr("skipped %1: not a usable recording ring").arg(QString::fromStdString(name)));
    }
    m_ringCount.store(int(m_rings.size()), std::memory_order_relaxed);
}

bool RingDrainer::openChunk(Ring &ring)
{
    const std::uint32_t bytes = ring.chunksMade == 0 ? kFirstChunkBytes : kChunkBytes;
    std::uint32_t &next = m_nextChunk[{ring.pid, ring.tid}];
    int fd = -1;
    std::string path;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        path = m_dir + '/' + std::to_string(ring.pid) + '-' + std::to_string(ring.tid) + '-'
            + std::to_string(next) + kChunkSuffix;
        fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            break;
        ++next;
    }
    if (fd < 0) {
        warn(Tr::tr("cannot create a chunk file in %1: %2")
                 .arg(m_directory, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    // Reserve the blocks: a sparse file would SIGBUS us on a full disk.
    if (posix_fallocate(fd, 0, bytes) != 0) {
        ::close(fd);
        ::unlink(path.c_str());
        warn(Tr::tr("no room for the recording in %1").arg(m_directory));
        return false;
    }
    void *map = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) {
        ::unlink(path.c_str());
        return false;
    }
    auto *header = static_cast<ChunkHeader *>(map);
    header->magic = kChunkMagic;
    header->version = kFormatVersion;
    header->pid = ring.pid;
    header->tid = ring.tid;
    header->sequence = next;
    header->capacity = (bytes - kChunkHeaderBytes) / sizeof(RawRecord);
    header->createdNs = monotonicNs();
    header->dropped = 0;
    __atomic_store_n(&header->count, 0u, __ATOMIC_RELEASE);
    ++next;
    ++ring.chunksMade;
    ring.chunk = header;
    ring.chunkBytes = bytes;
    ring.chunkCapacity = header->capacity;
    ring.chunkCount = 0;
    ring.chunkPopulated = 4096;
    return true;
}

void RingDrainer::publishChunk(Ring &ring)
{
    if (!ring.chunk)
        return;
    __atomic_store_n(&ring.chunk->dropped, ring.droppedSeen - ring.droppedInClosedChunks,
                     __ATOMIC_RELAXED);
    __atomic_store_n(&ring.chunk->count, ring.chunkCount, __ATOMIC_RELEASE);
}

void RingDrainer::closeChunk(Ring &ring)
{
    if (!ring.chunk)
        return;
    publishChunk(ring);
    ring.droppedInClosedChunks = ring.droppedSeen;
    munmap(ring.chunk, ring.chunkBytes);
    ring.chunk = nullptr;
}

void RingDrainer::drainRing(Ring &ring)
{
    const std::uint64_t capacity = std::uint64_t(ring.mask) + 1;
    const std::uint64_t head = ring.head;
    if (head < ring.tail || head - ring.tail > capacity) {
        warn(Tr::tr("%1: the ring's positions make no sense (the program wrote over them?): the "
                    "rest of "
                    "this thread is lost")
                 .arg(QString::fromStdString(ring.name)));
        ring.broken = true;
        return;
    }
    quint64 drained = 0;
    while (ring.tail < head) {
        RawRecord record;
        std::memcpy(&record, ring.records + (ring.tail & ring.mask), sizeof record);
        const std::uint32_t textBytes = std::min<std::uint32_t>(record.textBytes, kMaxTextBytes);
        const std::uint32_t need = recordSlots(textBytes);
        if (head - ring.tail < need) {
            warn(Tr::tr("%1: a record's text runs past what was written")
                     .arg(QString::fromStdString(ring.name)));
            ring.broken = true;
            break;
        }
        if (!ring.chunk || ring.chunkCount + need > ring.chunkCapacity) {
            closeChunk(ring);
            if (!openChunk(ring)) {
                ring.broken = true;
                break;
            }
        }
        if (ring.tsc) {
            const std::int64_t ns
                = std::max(ring.lastNs, m_clock.toNs(std::uint64_t(record.timeNs)));
            record.timeNs = ns;
            ring.lastNs = ns;
        }
        char *chunkBase = reinterpret_cast<char *>(ring.chunk);
        const std::uint32_t offset
            = kChunkHeaderBytes + ring.chunkCount * std::uint32_t(sizeof(RawRecord));
        const std::uint32_t endOffset = offset + need * std::uint32_t(sizeof(RawRecord));
        if (endOffset > ring.chunkPopulated) {
            // Make the next 64 KiB writable at once rather than fault page by page.
            std::uint32_t to = std::min<std::uint32_t>(
                ring.chunkBytes, std::max(endOffset, ring.chunkPopulated + 64 * 1024));
            to = std::min<std::uint32_t>(ring.chunkBytes, (to + 4095) & ~4095u);
#ifdef MADV_POPULATE_WRITE
            madvise(chunkBase + ring.chunkPopulated, to - ring.chunkPopulated, MADV_POPULATE_WRITE);
#endif
            ring.chunkPopulated = to;
        }
        auto *out = reinterpret_cast<RawRecord *>(chunkBase + offset);
        std::memcpy(out, &record, sizeof record);
        // The text slots, modulo the ring's capacity.
        for (std::uint32_t s = 1; s < need; ++s)
            std::memcpy(out + s, ring.records + ((ring.tail + s) & ring.mask), sizeof(RawRecord));
        ring.chunkCount += need;
        ring.tail += need;
        ++drained;
        // Give slots back as we go: a writer waiting for room goes on sooner.
        if ((drained & 2047) == 0)
            __atomic_store_n(&ring.header->tail, ring.tail, __ATOMIC_RELEASE);
    }
    const std::uint64_t dropped = __atomic_load_n(&ring.header->dropped, __ATOMIC_ACQUIRE);
    if (dropped > ring.droppedSeen) {
        m_dropped.fetch_add(dropped - ring.droppedSeen, std::memory_order_relaxed);
        ring.droppedSeen = dropped;
    }
    if (drained
        || (ring.chunk && ring.chunk->dropped != ring.droppedSeen - ring.droppedInClosedChunks))
        publishChunk(ring);
    if (ring.droppedSeen > ring.droppedInClosedChunks && !ring.chunk) {
        // Drops with no chunk to tell them (everything before was in closed chunks): a chunk for
        // them.
        if (openChunk(ring))
            publishChunk(ring);
    }
    // The slots are copied out: the writer may use them again.
    __atomic_store_n(&ring.header->tail, ring.tail, __ATOMIC_RELEASE);
    m_drained.fetch_add(drained, std::memory_order_relaxed);
}

void RingDrainer::retire(Ring &ring, bool truncate)
{
    if (ring.retired)
        return;
    closeChunk(ring);
    if (ring.header)
        munmap(ring.header, ring.mapBytes);
    ring.header = nullptr;
    ring.records = nullptr;
    ring.retired = true;
    if (truncate) {
        // Give the memory back (tmpfs); the name stays, so it is not made again.
        ::truncate((m_dir + '/' + ring.name).c_str(), 0);
    }
}

void RingDrainer::pass(bool final)
{
    // Heads first, then the calibration point: every record copied in this pass
    // was stamped before the point, so its time is interpolated, never extrapolated.
    bool anyTsc = false;
    for (auto &ring : m_rings) {
        if (ring->retired || ring->broken)
            continue;
        ring->head = __atomic_load_n(&ring->header->head, __ATOMIC_ACQUIRE);
        anyTsc |= ring->tsc;
    }
    if (anyTsc)
        m_clock.addPoint(TscClock::readPoint());
    for (auto &ring : m_rings) {
        if (ring->retired)
            continue;
        if (!ring->broken)
            drainRing(*ring);
        const bool closed = __atomic_load_n(&ring->header->flags, __ATOMIC_ACQUIRE) & kRingClosed;
        const bool done
            = ring->broken || ring->tail == __atomic_load_n(&ring->header->head, __ATOMIC_ACQUIRE);
        if (closed && done) {
            retire(*ring, true);
        } else if (done && !final && ::kill(ring->pid, 0) != 0 && errno == ESRCH) {
            // The process is gone (so is every writer of this ring): one more look, then retire.
            ring->head = __atomic_load_n(&ring->header->head, __ATOMIC_ACQUIRE);
            if (ring->tsc)
                m_clock.addPoint(TscClock::readPoint());
            if (!ring->broken)
                drainRing(*ring);
            retire(*ring, true);
        }
    }
    if (final) {
        for (auto &ring : m_rings)
            closeChunk(*ring);
    }
    // Forget retired rings (their names stay known).
    m_rings.erase(std::remove_if(m_rings.begin(), m_rings.end(),
                                 [](const std::unique_ptr<Ring> &r) { return r->retired; }),
                  m_rings.end());
    m_ringCount.store(int(m_rings.size()), std::memory_order_relaxed);
}

} // namespace weft::record
