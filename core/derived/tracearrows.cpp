// SPDX-License-Identifier: MIT
#include "tracearrows.h"

#include <QHash>
#include <algorithm>
#include <deque>
#include <iterator>
#include <optional>
#include <unordered_map>

namespace weft {

namespace {

using Arrow = TraceArrows::Arrow;
using Kind = TraceArrows::Kind;

constexpr qint64 kMaxOffset = qint64(1) << 61; // so that offset + bytes never overflows

struct ByteRange
{
    std::size_t event;
    qint64 begin;
    qint64 end;
};

// One channel's bytes: a receive of m bytes at stream offset p is fed by every
// send whose byte range overlaps [p, p + m). Either side may be walked first;
// a packet is kept only while the other side's later packets may still overlap it.
class ByteStream
{
public:
    void add(const Event &e, std::size_t index, std::vector<Arrow> &arrows)
    {
        const int side = e.kind == EventKind::PacketSend ? kSends : kReceives;
        const int other = 1 - side;
        // Offsets saturate: values from a file may be anything.
        const qint64 begin = m_offset[side];
        const ByteRange range {index, begin, begin + std::min(e.value, kMaxOffset)};
        m_offset[side] = std::min(range.end, kMaxOffset);
        std::deque<ByteRange> &others = m_pending[other];
        for (const ByteRange &o : others) {
            if (o.begin >= range.end)
                break;
            if (o.end <= range.begin)
                continue;
            const ByteRange &send = side == kSends ? range : o;
            const ByteRange &receive = side == kSends ? o : range;
            arrows.push_back({Kind::Packet, send.event, receive.event,
                              std::min(range.end, o.end) - std::max(range.begin, o.begin)});
        }
        // This side's later packets start at its offset: what ends before it is done with.
        while (!others.empty() && others.front().end <= m_offset[side])
            others.pop_front();
        if (range.end > m_offset[other])
            m_pending[side].push_back(range);
    }

private:
    static constexpr int kSends = 0;
    static constexpr int kReceives = 1;
    std::deque<ByteRange> m_pending[2]; // in stream order, per side
    qint64 m_offset[2] = {0, 0}; // bytes sent, bytes received
};

// Events of one side of a channel waiting for their partner, findable both in
// arrival order and by text. Taken events stay in the other index and are
// skipped lazily (taken[] is shared by every pool of one walk).
class PendingPool
{
public:
    bool empty() const { return m_count == 0; }
    void put(std::size_t event, quint32 text)
    {
        m_order.push_back(event);
        if (text != 0)
            m_byText[text].push_back(event);
        ++m_count;
    }
    // The oldest event with this text, else the oldest of all.
    std::size_t take(quint32 text, std::vector<char> &taken)
    {
        if (text != 0) {
            if (const auto it = m_byText.find(text); it != m_byText.end()) {
                const std::optional<std::size_t> event = popUntaken(it->second, taken);
                if (it->second.empty())
                    m_byText.erase(it);
                if (event)
                    return finish(*event, taken);
            }
        }
        return finish(*popUntaken(m_order, taken), taken);
    }

private:
    static std::optional<std::size_t> popUntaken(std::deque<std::size_t> &queue,
                                                 const std::vector<char> &taken)
    {
        while (!queue.empty()) {
            const std::size_t event = queue.front();
            queue.pop_front();
            if (!taken[event])
                return event;
        }
        return std::nullopt;
    }
    std::size_t finish(std::size_t event, std::vector<char> &taken)
    {
        taken[event] = 1;
        --m_count;
        return event;
    }

    std::deque<std::size_t> m_order;
    std::unordered_map<quint32, std::deque<std::size_t>> m_byText;
    std::size_t m_count = 0;
};

struct MessageChannel
{
    PendingPool sent; // sends not yet received
    PendingPool early; // receives seen before their send (clock skew)
};

} // namespace

struct TraceArrows::Walk
{
    // A recorded program's child process starts and ends its own lane.
    QHash<quint32, std::size_t> starts; // actor -> its first ThreadStart or ProcessStart
    QHash<quint32, std::vector<std::size_t>> unstarted; // actor -> spawns of it before its start
    QHash<quint32, std::size_t> lastEnds; // actor -> its last ThreadEnd or ProcessExit so far
    // Node-based, so a walk can keep the last packet's stream at hand.
    std::unordered_map<quint32, ByteStream> streams; // packet channel -> its bytes
    std::unordered_map<quint32, MessageChannel> channels; // message channel -> its pools
    std::vector<char> taken; // event -> paired already (message events only)
    QHash<quint32, std::size_t> released; // lock -> its last release not yet taken over
    QHash<quint32, std::size_t> notified; // condition -> its last notify
};

TraceArrows::TraceArrows(Handoffs handoffs)
    : m_handoffs(handoffs)
    , m_walk(std::make_unique<Walk>())
{
}

TraceArrows::TraceArrows(const Trace &trace, Handoffs handoffs)
    : TraceArrows(handoffs)
{
    extend(trace);
}

TraceArrows::TraceArrows(const TraceArrows &other)
    : m_handoffs(other.m_handoffs)
    , m_arrows(other.m_arrows)
    , m_walked(other.m_walked)
    , m_walk(std::make_unique<Walk>(*other.m_walk))
{
}

TraceArrows &TraceArrows::operator=(const TraceArrows &other)
{
    if (this != &other)
        *this = TraceArrows(other);
    return *this;
}

TraceArrows::TraceArrows(TraceArrows &&other) noexcept = default;
TraceArrows &TraceArrows::operator=(TraceArrows &&other) noexcept = default;
TraceArrows::~TraceArrows() = default;

std::shared_ptr<const TraceArrows> TraceArrows::of(const Trace &trace, Handoffs handoffs)
{
    static const char keys[2] = {};
    return trace.derived().get<TraceArrows>(
        &keys[handoffs == Handoffs::Include ? 0 : 1],
        [&trace, handoffs] { return std::make_shared<const TraceArrows>(trace, handoffs); });
}

void TraceArrows::extend(const Trace &trace)
{
    // One pass pairs every kind of arrow: a million events are 32 MB, and each
    // pass of its own was a few milliseconds of a model build. An arrow is
    // emitted when its later end is walked, against the earlier ends kept in m_walk.
    const auto &events = trace.events();
    Walk &w = *m_walk;
    const bool withHandoffs = m_handoffs == Handoffs::Include;
    // Packets come in runs per channel.
    quint32 lastChannel = 0;
    ByteStream *lastStream = nullptr;
    for (std::size_t i = m_walked; i < events.size(); ++i) {
        const Event &e = events[i];
        switch (e.kind) {
        case EventKind::ThreadStart:
        case EventKind::ProcessStart:
            if (!w.starts.contains(e.actor)) {
                w.starts.insert(e.actor, i);
                if (const auto it = w.unstarted.find(e.actor); it != w.unstarted.end()) {
                    for (const std::size_t spawn : *it)
                        m_arrows.push_back({Kind::Spawn, spawn, i, 0});
                    w.unstarted.erase(it);
                }
            }
            break;
        case EventKind::ThreadEnd:
        case EventKind::ProcessExit:
            w.lastEnds.insert(e.actor, i);
            break;
        case EventKind::ThreadSpawn:
            if (const auto it = w.starts.constFind(quint32(e.value)); it != w.starts.constEnd())
                m_arrows.push_back({Kind::Spawn, i, *it, 0});
            else
                w.unstarted[quint32(e.value)].push_back(i);
            break;
        case EventKind::JoinDone:
            if (const auto it = w.lastEnds.constFind(quint32(e.value)); it != w.lastEnds.constEnd())
                m_arrows.push_back({Kind::Join, *it, i, 0});
            break;
        case EventKind::PacketSend:
        case EventKind::PacketRecv:
            if (e.value <= 0)
                break;
            if (!lastStream || lastChannel != e.object) {
                lastStream = &w.streams[e.object];
                lastChannel = e.object;
            }
            lastStream->add(e, i, m_arrows);
            break;
        case EventKind::MessageSend:
        case EventKind::MessageRecv: {
            if (w.taken.size() < events.size())
                w.taken.resize(events.size(), 0);
            MessageChannel &c = w.channels[e.object];
            if (e.kind == EventKind::MessageSend) {
                if (!c.early.empty())
                    m_arrows.push_back({Kind::Message, i, c.early.take(e.text, w.taken), e.value});
                else
                    c.sent.put(i, e.text);
            } else if (c.sent.empty()) {
                c.early.put(i, e.text);
            } else {
                m_arrows.push_back({Kind::Message, c.sent.take(e.text, w.taken), i, e.value});
            }
            break;
        }
        case EventKind::LockReleased:
            if (withHandoffs)
                w.released.insert(e.object, i);
            break;
        case EventKind::LockAcquired:
            if (const auto it = w.released.find(e.object); withHandoffs && it != w.released.end()) {
                m_arrows.push_back({Kind::LockHandoff, *it, i, 0});
                w.released.erase(it);
            }
            break;
        case EventKind::CondNotify:
            w.notified.insert(e.object, i);
            break;
        case EventKind::CondWake:
            if (const auto it = w.notified.constFind(e.object); it != w.notified.constEnd())
                m_arrows.push_back({Kind::Notify, *it, i, 0});
            break;
        default:
            break;
        }
    }
    m_walked = std::max(m_walked, events.size());
}

const char *TraceArrows::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Spawn:
        return "spawn";
    case Kind::Join:
        return "join";
    case Kind::Packet:
        return "packet";
    case Kind::Message:
        return "message";
    case Kind::LockHandoff:
        return "lock handoff";
    case Kind::Notify:
        return "notify";
    }
    return "arrow";
}

std::vector<TraceArrows::Arrow> TraceArrows::messageArrows(const Trace &trace)
{
    // The one walk, filtered: message pairing has no second copy to drift.
    const TraceArrows all(trace, Handoffs::Skip);
    std::vector<Arrow> messages;
    std::copy_if(all.arrows().begin(), all.arrows().end(), std::back_inserter(messages),
                 [](const Arrow &a) { return a.kind == Kind::Message; });
    return messages;
}

} // namespace weft
