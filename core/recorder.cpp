#include "recorder.h"

#include "clock.h"
#include "tracebuilder.h"

#include <algorithm>
#include <unordered_map>

namespace weft {

namespace {
std::atomic<quint64> g_nextRecorderSerial{1};
constexpr std::size_t kFirstChunkCapacity = 128;
constexpr std::size_t kMaxChunkCapacity = 8192;
} // namespace

struct Recorder::Chunk
{
    explicit Chunk(std::size_t cap)
        : events(new Event[cap])
        , capacity(cap)
    {
    }
    std::unique_ptr<Event[]> events;
    const std::size_t capacity;
    std::atomic<std::size_t> count{0};
    std::atomic<Chunk *> next{nullptr};
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
    , m_maxEvents(maxEvents)
{
}

Recorder::~Recorder() = default;

qint64 Recorder::nowNs() { return monotonicNowNs(); }

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
    return actor > 0 && actor <= m_actors.size() ? m_actors[actor - 1] : ActorInfo{};
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
    ThreadBuffer &buffer = bufferForThisThread();
    auto &byLine = buffer.siteCache[location.file_name()];
    const auto cached = byLine.find(location.line());
    if (cached != byLine.end())
        return cached->second;

    const QPair<QString, int> key{scenarioRelativePath(location.file_name()),
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
    chunk->events[n] = event;
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
    for (const auto &buffer : m_buffers) {
        for (Chunk *c = buffer->head; c; c = c->next.load(std::memory_order_acquire)) {
            const std::size_t count = c->count.load(std::memory_order_acquire);
            for (std::size_t i = 0; i < count; ++i)
                builder.addEvent(c->events[i]);
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
    const int at = path.lastIndexOf(marker);
    if (at >= 0)
        return path.mid(at + marker.size());
    const int slash = path.lastIndexOf(QLatin1Char('/'));
    return slash >= 0 ? path.mid(slash + 1) : path;
}

} // namespace weft
