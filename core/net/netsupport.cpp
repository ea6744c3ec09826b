// SPDX-License-Identifier: MIT
#include "netsupport.h"

#include "core/runcontext.h"

#include <algorithm>

namespace weft::netsupport {

QString endpointText(const QHostAddress &address, quint16 port)
{
    QHostAddress plain = address;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        plain = QHostAddress(v4); // "::ffff:127.0.0.1" reads as 127.0.0.1
    if (plain.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(plain.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(plain.toString()).arg(port);
}

QString preview(QByteArrayView bytes, int maxChars)
{
    QString text;
    text.reserve(maxChars + 8);
    for (const char c : bytes) {
        if (text.size() >= maxChars) {
            text += QChar(0x2026); // …
            break;
        }
        if (c == '\r')
            text += QStringLiteral("\\r");
        else if (c == '\n')
            text += QStringLiteral("\\n");
        else if (c == '\t')
            text += QStringLiteral("\\t");
        else if (uchar(c) >= 0x20 && uchar(c) < 0x7f)
            text += QLatin1Char(c);
        else
            text += QLatin1Char('.');
    }
    return text;
}

void fail(RunContext &context, quint32 object, SocketError::Kind kind, const QString &message,
          const std::source_location &location)
{
    context.record(EventKind::Error, location, object, 0, context.recorder().intern(message),
                   Abnormal);
    throw SocketError(kind, message);
}

Deadline::Deadline(std::chrono::milliseconds timeout, const StepGate &gate)
    : m_gate(gate)
    , m_timeout(timeout)
    , m_infinite(timeout.count() <= 0)
    , m_end(std::chrono::steady_clock::now() + timeout)
{
}

bool Deadline::expired()
{
    if (m_infinite)
        return false;
    const auto now = std::chrono::steady_clock::now();
    if (m_gate.isStepping()) {
        m_end = now + m_timeout;
        return false;
    }
    return now >= m_end;
}

int Deadline::sliceMs() const
{
    const auto slice = int(kWaitSlice.count());
    if (m_infinite)
        return slice;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          m_end - std::chrono::steady_clock::now())
                          .count();
    return int(std::clamp<qint64>(left, 1, slice));
}

} // namespace weft::netsupport
