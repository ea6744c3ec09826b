// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>
#include <chrono>
#include <source_location>

namespace weft {

// socket.gethostbyname(): resolves a host name with QHostInfo, waiting at most
// `timeout` and noticing a cancel within a wait slice. Prefers an IPv4 address.
// A literal address is returned at once without a lookup, and a name under
// the reserved .invalid domain fails at once (RFC 6761) without asking a name
// server.
//
// Records the wait as an I/O wait span on the calling thread's lane; a failure
// is recorded as an Error and thrown as SocketError (HostNotFound or TimedOut).
QHostAddress resolveHost(const QString &host,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10),
                         std::source_location location = std::source_location::current());

} // namespace weft
