// SPDX-License-Identifier: MIT
#pragma once

#include "core/event.h"
#include "core/stepgate.h"
#include "socketerror.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <chrono>
#include <source_location>

namespace weft {

class RunContext;

// Helpers shared by the traced socket primitives; not scenario API.
namespace netsupport {

// Every blocking socket wait runs in slices this long, so a cancel is noticed quickly.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);

// "127.0.0.1:5000", "[::1]:5000"
QString endpointText(const QHostAddress &address, quint16 port);
// A short, printable preview of a payload for the timeline (hover shows it).
QString preview(QByteArrayView bytes, int maxChars = 48);

// Records an Error (Abnormal) with the message and throws SocketError.
[[noreturn]] void fail(RunContext &context, quint32 object, SocketError::Kind kind,
                       const QString &message, const std::source_location &location);

// A deadline from a timeout; a zero timeout means "no deadline".
//
// While live stepping is on, the deadline keeps moving: the user decides who
// runs next, and a peer parked at its gate must not make this wait time out.
class Deadline
{
public:
    Deadline(std::chrono::milliseconds timeout, const StepGate &gate);
    bool expired();
    // The next wait slice, never past the deadline (at least 1 ms).
    int sliceMs() const;

private:
    const StepGate &m_gate;
    std::chrono::milliseconds m_timeout;
    bool m_infinite;
    std::chrono::steady_clock::time_point m_end;
};

} // namespace netsupport
} // namespace weft
