// SPDX-License-Identifier: MIT
#include "eventsearch.h"

#include "ui/timeline/eventkindtext.h"

#include <QCoreApplication>

namespace weft::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::EventSearch)
};

bool isTraffic(EventKind kind)
{
    return kind == EventKind::PacketSend || kind == EventKind::PacketRecv
        || kind == EventKind::MessageSend || kind == EventKind::MessageRecv;
}

// Which of a table's ids (1-based; 0 is "none") have a matching name.
template<typename NameOf>
std::vector<bool> matchingIds(int count, const QString &query, NameOf nameOf)
{
    std::vector<bool> result(std::size_t(count) + 1, false);
    for (int id = 1; id <= count; ++id)
        result[std::size_t(id)] = nameOf(quint32(id)).contains(query, Qt::CaseInsensitive);
    return result;
}

bool at(const std::vector<bool> &table, quint32 id)
{
    return id < table.size() && table[id];
}

} // namespace

EventSearch::EventSearch(const Trace &trace)
    : m_trace(trace)
{
}

std::vector<int> EventSearch::find(const QString &query) const
{
    const QString needle = query.trimmed();
    if (needle.isEmpty())
        return {};
    const Trace &trace = m_trace;
    const std::vector<bool> texts
        = matchingIds(trace.stringCount(), needle, [&](quint32 id) { return trace.text(id); });
    const std::vector<bool> actors = matchingIds(
        trace.actorCount(), needle, [&](quint32 id) { return actorDisplayName(trace, id); });
    const std::vector<bool> objects = matchingIds(
        trace.objectCount(), needle, [&](quint32 id) { return trace.object(id).name; });
    std::vector<bool> kinds(std::size_t(EventKind::Count), false);
    for (std::size_t k = 1; k < kinds.size(); ++k)
        kinds[k] = eventKindText(EventKind(k)).contains(needle, Qt::CaseInsensitive);

    std::vector<int> result;
    const std::vector<Event> &events = trace.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        bool hit = at(texts, e.text) || at(actors, e.actor) || at(objects, e.object)
            || (std::size_t(e.kind) < kinds.size() && kinds[std::size_t(e.kind)]);
        if (!hit && isTraffic(e.kind))
            hit = Tr::tr("%1 B").arg(e.value).contains(needle, Qt::CaseInsensitive);
        if (hit)
            result.push_back(int(i));
    }
    return result;
}

} // namespace weft::ui
