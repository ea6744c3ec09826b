// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <memory>
#include <vector>

namespace weft {

// The named slices of a trace (SpanBegin/SpanEnd pairs: a scenario's phases,
// Chrome B/E and X events, a compiler's "Source" and "ParseClass"), each with
// the row it sits on under its lane, the way Perfetto and Tracy stack them: a
// slice inside another on the same lane is one row deeper. Async slices (on an
// object: a Chrome "b"/"e" id) may overlap anything; they take the first free
// row below the lane's nested ones.
//
// Derived once here; the timeline and the Chrome writer both read it.
class TraceSlices
{
public:
    struct Slice
    {
        // Times first: 40 bytes, not 48 (a 100 MB trace can hold 2 M slices).
        qint64 beginNs = 0;
        qint64 endNs = 0;
        quint32 actor = 0;
        quint32 object = 0; // non-zero: an async track, not a nested slice
        quint32 text = 0; // the name
        int beginEvent = -1; // its SpanBegin, an index into trace.events()
        int depth = 0; // row under the lane, 0 = outermost
        bool unfinished = false; // the trace ended before its end

        bool async() const { return object != 0; } // overlaps anything, never a child
    };

    explicit TraceSlices(const Trace &trace);
    // The trace's slices, derived once per trace and shared (Trace::derived).
    static std::shared_ptr<const TraceSlices> of(const Trace &trace);

    // The args of the slice that `beginEvent` (a SpanBegin) begins: the text
    // of its SpanEnd, as "key: value" lines; empty if it has none. Found by
    // time (a begin that knows its duration), not by walking the events.
    static QString argsOf(const Trace &trace, int beginEvent);

    // Sorted by actor, then begin, then depth (a parent before its children).
    const std::vector<Slice> &slices() const { return m_slices; }

private:
    // Pairs begins with ends into m_slices, bucketed by lane (by actor id).
    void pairByLane(const Trace &trace);
    void assignRows();

    std::vector<Slice> m_slices;
};

} // namespace weft
