// SPDX-License-Identifier: MIT
#include "steporder.h"

#include "core/tracebuilder.h"

namespace weft {

Trace StepOrder::map(const Trace &trace)
{
    // Rebuilt through the builder, which appends every table in id order, so
    // each id in an event still names the same lane, object, text and site.
    TraceBuilder builder;
    builder.copyTablesOf(trace);
    builder.metadata() = trace.metadata();
    builder.setSchedule(trace.schedule());

    // The trace is sorted by time and, for equal times, in the order the
    // events were recorded: the rank is that order, one column each.
    std::vector<Event> events = trace.events();
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].timeNs = timeOfStep(qint64(i) + 1);
    builder.setEvents(std::move(events));
    return builder.build();
}

} // namespace weft
