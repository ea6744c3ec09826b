// SPDX-License-Identifier: MIT
#pragma once

#include "clock.h"
#include "event.h"
#include "trace.h"

#include <QHash>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <source_location>
#include <vector>

namespace weft {

class TraceBuilder;

// Collects events from any number of threads.
//
// The hot path (record()) takes no lock shared between threads and does not
// allocate: each thread appends to its own chain of chunks and publishes the
// new count with a release store. A new chunk is allocated once per chunk
// (each twice the last, up to 65 536 events: one 2 MiB huge page). When the event budget is spent,
// events are counted as dropped, never lost silently.
//
// Tables (actors, objects, strings, sites) are guarded by one mutex; they are
// touched when a thread or lock is created or text is printed, not per event.
//
// A RecorderSpill may take the events as they settle and free the chunks it
// has written (takeSettled()): the budget then counts the events still in
// memory, and a larger one (maxSpilledEvents) the events of the whole run.
class Recorder
{
public:
    static constexpr std::size_t kDefaultMaxEvents = 16u * 1024u * 1024u;
    // With a spill, the whole run: 30 Mi events, 960 MiB in the file (32
    // bytes an event), so the file stays under the 1 GiB Weft opens
    // (TraceFile::kMaxFileBytes) with room for the tables. The in-memory
    // budget (maxEvents) still bounds what is not written yet.
    static constexpr std::size_t kDefaultMaxSpilledEvents = 30u * 1024u * 1024u;

    explicit Recorder(std::size_t maxEvents = kDefaultMaxEvents);
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    quint32 addProcess(const ProcessInfo &process);
    quint32 addActor(const ActorInfo &actor);
    void setActorNativeId(quint32 actor, qint64 nativeId);
    ActorInfo actorInfo(quint32 actor) const;
    quint32 addObject(const QString &name, ObjectKind kind);
    quint32 intern(const QString &text);
    // Maps a call site to a small id; per-thread cached, so repeated sites are cheap.
    // A default-constructed location (line 0) is "no line": id 0, for helper code
    // that runs in a lesson but is not part of it.
    quint16 site(const std::source_location &location);
    // The same for a site known by file and line (e.g. from a child process's trace).
    quint16 addSite(const SourceSite &site);

    void record(EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                quint32 text = 0, quint16 site = 0, quint8 flags = NoFlags)
    {
        recordAt(ticksNow(), kind, actor, object, value, text, site, flags);
    }
    // The same, stamped at `ticks`, a ticksNow() taken earlier: for an act whose
    // size is known only once it is done (the bytes one send() handed over).
    void recordAt(quint64 ticks, EventKind kind, quint32 actor, quint32 object = 0,
                  qint64 value = 0, quint32 text = 0, quint16 site = 0, quint8 flags = NoFlags)
    {
        Event e;
        e.timeNs = qint64(ticks);
        e.value = value;
        e.actor = actor;
        e.object = object;
        e.text = text;
        e.site = site;
        e.kind = kind;
        e.flags = flags | RawTicks;
        append(e);
    }
    // Appends an event that already has its timestamp (e.g. from a child process).
    void append(const Event &event);

    quint64 droppedCount() const { return m_dropped.load(std::memory_order_relaxed); }
    std::size_t eventCount() const;

    // A consistent copy of everything recorded so far, sorted by time.
    // Safe to call while other threads record (used to stream a live run).
    Trace snapshot(const TraceMetadata &metadata = {}) const;
    // The same for a live run's polls, taken again and again: only the events
    // recorded since the last call are mapped and sorted, then merged into that
    // call's (at 1 M events a copy, not a sort of everything: ~3x less). Each
    // call pins the clock point it maps through, so an event's time never
    // changes once taken and equals what snapshot() gives it. While spilling
    // (chunks are freed), it is snapshot(). One call at a time is served; calls
    // from several threads wait for each other.
    //
    // Events stamped within `holdBackNs` of the clock point wait for a later
    // call. A thread stamps its event, then publishes it: one preempted in
    // between publishes an event older than those already taken, which the
    // next snapshot merges in among them, and a derivation that would extend
    // the last snapshot's (TraceLineage) is done again. Held back, the recent
    // events are the ones late events land among, so snapshots append.
    Trace liveSnapshot(qint64 holdBackNs = 0);
    // How long the window's polls of a large live run hold recent events back
    // (RunSession's background snapshots): unseen on screen, where a poll is 100 ms.
    static constexpr qint64 kLiveHoldBackNs = 20'000'000;

    static qint64 nowNs();

    // For RecorderSpill, before any event is recorded: chunks written are
    // freed and give their events back to the budget; at most `maxTotalEvents`
    // are recorded in the whole run (about: one chunk per thread may pass it).
    void setSpilling(std::size_t maxTotalEvents);
    // For RecorderSpill, from one thread at a time: appends to `out` the
    // events stamped at least `windowNs` before now that were not taken
    // before (all of them if `everything`), each thread's in order, mapped to
    // nanoseconds as snapshot() maps them, and frees the chunks taken whole.
    // The events are not sorted. Everything a later call takes is later than
    // everything this one took, unless a thread was held up more than
    // `windowNs` between reading its clock and appending.
    void takeSettled(qint64 windowNs, bool everything, std::vector<Event> &out);
    // Brings `mirror`'s tables up to this recorder's (new entries, lanes
    // whose native id was set). Call after takeSettled(): every id an event
    // taken refers to is there.
    void updateTables(TraceBuilder &mirror) const;
    // Chunks allocated and freed so far (the spill's memory bound, for tests).
    std::size_t chunksAllocated() const
    {
        return m_chunksAllocated.load(std::memory_order_relaxed);
    }
    std::size_t chunksFreed() const { return m_chunksFreed.load(std::memory_order_relaxed); }

    // The hot path's clock: the CPU's invariant time-stamp counter where there is
    // one (12 ns here, against 30 ns for clock_gettime in this VM), mapped onto
    // CLOCK_MONOTONIC when a snapshot is taken. Elsewhere it is CLOCK_MONOTONIC itself.
    static quint64 ticksNow()
    {
#if defined(__x86_64__) || defined(__i386__)
        return __rdtsc();
#else
        return quint64(nowNs());
#endif
    }

private:
    struct Chunk;
    struct ThreadBuffer;
    ThreadBuffer &bufferForThisThread();
    Chunk *allocateChunk(std::size_t capacity);

    using ClockPoint = ClockPair;
    static ClockPoint readClockPoint();
    class TickMap;
    // Every table into an empty builder; the caller holds m_tablesMutex.
    void addTablesTo(TraceBuilder &builder) const;

    const quint64 m_serial;
    const ClockPoint m_anchor;
    const std::size_t m_maxEvents;
    std::atomic<std::size_t> m_reservedEvents {0};
    std::atomic<quint64> m_dropped {0};
    std::atomic<bool> m_spilling {false};
    std::atomic<std::size_t> m_maxTotalEvents {std::numeric_limits<std::size_t>::max()};
    std::atomic<std::size_t> m_totalEvents {0};
    std::atomic<std::size_t> m_chunksAllocated {0};
    std::atomic<std::size_t> m_chunksFreed {0};

    mutable std::mutex m_tablesMutex;
    std::vector<std::unique_ptr<ThreadBuffer>> m_buffers;
    std::vector<ProcessInfo> m_processes;
    std::vector<ActorInfo> m_actors;
    std::vector<ObjectInfo> m_objects;
    std::vector<QString> m_strings;
    QHash<QString, quint32> m_stringIds;
    std::vector<SourceSite> m_sites;
    QHash<QPair<QString, int>, quint16> m_siteIds;
    // liveSnapshot()'s state: where it stopped in each thread's buffer (in the
    // order of m_buffers), the last result and the buffer each of its events
    // came from (for ties in time: thread order, as snapshot() sorts them).
    struct LiveCursor
    {
        Chunk *chunk = nullptr;
        std::size_t index = 0;
        std::size_t span = 0;
        qint64 lastMapped = std::numeric_limits<qint64>::min();
    };
    std::mutex m_liveMutex;
    std::vector<LiveCursor> m_liveCursors;
    Trace m_live;
    std::vector<quint32> m_liveBufferOf;
    TraceLineage m_liveLineage; // m_live's place in this recorder's series
    // Events read but held back (stamped within the hold-back of the last
    // call's clock point), and the buffer each came from.
    std::vector<Event> m_liveHeld;
    std::vector<quint32> m_liveHeldBufferOf;
    // The clock points ticks are mapped through (the anchor, then one per
    // spill pass that needed it): each span between two is mapped on the line
    // through them, and the last one's line is extended to now. Fixed once
    // added, so a spilled event and a snapshot's copy of it get the same time.
    std::vector<ClockPoint> m_clockPoints;
};

// Maps a compile-time file path to the path relative to core/scenarios/,
// which is how scenario sources are embedded as resources.
QString scenarioRelativePath(const char *compiledFileName);

} // namespace weft
