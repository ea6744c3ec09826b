// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <stdexcept>

namespace weft {

// Thrown by a traced socket call that failed (Python's socket.gaierror,
// ConnectionRefusedError, socket.timeout ...). The failure has already been
// recorded as an Error event with the same text when this is thrown.
class SocketError : public std::runtime_error
{
public:
    enum class Kind { HostNotFound, ConnectionRefused, TimedOut, PeerClosed, AddressInUse, Other };

    SocketError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
        , m_message(message)
    {
    }

    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }

private:
    Kind m_kind;
    QString m_message;
};

} // namespace weft
