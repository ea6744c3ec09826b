// SPDX-License-Identifier: MIT
#include "deque.h"

#include "core/runcontext.h"

#include <QCoreApplication>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::Deque)
};
} // namespace

DequeTrace::DequeTrace(const QString &name)
    : m_name(name)
    , m_object(RunContext::require("weft::Deque").recorder().addObject(name, ObjectKind::Queue))
    , m_depth(Tr::tr("%1 depth").arg(name))
{
}

void DequeTrace::beforeAppend(const QString &label, const std::source_location &location)
{
    RunContext::require("weft::Deque")
        .passGate(EventKind::MessageSend, m_object, Tr::tr("append %1 to %2").arg(label, m_name),
                  location);
}

void DequeTrace::appended(const QString &label, qint64 bytes, qint64 length,
                          const std::source_location &location)
{
    RunContext &context = RunContext::require("weft::Deque");
    context.record(EventKind::MessageSend, location, m_object, bytes,
                   context.recorder().intern(label));
    m_depth.set(length, location);
}

void DequeTrace::beforePopleft(const std::source_location &location)
{
    RunContext::require("weft::Deque")
        .passGate(EventKind::MessageRecv, m_object, Tr::tr("popleft from %1").arg(m_name),
                  location);
}

void DequeTrace::popped(const QString &label, qint64 bytes, qint64 length,
                        const std::source_location &location)
{
    RunContext &context = RunContext::require("weft::Deque");
    context.record(EventKind::MessageRecv, location, m_object, bytes,
                   context.recorder().intern(label));
    m_depth.set(length, location);
}

} // namespace weft
