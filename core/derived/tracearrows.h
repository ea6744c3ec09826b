// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <memory>
#include <vector>

namespace weft {

// The arrows between lanes, paired from send/receive-like events: derived
// once here for the timeline and the Chrome export alike. Indices refer to
// trace.events().
class TraceArrows
{
public:
    enum class Kind : quint8 {
        Spawn, // ThreadSpawn -> the new thread's (or process's) first start
        Join, // the joined thread's ThreadEnd (a process's exit) -> JoinDone
        Packet, // PacketSend -> PacketRecv, paired by byte offsets per channel
        Message, // MessageSend -> MessageRecv per channel, by preview tag, else FIFO
        LockHandoff, // LockReleased -> the next LockAcquired of the same lock
        Notify, // CondNotify -> CondWake on the same condition
    };

    struct Arrow
    {
        Kind kind = Kind::Spawn;
        std::size_t from = 0;
        std::size_t to = 0;
        qint64 bytes = 0; // Packet: bytes of the send that reach this receive
    };

    // Lock hand-offs are for the export; the timeline shows locks as bands.
    enum class Handoffs : quint8 { Include, Skip };
    explicit TraceArrows(const Trace &trace, Handoffs handoffs = Handoffs::Include);
    // The trace's arrows, derived once per trace (and per choice of hand-offs)
    // and shared by every view and export of it (Trace::derived).
    static std::shared_ptr<const TraceArrows> of(const Trace &trace,
                                                 Handoffs handoffs = Handoffs::Include);

    const std::vector<Arrow> &arrows() const { return m_arrows; }
    static const char *kindName(Kind kind);
    // Only the Message arrows, for a reader (the timeline) that pairs the rest itself.
    // A receive pairs with the oldest unpaired send on its channel that carries the
    // same preview text (a tagged message, "P1#3"); without such a send, with the
    // oldest one. Several producers racing onto one queue record their sends in
    // one order and the queue may hand the items out in another; sizes are often
    // equal, tags are not.
    static std::vector<Arrow> messageArrows(const Trace &trace);

private:
    void pairMessages(const Trace &trace);

    std::vector<Arrow> m_arrows;
};

} // namespace weft
