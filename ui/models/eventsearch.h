// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QString>
#include <vector>

namespace weft::ui {

// Ctrl+F: the events whose words contain the query, case-insensitively — the
// text (a print, a slice's name, a packet's preview), what the event does
// ("releases a lock", in the shown language), its lane's name, its object's
// name ("L1", a socket) and, for traffic, its size ("53 B"). Names and texts
// are interned, so each is matched once, not once per event: a search of
// millions of events costs a few table lookups per event.
class EventSearch
{
public:
    explicit EventSearch(const Trace &trace);

    // Indices into trace.events(), in time order; none for an empty query.
    std::vector<int> find(const QString &query) const;

private:
    Trace m_trace;
};

} // namespace weft::ui
