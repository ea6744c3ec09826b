// SPDX-License-Identifier: MIT
#include "recorder.h"

#include "clock.h"
#include "nearlysortedsort.h"
#include "saturating.h"
#include "tracebuilder.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>
#include <sys/mman.h>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace weft {

namespace {
std::atomic<quint64> g_nextRecorderSerial {1};
constexpr std::size_t kFirstChunkCapacity = 128;
// 2 MiB: one transparent huge page. First-touch page faults cost ~2.5 µs per
// 4 KiB page in this VM (20 ns per event); a huge page brings that to ~2.5 ns.
constexpr std::size_t kHugePage = 2u * 1024u * 1024u;
constexpr std::size_t kMaxChunkCapacity = kHugePage / sizeof(Event);

// Uninitialised event storage: events are written before they are published.
// Huge chunks are mapped directly, 2 MiB-aligned, so the kernel can back them
// with one transparent huge page.
Event *allocateEvents(std::size_t capacity)
{
    const std::size_t bytes = capacity * sizeof(Event);
    if (bytes < kHugePage) {
        void *memory = std::malloc(bytes);
        if (!memory)
            throw std::bad_alloc();
        return static_cast<Event *>(memory);
    }
    const std::size_t mapped = bytes + kHugePage;
    void *raw = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHugePage - 1) & ~(std::uintptr_t(kHugePage) - 1);
    // Pointers are raw plus an offset: one cast from an integer would lose its provenance.
    char *const first = static_cast<char *>(raw) + (aligned - start);
    if (aligned > start)
        ::munmap(raw, aligned - start);
    const std::uintptr_t end = start + mapped;
    if (end > aligned + bytes)
        ::munmap(first + bytes, end - (aligned + bytes));
    ::madvise(first, bytes, MADV_HUGEPAGE);
    return reinterpret_cast<Event *>(first);
}

void freeEvents(Event *events, std::size_t capacity)
{
    const std::size_t bytes = capacity * sizeof(Event);
    if (bytes < kHugePage)
        std::free(events);
    else
        ::munmap(events, bytes);
}
} // namespace

struct Recorder::Chunk
{
    explicit Chunk(std::size_t cap)
        : events(allocateEvents(cap))
        , capacity(cap)
    {
    }
    ~Chunk() { freeEvents(events, capacity); }
    Chunk(const Chunk &) = delete;
    Chunk &operator=(const Chunk &) = delete;
    Event *const events;
    const std::size_t capacity;
    std::atomic<std::size_t> count {0};
    std::atomic<Chunk *> next {nullptr};
};

struct Recorder::ThreadBuffer
{
    ~ThreadBuffer()
    {
        Chunk *c = head;
        while (c) {
            Chunk *n = c->next.load(std::memory_order_relaxed);
            delete c;
            c = n;
        }
    }
    Chunk *head = nullptr; // freed up to the spill's chunk, under the tables mutex
    Chunk *tail = nullptr; // touched by the owning thread only
    // What a spill has taken of this thread's events. Touched by the spill only.
    struct SpillCursor
    {
        Chunk *chunk = nullptr; // the first chunk not taken whole
        std::size_t index = 0; // its first event not taken
        qint64 lastMapped = std::numeric_limits<qint64>::min();
        std::size_t segment = 0; // the clock span the last event fell in
    } spill;
    // Site cache: (file pointer, line) -> id. Owned by the writing thread.
    std::unordered_map<const char *, std::unordered_map<quint32, quint16>> siteCache;
};

namespace {
struct ThreadCache
{
    quint64 serial = 0;
    void *buffer = nullptr;
};
thread_local ThreadCache t_cache;
} // namespace

// Maps ticks to CLOCK_MONOTONIC through clock points (sorted by ticks): a
// tick count between two points on the line through them, one before the
// first or after the last on the nearest span's line. With two points, the
// anchor and now, this is the one line snapshot() always drew.
class Recorder::TickMap
{
public:
    explicit TickMap(const std::vector<ClockPoint> &points)
    {
        for (std::size_t i = 0; i + 1 < points.size() || i == 0; ++i) {
            const ClockPoint &a = points[i];
            long double nsPerTick = 1.0L;
            if (i + 1 < points.size() && points[i + 1].ticks > a.ticks)
                nsPerTick = (long double)(points[i + 1].ns - a.ns)
                    / (long double)(points[i + 1].ticks - a.ticks);
            m_spans.push_back({a.ticks, a.ns, nsPerTick});
        }
    }

    // `hint`: the span of the last call's ticks (a thread's stamps mostly grow).
    qint64 map(quint64 ticks, std::size_t &hint) const
    {
        std::size_t i = hint < m_spans.size() ? hint : 0;
        const bool fits = (i == 0 || m_spans[i].ticks <= ticks)
            && (i + 1 == m_spans.size() || ticks < m_spans[i + 1].ticks);
        if (!fits) {
            const auto after
                = std::upper_bound(m_spans.begin(), m_spans.end(), ticks,
                                   [](quint64 t, const Span &span) { return t < span.ticks; });
            i = after == m_spans.begin() ? 0 : std::size_t(after - m_spans.begin()) - 1;
        }
        hint = i;
        const Span &span = m_spans[i];
        const long double delta = (long double)(qint64(ticks - span.ticks));
        return span.ns + qint64(delta * span.nsPerTick);
    }

    // A thread's next event: its raw stamp, if it has one, mapped, and never
    // before the thread's previous one (`lastMapped`). On a host whose CPUs'
    // TSCs are not perfectly in step, a thread that migrates could read a TSC a
    // little behind its previous read; its own events must still come out in
    // program order.
    void mapStamp(Event &e, qint64 &lastMapped, std::size_t &hint) const
    {
        if (!(e.flags & RawTicks))
            return;
        e.timeNs = std::max(lastMapped, map(quint64(e.timeNs), hint));
        lastMapped = e.timeNs;
        e.flags &= quint8(~RawTicks);
    }

private:
    struct Span
    {
        quint64 ticks;
        qint64 ns;
        long double nsPerTick;
    };
    std::vector<Span> m_spans;
};

Recorder::Recorder(std::size_t maxEvents)
    : m_serial(g_nextRecorderSerial.fetch_add(1))
    , m_anchor(readClockPoint())
    , m_maxEvents(maxEvents)
    , m_clockPoints {m_anchor}
{
}

Recorder::~Recorder() = default;

qint64 Recorder::nowNs()
{
    return monotonicNowNs();
}

Recorder::ClockPoint Recorder::readClockPoint()
{
    return tightestClockPair(&Recorder::ticksNow, &Recorder::nowNs);
}

quint32 Recorder::addProcess(const ProcessInfo &process)
{
    std::lock_guard lock(m_tablesMutex);
    m_processes.push_back(process);
    return quint32(m_processes.size());
}

quint32 Recorder::addActor(const ActorInfo &actor)
{
    std::lock_guard lock(m_tablesMutex);
    m_actors.push_back(actor);
    return quint32(m_actors.size());
}

void Recorder::setActorNativeId(quint32 actor, qint64 nativeId)
{
    std::lock_guard lock(m_tablesMutex);
    if (actor > 0 && actor <= m_actors.size())
        m_actors[actor - 1].nativeId = nativeId;
}

ActorInfo Recorder::actorInfo(quint32 actor) const
{
    std::lock_guard lock(m_tablesMutex);
    return actor > 0 && actor <= m_actors.size() ? m_actors[actor - 1] : ActorInfo {};
}

quint32 Recorder::addObject(const QString &name, ObjectKind kind)
{
    std::lock_guard lock(m_tablesMutex);
    m_objects.push_back({name, kind});
    return quint32(m_objects.size());
}

quint32 Recorder::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    std::lock_guard lock(m_tablesMutex);
    const auto it = m_stringIds.constFind(text);
    if (it != m_stringIds.constEnd())
        return it.value();
    m_strings.push_back(text);
    const auto id = quint32(m_strings.size());
    m_stringIds.insert(text, id);
    return id;
}

quint16 Recorder::site(const std::source_location &location)
{
    if (location.line() == 0)
        return 0; // a default-constructed location: the event has no line to show
    ThreadBuffer &buffer = bufferForThisThread();
    auto &byLine = buffer.siteCache[location.file_name()];
    const auto cached = byLine.find(location.line());
    if (cached != byLine.end())
        return cached->second;

    const QPair<QString, int> key {scenarioRelativePath(location.file_name()),
                                   int(location.line())};
    quint16 id = 0;
    {
        std::lock_guard lock(m_tablesMutex);
        const auto it = m_siteIds.constFind(key);
        if (it != m_siteIds.constEnd()) {
            id = it.value();
        } else if (m_sites.size() < 0xffff) {
            m_sites.push_back({key.first, key.second});
            id = quint16(m_sites.size());
            m_siteIds.insert(key, id);
        }
    }
    byLine.emplace(location.line(), id);
    return id;
}

quint16 Recorder::addSite(const SourceSite &site)
{
    const QPair<QString, int> key {site.file, site.line};
    std::lock_guard lock(m_tablesMutex);
    const auto it = m_siteIds.constFind(key);
    if (it != m_siteIds.constEnd())
        return it.value();
    if (m_sites.size() >= 0xffff)
        return 0;
    m_sites.push_back(site);
    const auto id = quint16(m_sites.size());
    m_siteIds.insert(key, id);
    return id;
}

Recorder::ThreadBuffer &Recorder::bufferForThisThread()
{
    if (t_cache.serial == m_serial)
        return *static_cast<ThreadBuffer *>(t_cache.buffer);
    // A thread writes to one recorder at a time in practice; a thread that
    // switches recorders gets a fresh buffer there, which is still correct.
    auto buffer = std::make_unique<ThreadBuffer>();
    ThreadBuffer *raw = buffer.get();
    {
        std::lock_guard lock(m_tablesMutex);
        m_buffers.push_back(std::move(buffer));
    }
    t_cache.serial = m_serial;
    t_cache.buffer = raw;
    return *raw;
}

Recorder::Chunk *Recorder::allocateChunk(std::size_t capacity)
{
    if (m_totalEvents.load(std::memory_order_relaxed)
        >= m_maxTotalEvents.load(std::memory_order_relaxed))
        return nullptr;
    std::size_t reserved = m_reservedEvents.load(std::memory_order_relaxed);
    do {
        if (reserved >= m_maxEvents)
            return nullptr;
        capacity = std::min(capacity, m_maxEvents - reserved);
    } while (!m_reservedEvents.compare_exchange_weak(reserved, reserved + capacity,
                                                     std::memory_order_relaxed));
    m_totalEvents.fetch_add(capacity, std::memory_order_relaxed);
    m_chunksAllocated.fetch_add(1, std::memory_order_relaxed);
    return new Chunk(capacity);
}

void Recorder::append(const Event &event)
{
    ThreadBuffer &buffer = bufferForThisThread();
    Chunk *chunk = buffer.tail;
    std::size_t n = chunk ? chunk->count.load(std::memory_order_relaxed) : 0;
    if (!chunk || n == chunk->capacity) {
        const std::size_t capacity
            = chunk ? std::min(chunk->capacity * 2, kMaxChunkCapacity) : kFirstChunkCapacity;
        Chunk *fresh = allocateChunk(capacity);
        if (!fresh) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (chunk)
            chunk->next.store(fresh, std::memory_order_release);
        else {
            // The reader finds the head under the tables mutex.
            std::lock_guard lock(m_tablesMutex);
            buffer.head = fresh;
        }
        buffer.tail = chunk = fresh;
        n = 0;
    }
    new (&chunk->events[n]) Event(event);
    chunk->count.store(n + 1, std::memory_order_release);
}

std::size_t Recorder::eventCount() const
{
    std::lock_guard lock(m_tablesMutex);
    std::size_t total = 0;
    for (const auto &buffer : m_buffers) {
        for (Chunk *c = buffer->head; c; c = c->next.load(std::memory_order_acquire))
            total += c->count.load(std::memory_order_acquire);
    }
    return total;
}

void Recorder::addTablesTo(TraceBuilder &builder) const
{
    for (const auto &p : m_processes)
        builder.addProcess(p);
    for (const auto &a : m_actors)
        builder.addActor(a);
    for (const auto &o : m_objects)
        builder.addObject(o);
    for (const auto &s : m_strings)
        builder.appendString(s);
    for (const auto &s : m_sites)
        builder.addSite(s);
}

Trace Recorder::snapshot(const TraceMetadata &metadata) const
{
    TraceBuilder builder;
    std::lock_guard lock(m_tablesMutex);
    addTablesTo(builder);
    // Map ticks onto CLOCK_MONOTONIC with the line through the recorder's anchor
    // and now: the error is bounded by one clock read's jitter, so events from
    // child processes (mapped the same way) merge on one clock.
    // A spill's clock points first: what it wrote is mapped the same here.
    std::vector<ClockPoint> points = m_clockPoints;
    const ClockPoint now = readClockPoint();
    if (points.size() == 1 || now.ticks >= points.back().ticks)
        points.push_back(now);
    const TickMap map(points);
    for (const auto &buffer : m_buffers) {
        std::size_t span = 0;
        qint64 lastMapped = std::numeric_limits<qint64>::min();
        // Read a chunk's link before its count: a writer links the next chunk only after
        // filling this one, so a linked chunk's count is final and the copy is a prefix of
        // the thread's events. (Count first could see a partial chunk, then a later chunk
        // the writer linked meanwhile, skipping the events in between.)
        Chunk *next = nullptr;
        for (Chunk *c = buffer->head; c; c = next) {
            next = c->next.load(std::memory_order_acquire);
            const std::size_t count = c->count.load(std::memory_order_acquire);
            for (std::size_t i = 0; i < count; ++i) {
                Event e = c->events[i];
                map.mapStamp(e, lastMapped, span);
                builder.addEvent(e);
            }
        }
    }
    builder.metadata() = metadata;
    builder.metadata().droppedEvents = droppedCount();
    return builder.build();
}

Trace Recorder::liveSnapshot(qint64 holdBackNs)
{
    std::lock_guard live(m_liveMutex);
    if (m_spilling.load(std::memory_order_relaxed))
        return snapshot();
    TraceBuilder builder;
    // What was held back last time comes first: of each thread, it was recorded first.
    std::vector<Event> fresh = std::exchange(m_liveHeld, {});
    std::vector<quint32> freshBufferOf = std::exchange(m_liveHeldBufferOf, {});
    qint64 heldFromNs = std::numeric_limits<qint64>::max(); // the hold-back's start
    {
        std::lock_guard lock(m_tablesMutex);
        addTablesTo(builder);
        // Where each thread's events end now, before the clock point is read:
        // every event taken was stamped before it, so its time is interpolated
        // between pinned points and stays what it is in every later snapshot.
        // (The link before the count, as in snapshot().)
        m_liveCursors.resize(m_buffers.size());
        std::vector<std::pair<Chunk *, std::size_t>> ends(m_buffers.size());
        for (std::size_t b = 0; b < m_buffers.size(); ++b) {
            LiveCursor &cursor = m_liveCursors[b];
            if (!cursor.chunk) {
                cursor.chunk = m_buffers[b]->head;
                cursor.index = 0;
            }
            Chunk *c = cursor.chunk;
            while (c) {
                Chunk *next = c->next.load(std::memory_order_acquire);
                const std::size_t count = c->count.load(std::memory_order_acquire);
                ends[b] = {c, count};
                if (!next)
                    break;
                c = next;
            }
        }
        const ClockPoint now = readClockPoint();
        if (now.ticks > m_clockPoints.back().ticks)
            m_clockPoints.push_back(now);
        if (holdBackNs > 0)
            heldFromNs = saturatingSub(now.ns, holdBackNs);
        const TickMap map(m_clockPoints);
        for (std::size_t b = 0; b < m_buffers.size(); ++b) {
            LiveCursor &cursor = m_liveCursors[b];
            const auto [endChunk, endCount] = ends[b];
            while (cursor.chunk) {
                Chunk *chunk = cursor.chunk;
                // A chunk before the end one was full when it was linked: its count is final.
                const std::size_t count
                    = chunk == endChunk ? endCount : chunk->count.load(std::memory_order_acquire);
                for (; cursor.index < count; ++cursor.index) {
                    Event e = chunk->events[cursor.index];
                    map.mapStamp(e, cursor.lastMapped, cursor.span);
                    fresh.push_back(e);
                    freshBufferOf.push_back(quint32(b));
                }
                Chunk *next = chunk->next.load(std::memory_order_acquire);
                if (chunk == endChunk || !next)
                    break; // the thread may add more here
                cursor.chunk = next;
                cursor.index = 0;
            }
        }
    }
    // The new events in snapshot()'s order (time, then thread, then as
    // recorded), then merged with the last result's in the same order. Those
    // stamped in the hold-back wait for the next call.
    std::vector<std::size_t> order(fresh.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    stableSortNearlySorted(
        order.begin(), order.end(),
        [&fresh, &freshBufferOf](std::size_t a, std::size_t b) {
            return std::tie(fresh[a].timeNs, freshBufferOf[a])
                < std::tie(fresh[b].timeNs, freshBufferOf[b]);
        },
        order.size() / 4);
    const auto held = std::partition_point(
        order.begin(), order.end(), [&](std::size_t f) { return fresh[f].timeNs < heldFromNs; });
    for (auto f = held; f != order.end(); ++f) {
        m_liveHeld.push_back(fresh[*f]);
        m_liveHeldBufferOf.push_back(freshBufferOf[*f]);
    }
    order.erase(held, order.end());
    const std::vector<Event> &old = m_live.events();
    std::vector<Event> merged;
    std::vector<quint32> mergedBufferOf;
    merged.reserve(old.size() + fresh.size());
    mergedBufferOf.reserve(old.size() + fresh.size());
    std::size_t i = 0;
    std::size_t firstChanged = old.size(); // where the first new event lands
    for (const std::size_t f : order) {
        const Event &e = fresh[f];
        const quint32 b = freshBufferOf[f];
        // Earlier threads' events go first on a tie; the same thread's old ones too.
        while (i < old.size()
               && (old[i].timeNs < e.timeNs
                   || (old[i].timeNs == e.timeNs && m_liveBufferOf[i] <= b))) {
            merged.push_back(old[i]);
            mergedBufferOf.push_back(m_liveBufferOf[i]);
            ++i;
        }
        firstChanged = std::min(firstChanged, merged.size());
        merged.push_back(e);
        mergedBufferOf.push_back(b);
    }
    merged.insert(merged.end(), old.begin() + std::ptrdiff_t(i), old.end());
    mergedBufferOf.insert(mergedBufferOf.end(), m_liveBufferOf.begin() + std::ptrdiff_t(i),
                          m_liveBufferOf.end());
    builder.setEvents(std::move(merged));
    builder.metadata().droppedEvents = droppedCount();
    if (m_liveLineage.series == 0)
        m_liveLineage.series = m_serial + 1;
    m_liveLineage = m_liveLineage.next(firstChanged);
    builder.setLineage(m_liveLineage);
    m_live = builder.buildInTimeOrder();
    m_liveBufferOf = std::move(mergedBufferOf);
    return m_live;
}

void Recorder::setSpilling(std::size_t maxTotalEvents)
{
    m_maxTotalEvents.store(maxTotalEvents, std::memory_order_relaxed);
    m_spilling.store(true, std::memory_order_relaxed);
}

void Recorder::takeSettled(qint64 windowNs, bool everything, std::vector<Event> &out)
{
    const ClockPoint now = readClockPoint();
    std::vector<ThreadBuffer *> buffers;
    std::vector<ClockPoint> points;
    quint64 lastTicks = std::numeric_limits<quint64>::max();
    {
        std::lock_guard lock(m_tablesMutex);
        if (everything) {
            // Every thread has stopped: everything is before now.
            if (now.ticks > m_clockPoints.back().ticks)
                m_clockPoints.push_back(now);
        } else {
            // The window in ticks, by the slope from the anchor to now.
            const long double ticksPerNs = now.ns > m_anchor.ns && now.ticks > m_anchor.ticks
                ? (long double)(now.ticks - m_anchor.ticks) / (long double)(now.ns - m_anchor.ns)
                : 1.0L;
            const auto windowTicks = quint64((long double)windowNs * ticksPerNs);
            if (now.ticks <= m_anchor.ticks + windowTicks)
                return; // nothing is that old yet
            lastTicks = now.ticks - windowTicks;
            // What is taken is mapped through fixed points only.
            if (m_clockPoints.back().ticks < lastTicks)
                m_clockPoints.push_back(now);
        }
        points = m_clockPoints;
        buffers.reserve(m_buffers.size());
        for (const auto &buffer : m_buffers) {
            if (!buffer->spill.chunk)
                buffer->spill.chunk = buffer->head;
            buffers.push_back(buffer.get());
        }
    }
    const TickMap map(points);
    // Taken: mapped at or before `last`. Left: mapped after it. So a later
    // call's events are all later (not merely as late) than this call's, and
    // the file sorts them as snapshot() would.
    qint64 last = std::numeric_limits<qint64>::max();
    if (!everything) {
        std::size_t span = 0;
        last = map.map(lastTicks, span) - 1;
    }
    const bool freeTaken = m_spilling.load(std::memory_order_relaxed);
    std::vector<Chunk *> taken;
    for (ThreadBuffer *buffer : buffers) {
        auto &cursor = buffer->spill;
        while (cursor.chunk) {
            Chunk *chunk = cursor.chunk;
            // The link before the count, as in snapshot().
            Chunk *next = chunk->next.load(std::memory_order_acquire);
            const std::size_t count = chunk->count.load(std::memory_order_acquire);
            std::size_t i = cursor.index;
            for (; i < count; ++i) {
                Event e = chunk->events[i];
                if (e.flags & RawTicks) {
                    if (quint64(e.timeNs) > lastTicks)
                        break;
                    const qint64 ns
                        = std::max(cursor.lastMapped, map.map(quint64(e.timeNs), cursor.segment));
                    if (ns > last)
                        break;
                    e.timeNs = cursor.lastMapped = ns;
                    e.flags &= quint8(~RawTicks);
                } else if (e.timeNs > last) {
                    break;
                }
                out.push_back(e);
            }
            cursor.index = i;
            if (i < count || !next)
                break; // the thread may add more here
            cursor.chunk = next;
            cursor.index = 0;
            if (freeTaken)
                taken.push_back(chunk);
        }
    }
    if (taken.empty())
        return;
    {
        // snapshot() and eventCount() walk from the head under the mutex.
        std::lock_guard lock(m_tablesMutex);
        // (A thread without a chunk yet may be setting its head: left alone.)
        for (ThreadBuffer *buffer : buffers)
            if (buffer->spill.chunk)
                buffer->head = buffer->spill.chunk;
    }
    for (Chunk *chunk : taken) {
        m_reservedEvents.fetch_sub(chunk->capacity, std::memory_order_relaxed);
        delete chunk;
    }
    m_chunksFreed.fetch_add(taken.size(), std::memory_order_relaxed);
}

void Recorder::updateTables(TraceBuilder &mirror) const
{
    std::lock_guard lock(m_tablesMutex);
    for (quint32 id = 1; id <= m_processes.size(); ++id) {
        if (id <= mirror.processCount())
            mirror.process(id) = m_processes[id - 1];
        else
            mirror.addProcess(m_processes[id - 1]);
    }
    // A lane's native id is set once its thread runs.
    for (quint32 id = 1; id <= m_actors.size(); ++id) {
        if (id <= mirror.actorCount())
            mirror.actor(id) = m_actors[id - 1];
        else
            mirror.addActor(m_actors[id - 1]);
    }
    for (std::size_t i = mirror.objectCount(); i < m_objects.size(); ++i)
        mirror.addObject(m_objects[i]);
    for (std::size_t i = mirror.stringCount(); i < m_strings.size(); ++i)
        mirror.appendString(m_strings[i]);
    for (std::size_t i = mirror.siteCount(); i < m_sites.size(); ++i)
        mirror.addSite(m_sites[i]);
}

QString scenarioRelativePath(const char *compiledFileName)
{
    const QString path = QString::fromUtf8(compiledFileName);
    static const QString marker = QStringLiteral("core/scenarios/");
    const qsizetype at = path.lastIndexOf(marker);
    if (at >= 0)
        return path.mid(at + marker.size());
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash >= 0 ? path.mid(slash + 1) : path;
}

} // namespace weft
