// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <memory>
#include <vector>

namespace weft {

// The arrows between lanes, paired from send/receive-like events: derived
// once here for the timeline and the Chrome export alike. Indices refer to
// trace.events().
//
// The derivation is one walk over the events in order, and it can be resumed:
// a live run's next snapshot keeps the previous one's events as a prefix, so
// extend() walks only the new events. An arrow is appended as soon as both of
// its ends have been walked; arrows already found never change or move.
class TraceArrows
{
public:
    enum class Kind : quint8 {
        // ThreadSpawn (value = the child) -> the child's first ThreadStart or
        // ProcessStart in event order, whether that comes before or after the spawn.
        Spawn,
        // The joined actor's last ThreadEnd or ProcessExit before the JoinDone
        // (value = the joined actor) -> the JoinDone. Only ends walked so far
        // count, so an end recorded after the join does not move its arrow.
        Join,
        // PacketSend -> PacketRecv on one channel: a receive of m bytes at stream
        // offset p is fed by every send whose bytes overlap [p, p + m).
        Packet,
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
    // No events walked yet: extend() brings in a trace.
    explicit TraceArrows(Handoffs handoffs);
    // The same as TraceArrows(handoffs) extended by the whole trace.
    explicit TraceArrows(const Trace &trace, Handoffs handoffs = Handoffs::Include);
    TraceArrows(const TraceArrows &other);
    TraceArrows &operator=(const TraceArrows &other);
    // A moved-from TraceArrows may only be assigned to or destroyed.
    TraceArrows(TraceArrows &&other) noexcept;
    TraceArrows &operator=(TraceArrows &&other) noexcept;
    ~TraceArrows();

    // The trace's arrows, derived once per trace (and per choice of hand-offs)
    // and shared by every view and export of it (Trace::derived).
    static std::shared_ptr<const TraceArrows> of(const Trace &trace,
                                                 Handoffs handoffs = Handoffs::Include);

    // Walks trace.events()[eventsWalked(), size) and appends to arrows() every
    // arrow those events complete. The trace's first eventsWalked() events must
    // be the ones walked before (same events, same indices: a live run's next
    // snapshot). The arrows a walk finds come in a fixed order for the same
    // events, but cutting the walk elsewhere may order them differently.
    void extend(const Trace &trace);
    std::size_t eventsWalked() const { return m_walked; }

    // Only grows: the arrows past a size read before an extend() are its new ones.
    const std::vector<Arrow> &arrows() const { return m_arrows; }
    static const char *kindName(Kind kind);
    // Only the Message arrows, for a reader (the timeline) that pairs the rest itself.
    // A receive pairs with the oldest unpaired send on its channel that carries the
    // same preview text (a tagged message, "P1#3"); without such a send, with the
    // oldest one. Several producers racing onto one queue record their sends in
    // one order and the queue may hand the items out in another; sizes are often
    // equal, tags are not. A receive recorded before its send (clock skew) waits
    // for the send the same way.
    static std::vector<Arrow> messageArrows(const Trace &trace);

private:
    // What the walk keeps between extends: the ends still waiting for a partner.
    struct Walk;

    Handoffs m_handoffs;
    std::vector<Arrow> m_arrows;
    std::size_t m_walked = 0;
    std::unique_ptr<Walk> m_walk;
};

} // namespace weft
