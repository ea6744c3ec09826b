// SPDX-License-Identifier: MIT
#include "liveseries.h"

#include "core/tracebuilder.h"

#include <algorithm>
#include <atomic>

namespace weft::testsupport {

std::vector<Trace> liveSeries(const Trace &full, const std::vector<std::size_t> &counts)
{
    static std::atomic<quint64> nextSeries {1'000'000};
    TraceLineage lineage;
    lineage.series = nextSeries.fetch_add(1);
    std::vector<Trace> series;
    std::size_t before = 0;
    std::vector<std::size_t> all = counts;
    all.push_back(full.events().size());
    for (const std::size_t wanted : all) {
        const std::size_t count = std::min(wanted, full.events().size());
        TraceBuilder b;
        for (int p = 1; p <= full.processCount(); ++p)
            b.addProcess(full.process(quint32(p)));
        quint32 actors = 0;
        for (std::size_t i = 0; i < count; ++i)
            actors = std::max(actors, full.events()[i].actor);
        for (quint32 a = 1; a <= std::min(actors, quint32(full.actorCount())); ++a)
            b.addActor(full.actor(a));
        for (int o = 1; o <= full.objectCount(); ++o)
            b.addObject(full.object(quint32(o)));
        for (int s = 1; s <= full.stringCount(); ++s)
            b.appendString(full.text(quint32(s)));
        for (int s = 1; s <= full.siteCount(); ++s)
            b.addSite(full.site(quint16(s)));
        b.metadata() = full.metadata();
        b.reserveEvents(count);
        for (std::size_t i = 0; i < count; ++i)
            b.addEvent(full.events()[i]);
        lineage = lineage.next(before);
        b.setLineage(lineage);
        series.push_back(b.buildInTimeOrder());
        before = count;
    }
    return series;
}

Trace prefixOf(const Trace &trace, std::size_t count)
{
    TraceBuilder builder;
    builder.copyTablesOf(trace);
    for (std::size_t i = 0; i < std::min(count, trace.events().size()); ++i)
        builder.addEvent(trace.events()[i]);
    return builder.buildInTimeOrder();
}

} // namespace weft::testsupport
