#pragma once

#include "core/trace.h"

#include <vector>

namespace weft {

// The arrows a timeline draws between lanes, paired from send/receive-like
// events. Indices refer to trace.events().
class TraceArrows
{
public:
    enum class Kind : quint8 {
        Spawn,        // ThreadSpawn -> the new thread's ThreadStart
        Join,         // the joined thread's ThreadEnd -> JoinDone
        Packet,       // PacketSend -> PacketRecv, paired by byte offsets per channel
        Message,      // MessageSend -> MessageRecv, first in first out per channel
        LockHandoff,  // LockReleased -> the next LockAcquired of the same lock
        Notify,       // CondNotify -> CondWake on the same condition
    };

    struct Arrow
    {
        Kind kind = Kind::Spawn;
        std::size_t from = 0;
        std::size_t to = 0;
        qint64 bytes = 0;   // Packet: bytes of the send that reach this receive
    };

    explicit TraceArrows(const Trace &trace);

    const std::vector<Arrow> &arrows() const { return m_arrows; }
    static const char *kindName(Kind kind);

private:
    void pairThreads(const Trace &trace);
    void pairPackets(const Trace &trace);
    void pairMessages(const Trace &trace);
    void pairHandoffs(const Trace &trace);

    std::vector<Arrow> m_arrows;
};

} // namespace weft
