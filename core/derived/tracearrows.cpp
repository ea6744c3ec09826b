// SPDX-License-Identifier: MIT
#include "tracearrows.h"

#include <QHash>
#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>

namespace weft {

namespace {
constexpr qint64 kMaxOffset = qint64(1) << 61; // so that offset + bytes never overflows
} // namespace

namespace {
// A byte stream: a receive of m bytes at stream offset p is fed by every send
// whose byte range overlaps [p, p + m).
struct ByteRange
{
    std::size_t event;
    qint64 begin;
    qint64 end;
};

struct ByteStream
{
    std::vector<ByteRange> sends;
    std::vector<ByteRange> recvs;
    qint64 sent = 0;
    qint64 received = 0;

    void add(const Event &e, std::size_t index)
    {
        // Offsets saturate: values from a file may be anything.
        const qint64 bytes = std::min(e.value, kMaxOffset);
        qint64 &offset = e.kind == EventKind::PacketSend ? sent : received;
        const qint64 end = std::min(offset, kMaxOffset) + bytes;
        (e.kind == EventKind::PacketSend ? sends : recvs).push_back({index, offset, end});
        offset = std::min(end, kMaxOffset);
    }
};
} // namespace

std::shared_ptr<const TraceArrows> TraceArrows::of(const Trace &trace, Handoffs handoffs)
{
    static const char keys[2] = {};
    return trace.derived().get<TraceArrows>(
        &keys[handoffs == Handoffs::Include ? 0 : 1],
        [&trace, handoffs] { return std::make_shared<const TraceArrows>(trace, handoffs); });
}

TraceArrows::TraceArrows(const Trace &trace, Handoffs handoffs)
{
    // One pass collects what every kind of arrow needs: a million events are
    // 32 MB, and each pass of its own was a few milliseconds of a model build.
    // Hand-offs and wakes pair on the way; spawns, joins and byte streams,
    // whose two ends may come in either order, after it.
    const auto &events = trace.events();
    const bool withHandoffs = handoffs == Handoffs::Include;
    // A recorded program's child process starts and ends its own lane.
    QHash<quint32, std::size_t> starts; // actor -> its first ThreadStart or ProcessStart
    QHash<quint32, std::size_t> ends; // actor -> its last ThreadEnd or ProcessExit
    std::vector<std::size_t> spawns, joins;
    // Packet channel -> its sends and receives. Node-based, so the stream of the
    // last packet's channel can be kept at hand: packets come in runs per channel.
    std::unordered_map<quint32, ByteStream> streams;
    quint32 lastChannel = 0;
    ByteStream *lastStream = nullptr;
    QHash<quint32, std::size_t> released; // lock -> its last release not yet taken over
    QHash<quint32, std::size_t> notified; // condition -> its last notify
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        switch (e.kind) {
        case EventKind::ThreadStart:
        case EventKind::ProcessStart:
            if (!starts.contains(e.actor))
                starts.insert(e.actor, i);
            break;
        case EventKind::ThreadEnd:
        case EventKind::ProcessExit:
            ends.insert(e.actor, i);
            break;
        case EventKind::ThreadSpawn:
            spawns.push_back(i);
            break;
        case EventKind::JoinDone:
            joins.push_back(i);
            break;
        case EventKind::PacketSend:
        case EventKind::PacketRecv:
            if (e.value <= 0)
                break;
            if (!lastStream || lastChannel != e.object) {
                lastStream = &streams[e.object];
                lastChannel = e.object;
            }
            lastStream->add(e, i);
            break;
        case EventKind::LockReleased:
            if (withHandoffs)
                released.insert(e.object, i);
            break;
        case EventKind::LockAcquired:
            if (const auto it = released.find(e.object); withHandoffs && it != released.end()) {
                m_arrows.push_back({Kind::LockHandoff, *it, i, 0});
                released.erase(it);
            }
            break;
        case EventKind::CondNotify:
            notified.insert(e.object, i);
            break;
        case EventKind::CondWake:
            if (const auto it = notified.constFind(e.object); it != notified.constEnd())
                m_arrows.push_back({Kind::Notify, *it, i, 0});
            break;
        default:
            break;
        }
    }
    for (std::size_t i : spawns)
        if (const auto it = starts.constFind(quint32(events[i].value)); it != starts.constEnd())
            m_arrows.push_back({Kind::Spawn, i, *it, 0});
    for (std::size_t i : joins)
        if (const auto it = ends.constFind(quint32(events[i].value));
            it != ends.constEnd() && *it < i)
            m_arrows.push_back({Kind::Join, *it, i, 0});
    for (const auto &[channel, stream] : streams) {
        std::size_t s = 0;
        for (const ByteRange &r : stream.recvs) {
            while (s < stream.sends.size() && stream.sends[s].end <= r.begin)
                ++s;
            for (std::size_t k = s; k < stream.sends.size() && stream.sends[k].begin < r.end; ++k) {
                const ByteRange &send = stream.sends[k];
                m_arrows.push_back({Kind::Packet, send.event, r.event,
                                    std::min(r.end, send.end) - std::max(r.begin, send.begin)});
            }
        }
    }
    pairMessages(trace);
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

void TraceArrows::pairMessages(const Trace &trace)
{
    const std::vector<Arrow> messages = messageArrows(trace);
    m_arrows.insert(m_arrows.end(), messages.begin(), messages.end());
}

namespace {

// Events of one side of a channel waiting for their partner, findable both in
// arrival order and by text. Taken events stay in the other index and are
// skipped lazily (taken[] is shared by every pool of one trace).
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
                if (const auto event = popUntaken(it->second, taken))
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

} // namespace

std::vector<TraceArrows::Arrow> TraceArrows::messageArrows(const Trace &trace)
{
    std::vector<Arrow> arrows;
    struct Channel
    {
        PendingPool sent; // sends not yet received
        PendingPool early; // receives seen before their send (clock skew)
    };
    std::unordered_map<quint32, Channel> channels;
    std::vector<char> taken;
    const auto &events = trace.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        if (e.kind != EventKind::MessageSend && e.kind != EventKind::MessageRecv)
            continue;
        if (taken.empty())
            taken.assign(events.size(), 0);
        Channel &c = channels[e.object];
        if (e.kind == EventKind::MessageSend) {
            if (!c.early.empty())
                arrows.push_back({Kind::Message, i, c.early.take(e.text, taken), e.value});
            else
                c.sent.put(i, e.text);
        } else if (c.sent.empty()) {
            c.early.put(i, e.text);
        } else {
            arrows.push_back({Kind::Message, c.sent.take(e.text, taken), i, e.value});
        }
    }
    return arrows;
}

} // namespace weft
