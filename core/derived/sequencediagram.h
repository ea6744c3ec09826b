// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QHash>
#include <vector>

namespace weft {

// What a sequence diagram (a flow graph, as Wireshark draws one) shows of a
// trace: one lifeline per thread (or process lane) that takes part in a socket
// or message exchange, and one row per message in time order. Sends pair with
// their receives through TraceArrows, so this view and the timeline's arrows
// never disagree. Pure data: labels are made by the renderer, translated.
class SequenceDiagram
{
public:
    enum class ItemKind : quint8 {
        Connect, // SocketOp connect -> the accept with the same client port
        Packet, // PacketSend -> PacketRecv (the bytes of the send that reach that receive)
        Message, // MessageSend -> MessageRecv (queue put -> get, pipe send -> recv)
        Note, // one lifeline's own step: bind, listen, close, or a send nobody received
    };

    struct Lifeline
    {
        quint32 actor = 0;
        QString name; // actorDisplayName(), or the process's name when the trace has several
        QString process; // with several processes: the thread's name; else empty
    };

    struct Item
    {
        ItemKind kind = ItemKind::Note;
        int from = 0; // lifeline index; a Note's `to` equals `from`
        int to = 0;
        std::size_t fromEvent = 0; // index into trace.events(): the send, connect or the note
        std::size_t toEvent = 0; // the receive or accept; fromEvent for a Note
        qint64 timeNs = 0; // when the row happened: the earlier of its two events
        qint64 bytes = 0; // Packet, Message, and a Note of an unpaired send/receive
        EventKind noteKind = EventKind::None; // a Note's event kind
        quint32 text = 0; // a Note's operation or a message's preview (string id)
        bool isArrow() const { return kind != ItemKind::Note; }
    };

    explicit SequenceDiagram(const Trace &trace);

    // Whether a trace has anything such a diagram draws (sockets or messages);
    // cheaper than building one.
    static bool hasContent(const Trace &trace);

    const std::vector<Lifeline> &lifelines() const { return m_lifelines; }
    // In time order (ties: trace order of the first event).
    const std::vector<Item> &items() const { return m_items; }
    bool isEmpty() const { return m_items.empty(); }
    // The item whose send/receive (or note) is this event; -1 if none.
    int itemOfEvent(std::size_t event) const;

private:
    std::vector<Lifeline> m_lifelines;
    std::vector<Item> m_items;
    QHash<std::size_t, int> m_itemOfEvent; // both ends of every item; asked on every replay step
};

} // namespace weft
