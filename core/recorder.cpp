// SPDX-License-Identifier: MIT
#include "recorder.h"

#include "clock.h"
#include "tracebuilder.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>
#include <sys/mman.h>
#include <unordered_map>

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
    Chunk *head = nullptr;
    Chunk *tail = nullptr; // touched by the owning thread only
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

Recorder::Recorder(std::size_t maxEvents)
    : m_serial(g_nextRecorderSerial.fetch_add(1))
    , m_anchor(readClockPoint())
    , m_maxEvents(maxEvents)
{
}

Recorder::~Recorder() = default;

qint64 Recorder::nowNs()
{
    return monotonicNowNs();
}

Recorder::ClockPoint Recorder::readClockPoint()
{
    // Bracket the clock read with two tick reads and take the midpoint.
    const quint64 before = ticksNow();
    const qint64 ns = monotonicNowNs();
    const quint64 after = ticksNow();
    return {before + (after - before) / 2, ns};
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
    std::size_t reserved = m_reservedEvents.load(std::memory_order_relaxed);
    do {
        if (reserved >= m_maxEvents)
            return nullptr;
        capacity = std::min(capacity, m_maxEvents - reserved);
    } while (!m_reservedEvents.compare_exchange_weak(reserved, reserved + capacity,
                                                     std::memory_order_relaxed));
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

Trace Recorder::snapshot(const TraceMetadata &metadata) const
{
    TraceBuilder builder;
    std::lock_guard lock(m_tablesMutex);
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
    // Map ticks onto CLOCK_MONOTONIC with the line through the recorder's anchor
    // and now: the error is bounded by one clock read's jitter, so events from
    // child processes (mapped the same way) merge on one clock.
    const ClockPoint now = readClockPoint();
    const long double nsPerTick = now.ticks > m_anchor.ticks
        ? (long double)(now.ns - m_anchor.ns) / (long double)(now.ticks - m_anchor.ticks)
        : 1.0L;
    for (const auto &buffer : m_buffers) {
        // On a host whose CPUs' TSCs are not perfectly in step, a thread that migrates
        // could read a TSC a little behind its previous read; its own events must still
        // come out in program order, so its mapped times never go back.
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
                if (e.flags & RawTicks) {
                    const long double delta
                        = (long double)(qint64(quint64(e.timeNs) - m_anchor.ticks));
                    e.timeNs = std::max(lastMapped, m_anchor.ns + qint64(delta * nsPerTick));
                    lastMapped = e.timeNs;
                    e.flags &= quint8(~RawTicks);
                }
                builder.addEvent(e);
            }
        }
    }
    builder.metadata() = metadata;
    builder.metadata().droppedEvents = droppedCount();
    return builder.build();
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
