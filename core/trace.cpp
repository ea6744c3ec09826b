// SPDX-License-Identifier: MIT
#include "trace.h"

#include <QCoreApplication>
#include <algorithm>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Trace)
};
} // namespace

namespace {
template<typename T> T lookup(const std::vector<T> &table, quint32 id)
{
    if (id == 0 || id > table.size())
        return T {};
    return table[id - 1];
}
} // namespace

Trace::Trace()
    : d(std::make_shared<const Data>())
{
}

Trace::Trace(std::shared_ptr<const Data> data)
    : d(std::move(data))
{
}

ProcessInfo Trace::process(quint32 id) const
{
    return lookup(d->processes, id);
}
ActorInfo Trace::actor(quint32 id) const
{
    return lookup(d->actors, id);
}
ObjectInfo Trace::object(quint32 id) const
{
    return lookup(d->objects, id);
}
QString Trace::text(quint32 id) const
{
    return lookup(d->strings, id);
}
SourceSite Trace::site(quint16 id) const
{
    return lookup(d->sites, id);
}

std::size_t Trace::keptEventsOf(const Trace &earlier) const
{
    const TraceLineage &mine = d->lineage, &theirs = earlier.d->lineage;
    if (d == earlier.d)
        return events().size();
    if (mine.series == 0 || mine.series != theirs.series)
        return 0;
    for (const auto &[generation, kept] : mine.kept)
        if (generation == theirs.generation)
            return std::min(kept, earlier.events().size());
    return 0;
}

Trace Trace::withSchedule(const Schedule &schedule) const
{
    auto data = std::make_shared<Data>(*d);
    data->schedule = schedule;
    return Trace(std::move(data));
}

Trace Trace::withMetadata(const TraceMetadata &metadata) const
{
    auto data = std::make_shared<Data>(*d);
    data->metadata = metadata;
    return Trace(std::move(data));
}

Trace Trace::withSiteFileRenamed(const QString &from, const QString &to) const
{
    auto data = std::make_shared<Data>(*d);
    for (SourceSite &site : data->sites)
        if (site.file == from)
            site.file = to;
    return Trace(std::move(data));
}

QString Trace::checkTimeBounds(qint64 firstNs, qint64 lastNs)
{
    constexpr double kNsPerYear = 365.25 * 24 * 3600 * 1e9;
    if (firstNs < -kMaxTraceTimeNs || lastNs > kMaxTraceTimeNs) {
        const qint64 worst = firstNs < -kMaxTraceTimeNs ? firstNs : lastNs;
        return Tr::tr("an event time (%1 ns) is more than %2 years from zero; this is not a trace "
                      "Weft can draw")
            .arg(worst)
            .arg(qRound(double(kMaxTraceTimeNs) / kNsPerYear));
    }
    // Both are within ±2^62, so the difference fits.
    if (lastNs - firstNs > kMaxTraceSpanNs) {
        return Tr::tr("the events span %1 years (from %2 ns to %3 ns); Weft draws traces of up to "
                      "%4 years")
            .arg(double(lastNs - firstNs) / kNsPerYear, 0, 'f', 0)
            .arg(firstNs)
            .arg(lastNs)
            .arg(qRound(double(kMaxTraceSpanNs) / kNsPerYear));
    }
    return {};
}

qint64 Trace::startNs() const
{
    return d->events.empty() ? 0 : d->events.front().timeNs;
}
qint64 Trace::endNs() const
{
    return d->events.empty() ? 0 : d->events.back().timeNs;
}

std::vector<Event> Trace::eventsOfKind(EventKind kind) const
{
    std::vector<Event> result;
    for (const Event &e : d->events) {
        if (e.kind == kind)
            result.push_back(e);
    }
    return result;
}

quint32 Trace::findActor(const QString &name) const
{
    for (std::size_t i = 0; i < d->actors.size(); ++i) {
        if (d->actors[i].name == name)
            return quint32(i + 1);
    }
    return 0;
}

quint32 Trace::findObject(const QString &name) const
{
    for (std::size_t i = 0; i < d->objects.size(); ++i) {
        if (d->objects[i].name == name)
            return quint32(i + 1);
    }
    return 0;
}

bool operator==(const Trace &a, const Trace &b)
{
    if (a.d == b.d)
        return true;
    return a.d->events == b.d->events && a.d->processes == b.d->processes
        && a.d->actors == b.d->actors && a.d->objects == b.d->objects
        && a.d->strings == b.d->strings && a.d->sites == b.d->sites
        && a.d->metadata == b.d->metadata && a.d->schedule == b.d->schedule;
}

QString actorDisplayName(const ActorInfo &info, quint32 actor)
{
    return info.name.isEmpty() ? Tr::tr("thread %1").arg(actor) : info.name;
}

QString actorDisplayName(const Trace &trace, quint32 actor)
{
    return actorDisplayName(trace.actor(actor), actor);
}

QString objectDisplayName(const QString &name, quint32 object)
{
    return name.isEmpty() ? Tr::tr("object %1").arg(object) : name;
}

QString objectDisplayName(const Trace &trace, quint32 object)
{
    return objectDisplayName(trace.object(object).name, object);
}

} // namespace weft
