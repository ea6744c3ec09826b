// SPDX-License-Identifier: MIT
#pragma once

#include "trace.h"

#include <QHash>
#include <utility>

namespace weft {

// Assembles a Trace from any source: the recorder, the native loader, an importer.
// Events may be added in any order; build() sorts them stably by time.
class TraceBuilder
{
public:
    TraceBuilder();

    quint32 addProcess(const ProcessInfo &process);
    quint32 addActor(const ActorInfo &actor);
    quint32 addObject(const ObjectInfo &object);
    // For a name only known once the whole input has been read.
    void renameObject(quint32 id, const QString &name);
    // Interns: the same text always gets the same id. Empty text is id 0.
    quint32 intern(const QString &text);
    // Appends without interning (keeps ids of a table loaded from a file).
    quint32 appendString(const QString &text);
    // Takes a whole string table (ids 1, 2, … in order), replacing any strings so far.
    void setStrings(std::vector<QString> &&strings) { m_data->strings = std::move(strings); }
    quint16 addSite(const SourceSite &site);
    // Copies another trace's processes, actors, objects, strings and sites, so
    // each id in its events names the same thing here (a mapped copy, a prefix,
    // a trace with other metadata). Call on an empty builder.
    void copyTablesOf(const Trace &trace);

    void addEvent(const Event &event) { m_data->events.push_back(event); }
    void reserveEvents(std::size_t count) { m_data->events.reserve(count); }
    // Takes a whole list at once (an importer's), saving a copy of millions of events.
    void setEvents(std::vector<Event> &&events) { m_data->events = std::move(events); }
    std::size_t eventCount() const { return m_data->events.size(); }
    const std::vector<Event> &events() const { return m_data->events; }

    ActorInfo &actor(quint32 id) { return m_data->actors[id - 1]; }
    ProcessInfo &process(quint32 id) { return m_data->processes[id - 1]; }
    ObjectInfo &object(quint32 id) { return m_data->objects[id - 1]; }
    // The tables as they stand (ids 1 … count), for a writer that streams them.
    const ActorInfo &actor(quint32 id) const { return m_data->actors[id - 1]; }
    const ProcessInfo &process(quint32 id) const { return m_data->processes[id - 1]; }
    const ObjectInfo &object(quint32 id) const { return m_data->objects[id - 1]; }
    const QString &text(quint32 id) const { return m_data->strings[id - 1]; }
    const SourceSite &site(quint32 id) const { return m_data->sites[id - 1]; }
    const TraceMetadata &metadata() const { return m_data->metadata; }
    const Schedule &schedule() const { return m_data->schedule; }
    // Hands the events added so far to the caller (a streaming writer) and
    // keeps none: memory stays bounded by what is not yet written.
    std::vector<Event> takeEvents() { return std::exchange(m_data->events, {}); }
    quint32 actorCount() const { return quint32(m_data->actors.size()); }
    quint32 objectCount() const { return quint32(m_data->objects.size()); }
    quint32 processCount() const { return quint32(m_data->processes.size()); }
    quint32 stringCount() const { return quint32(m_data->strings.size()); }
    quint32 siteCount() const { return quint32(m_data->sites.size()); }

    TraceMetadata &metadata() { return m_data->metadata; }
    void setSchedule(const Schedule &schedule) { m_data->schedule = schedule; }
    void setLineage(TraceLineage lineage) { m_data->lineage = std::move(lineage); }

    // Finishes the trace; the builder is empty afterwards.
    Trace build();
    // The same for events the caller has checked are in time order already
    // (a loader that checked while copying): skips build()'s pass over them.
    Trace buildInTimeOrder();

private:
    std::shared_ptr<Trace::Data> m_data;
    QHash<QString, quint32> m_stringIds;
};

} // namespace weft
