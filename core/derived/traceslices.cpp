// SPDX-License-Identifier: MIT
#include "traceslices.h"

#include "core/saturating.h"

#include <QHash>
#include <QPair>
#include <algorithm>
#include <utility>

namespace weft {

std::shared_ptr<const TraceSlices> TraceSlices::of(const Trace &trace)
{
    static const char key = 0;
    return trace.derived().get<TraceSlices>(
        &key, [&trace] { return std::make_shared<const TraceSlices>(trace); });
}

TraceSlices::TraceSlices(const Trace &trace)
{
    pairByLane(trace);
    assignRows();
}

void TraceSlices::pairByLane(const Trace &trace)
{
    // A begin that already knows its duration (a Chrome X event, or a B whose E
    // was read: the importer stores it in value) is complete by itself, and its
    // end event is skipped. Pairing those by a stack would be wrong: a parent
    // and its first child often begin in the same microsecond, and then which
    // end closes which begin depends on how equal times happened to sort.
    // Begins without a duration (a scenario's phases) nest in time: a stack
    // per lane (per object for async slices) pairs them.
    const std::vector<Event> &events = trace.events();
    const qint64 traceEnd = trace.endNs();
    // Every begin makes one slice on its own lane (closed, or unfinished at the
    // end), so counting the begins per lane tells where each lane's slices go:
    // each is written once, into place, in the order it is made. A counting
    // sort of the finished list afterwards wrote all of them twice, into fresh
    // memory (a fifth of this derivation at 10 M events).
    std::vector<std::size_t> next;
    for (const Event &e : events) {
        if (e.kind != EventKind::SpanBegin)
            continue;
        if (e.actor >= next.size())
            next.resize(std::size_t(e.actor) + 1, 0);
        ++next[e.actor];
    }
    std::size_t total = 0;
    for (std::size_t &lane : next)
        total += std::exchange(lane, total);
    m_slices.resize(total);
    const auto place = [this, &next](const Slice &slice) {
        m_slices[next[slice.actor]++] = slice;
    };

    QHash<QPair<quint32, quint32>, std::vector<Slice>> open; // (actor or 0, object)
    for (int i = 0; i < int(events.size()); ++i) {
        const Event &e = events[std::size_t(i)];
        if (e.kind != EventKind::SpanBegin && e.kind != EventKind::SpanEnd)
            continue;
        if (e.value > 0) {
            // An imported slice ends at begin + value, where its SpanEnd is;
            // a file's value may be anything, so never past the trace's end.
            if (e.kind == EventKind::SpanBegin)
                place({e.timeNs, std::min(saturatingAdd(e.timeNs, e.value), traceEnd), e.actor,
                       e.object, e.text, i});
            continue;
        }
        const QPair<quint32, quint32> key {e.object ? 0 : e.actor, e.object};
        if (e.kind == EventKind::SpanBegin) {
            open[key].push_back({e.timeNs, e.timeNs, e.actor, e.object, e.text, i});
            continue;
        }
        auto it = open.find(key);
        if (it == open.end() || it->empty())
            continue;
        Slice slice = it->back();
        it->pop_back();
        slice.endNs = std::max(e.timeNs, slice.beginNs);
        place(slice);
    }
    for (const auto &stack : std::as_const(open)) {
        for (Slice slice : stack) {
            slice.endNs = std::max(traceEnd, slice.beginNs);
            slice.unfinished = true;
            place(slice);
        }
    }
}

QString TraceSlices::argsOf(const Trace &trace, int beginEvent)
{
    const std::vector<Event> &events = trace.events();
    if (beginEvent < 0 || std::size_t(beginEvent) >= events.size())
        return {};
    const Event &begin = events[std::size_t(beginEvent)];
    // Only imported slices have args, and they know their duration: their
    // end lies at begin + value, with the same lane, object and value.
    if (begin.kind != EventKind::SpanBegin || begin.value <= 0)
        return {};
    const qint64 endNs = saturatingAdd(begin.timeNs, begin.value);
    auto it = std::lower_bound(events.begin() + beginEvent, events.end(), endNs,
                               [](const Event &e, qint64 t) { return e.timeNs < t; });
    for (; it != events.end() && it->timeNs == endNs; ++it) {
        if (it->kind == EventKind::SpanEnd && it->actor == begin.actor && it->object == begin.object
            && it->value == begin.value)
            return trace.text(it->text);
    }
    return {};
}

void TraceSlices::assignRows()
{
    // Per lane: nested slices first, by begin and then longest first, so a
    // parent comes before the children that begin with it. The lanes are
    // bucketed already, and a lane's slices, collected at their begins in time
    // order, are usually sorted: a full sort of a million slices was a tenth
    // of a model build.
    const auto inLaneOrder = [](const Slice &a, const Slice &b) {
        if ((a.object != 0) != (b.object != 0))
            return a.object == 0;
        if (a.beginNs != b.beginNs)
            return a.beginNs < b.beginNs;
        if (a.endNs != b.endNs)
            return a.endNs > b.endNs;
        return a.beginEvent < b.beginEvent;
    };
    for (auto first = m_slices.begin(); first != m_slices.end();) {
        const quint32 actor = first->actor;
        const auto last = std::find_if(first, m_slices.end(),
                                       [actor](const Slice &s) { return s.actor != actor; });
        if (!std::is_sorted(first, last, inLaneOrder))
            std::sort(first, last, inLaneOrder);
        first = last;
    }
    std::size_t laneBegin = 0;
    while (laneBegin < m_slices.size()) {
        const quint32 actor = m_slices[laneBegin].actor;
        std::size_t i = laneBegin;
        // Nested: the depth is the number of slices still open when this one begins.
        std::vector<qint64> openEnds;
        int nestedRows = 0;
        for (; i < m_slices.size() && m_slices[i].actor == actor && m_slices[i].object == 0; ++i) {
            Slice &s = m_slices[i];
            // A slice that ends exactly where the next begins is its sibling, not its parent.
            while (!openEnds.empty() && openEnds.back() <= s.beginNs)
                openEnds.pop_back();
            s.depth = int(openEnds.size());
            nestedRows = std::max(nestedRows, s.depth + 1);
            // Misnested input (a child that outlives its parent) still gets a row of its own.
            openEnds.push_back(s.endNs);
        }
        // Async: the first row, below the nested ones, that is free when the slice begins.
        std::vector<qint64> rowEnds;
        for (; i < m_slices.size() && m_slices[i].actor == actor; ++i) {
            Slice &s = m_slices[i];
            std::size_t row = 0;
            while (row < rowEnds.size() && rowEnds[row] > s.beginNs)
                ++row;
            if (row == rowEnds.size())
                rowEnds.push_back(s.endNs);
            else
                rowEnds[row] = s.endNs;
            s.depth = nestedRows + int(row);
        }
        laneBegin = i;
    }
    // Back to one order for every reader: by actor, begin, then depth. Without
    // async slices it already is (a parent sorts before the children that begin
    // with it), and the second sort would be a fifth of a model build at 1 M events.
    const bool anyAsync = std::any_of(m_slices.begin(), m_slices.end(),
                                      [](const Slice &s) { return s.object != 0; });
    if (!anyAsync)
        return;
    std::sort(m_slices.begin(), m_slices.end(), [](const Slice &a, const Slice &b) {
        if (a.actor != b.actor)
            return a.actor < b.actor;
        if (a.beginNs != b.beginNs)
            return a.beginNs < b.beginNs;
        return a.depth < b.depth;
    });
}

} // namespace weft
