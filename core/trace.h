// SPDX-License-Identifier: MIT
#pragma once

#include "derivedcache.h"
#include "event.h"
#include "schedule.h"
#include "tracelineage.h"
#include "tracetypes.h"

#include <QString>
#include <memory>
#include <vector>

namespace weft {

class TraceBuilder;

// Bounds every trace read from a file is held to (the loaders refuse
// anything else), so that the difference of any two trace times, and a time
// plus or minus two such differences, fits in qint64: whatever measures,
// zooms or draws a trace cannot overflow.
inline constexpr qint64 kMaxTraceTimeNs = qint64(1) << 62; // |time|: about 146 years
inline constexpr qint64 kMaxTraceSpanNs = qint64(1) << 61; // last - first: about 73 years
// Threads (lanes) a loaded trace may have: each lane costs the timeline about
// 500 bytes however little the file says of it, and past this many no picture
// of them can be read anyway.
inline constexpr quint32 kMaxTraceActors = 100'000;
// Counter tracks likewise: each is a row of its own.
inline constexpr quint32 kMaxTraceCounters = 100'000;

// The unit that is saved, loaded, exported and drawn: immutable, time-ordered
// events plus the tables their ids point into. Copies share one payload.
//
// Id conventions: actor, object, process, text and site ids are 1-based; 0
// means "none". Lookups of an unknown id return an empty value, never crash,
// because ids may come from a file.
class Trace
{
public:
    Trace();

    bool isEmpty() const { return events().empty(); }
    const std::vector<Event> &events() const { return d->events; }

    const TraceMetadata &metadata() const { return d->metadata; }
    const Outcome &outcome() const { return d->metadata.outcome; }
    // The steps a stepped run was granted, in order; empty for a free run.
    const Schedule &schedule() const { return d->schedule; }
    // A copy carrying another schedule (the events are shared no further: copied once).
    Trace withSchedule(const Schedule &schedule) const;
    // A copy carrying other metadata (a recorded program's, given a lesson's title and outcome).
    Trace withMetadata(const TraceMetadata &metadata) const;
    // A copy whose sites in file `from` name file `to` instead (a lesson's
    // script, run from a temporary copy, named by its resource path).
    Trace withSiteFileRenamed(const QString &from, const QString &to) const;

    int processCount() const { return int(d->processes.size()); }
    ProcessInfo process(quint32 id) const;
    int actorCount() const { return int(d->actors.size()); }
    ActorInfo actor(quint32 id) const;
    int objectCount() const { return int(d->objects.size()); }
    ObjectInfo object(quint32 id) const;
    int stringCount() const { return int(d->strings.size()); }
    QString text(quint32 id) const;
    int siteCount() const { return int(d->sites.size()); }
    SourceSite site(quint16 id) const;

    // Empty if events (sorted by time) keep within kMaxTraceTimeNs and
    // kMaxTraceSpanNs; otherwise a translated sentence saying what is wrong.
    static QString checkTimeBounds(qint64 firstNs, qint64 lastNs);

    // Time of the first and last event; 0 for an empty trace.
    qint64 startNs() const;
    qint64 endNs() const;

    // Events of one kind, in time order (convenience for tests and summaries).
    std::vector<Event> eventsOfKind(EventKind kind) const;
    // First actor whose name matches; 0 if none.
    quint32 findActor(const QString &name) const;
    quint32 findObject(const QString &name) const;

    friend bool operator==(const Trace &a, const Trace &b);
    // The same payload (a copy of this trace), without comparing events: what
    // a cache of something derived from a trace asks.
    bool sharesDataWith(const Trace &other) const { return d == other.d; }
    // What is derived from this trace once and shared by all its copies
    // (TraceStates::of, ...): every view and export reads the same derivation.
    const DerivedCache &derived() const { return d->derived; }
    // Which live series this snapshot belongs to, and what it keeps of the
    // snapshots before it (TraceLineage).
    const TraceLineage &lineage() const { return d->lineage; }
    // How many of `earlier`'s first events this trace holds unchanged, at the
    // same indices, as far as their lineage tells (0 when it does not): all of
    // them, and a derivation from `earlier` may be extended with the rest.
    std::size_t keptEventsOf(const Trace &earlier) const;

private:
    friend class TraceBuilder;
    struct Data
    {
        std::vector<Event> events;
        std::vector<ProcessInfo> processes;
        std::vector<ActorInfo> actors;
        std::vector<ObjectInfo> objects;
        std::vector<QString> strings;
        std::vector<SourceSite> sites;
        TraceMetadata metadata;
        Schedule schedule;
        TraceLineage lineage;
        DerivedCache derived;
    };
    explicit Trace(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

// A lane's name wherever it is shown: its own, or "thread N" (N its actor id)
// when it has none, so every view names an unnamed lane the same way and a
// user can match the timeline's label to a deadlock sentence or a detail row.
QString actorDisplayName(const ActorInfo &info, quint32 actor);
QString actorDisplayName(const Trace &trace, quint32 actor);
// The same for a lock, channel or other object: its name, or "object N".
QString objectDisplayName(const QString &name, quint32 object);
QString objectDisplayName(const Trace &trace, quint32 object);

} // namespace weft
