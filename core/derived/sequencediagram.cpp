// SPDX-License-Identifier: MIT
#include "sequencediagram.h"

#include "tracearrows.h"

#include <QHash>
#include <algorithm>
#include <deque>

namespace weft {

namespace {

bool isExchangeKind(EventKind kind)
{
    return kind == EventKind::PacketSend || kind == EventKind::PacketRecv
        || kind == EventKind::MessageSend || kind == EventKind::MessageRecv
        || kind == EventKind::SocketOp;
}

// A socket's creation says nothing about the exchange and would add a row per socket.
bool isNoteworthyOp(const QString &op)
{
    return op != QLatin1String("create");
}

} // namespace

bool SequenceDiagram::hasContent(const Trace &trace)
{
    return std::any_of(trace.events().begin(), trace.events().end(),
                       [](const Event &e) { return isExchangeKind(e.kind) && e.actor != 0; });
}

SequenceDiagram::SequenceDiagram(const Trace &trace)
{
    const auto &events = trace.events();
    std::vector<char> paired(events.size(), 0);
    const auto timeOf = [&events](std::size_t i) {
        return events[i].timeNs;
    };

    // Sends with their receives, exactly as the timeline pairs them.
    const std::shared_ptr<const TraceArrows> arrows
        = TraceArrows::of(trace, TraceArrows::Handoffs::Skip);
    for (const TraceArrows::Arrow &a : arrows->arrows()) {
        if (a.kind != TraceArrows::Kind::Packet && a.kind != TraceArrows::Kind::Message)
            continue;
        Item item;
        item.kind = a.kind == TraceArrows::Kind::Packet ? ItemKind::Packet : ItemKind::Message;
        item.fromEvent = a.from;
        item.toEvent = a.to;
        item.bytes = a.bytes;
        item.text = events[a.from].text;
        m_items.push_back(item);
        paired[a.from] = paired[a.to] = 1;
    }

    // connect records the client's local port, accept the peer's port: the same number.
    QHash<qint64, std::deque<std::size_t>> connects;
    std::vector<std::size_t> accepts;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        if (e.kind != EventKind::SocketOp || e.actor == 0 || e.value <= 0)
            continue;
        const QString op = trace.text(e.text);
        if (op == QLatin1String("connect"))
            connects[e.value].push_back(i);
        else if (op == QLatin1String("accept"))
            accepts.push_back(i);
    }
    for (std::size_t accept : accepts) {
        auto it = connects.find(events[accept].value);
        if (it == connects.end() || it->empty())
            continue;
        const std::size_t connect = it->front();
        it->pop_front();
        Item item;
        item.kind = ItemKind::Connect;
        item.fromEvent = connect;
        item.toEvent = accept;
        m_items.push_back(item);
        paired[connect] = paired[accept] = 1;
    }

    // Whatever is left is one lifeline's own step.
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        if (paired[i] || e.actor == 0 || !isExchangeKind(e.kind))
            continue;
        if (e.kind == EventKind::SocketOp ? !isNoteworthyOp(trace.text(e.text)) : e.value <= 0)
            continue;
        Item item;
        item.kind = ItemKind::Note;
        item.fromEvent = item.toEvent = i;
        item.noteKind = e.kind;
        item.text = e.text;
        item.bytes = e.kind == EventKind::SocketOp ? 0 : e.value;
        m_items.push_back(item);
    }

    for (Item &item : m_items)
        item.timeNs = std::min(timeOf(item.fromEvent), timeOf(item.toEvent));
    std::stable_sort(m_items.begin(), m_items.end(), [](const Item &a, const Item &b) {
        if (a.timeNs != b.timeNs)
            return a.timeNs < b.timeNs;
        return std::min(a.fromEvent, a.toEvent) < std::min(b.fromEvent, b.toEvent);
    });

    // Lifelines left to right in the order they first take part, as a flow graph
    // orders its hosts: the first sender is the leftmost column.
    QHash<quint32, int> column;
    const bool severalProcesses = trace.processCount() > 1;
    const auto lifelineOf = [&](quint32 actor) {
        if (const auto it = column.constFind(actor); it != column.constEnd())
            return *it;
        Lifeline line;
        line.actor = actor;
        line.name = actorDisplayName(trace, actor);
        if (severalProcesses) {
            // Every process's thread is "MainThread": the process names the column.
            line.process = line.name;
            line.name = trace.process(trace.actor(actor).process).name;
        }
        m_lifelines.push_back(line);
        column.insert(actor, int(m_lifelines.size()) - 1);
        return int(m_lifelines.size()) - 1;
    };
    m_itemOfEvent.reserve(2 * qsizetype(m_items.size()));
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        Item &item = m_items[i];
        item.from = lifelineOf(events[item.fromEvent].actor);
        item.to = lifelineOf(events[item.toEvent].actor);
        // A send read in two pieces is two rows: its event names the first.
        if (!m_itemOfEvent.contains(item.fromEvent))
            m_itemOfEvent.insert(item.fromEvent, int(i));
        if (!m_itemOfEvent.contains(item.toEvent))
            m_itemOfEvent.insert(item.toEvent, int(i));
    }
}

int SequenceDiagram::itemOfEvent(std::size_t event) const
{
    return m_itemOfEvent.value(event, -1);
}

} // namespace weft
