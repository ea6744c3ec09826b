// SPDX-License-Identifier: MIT
#include "countertrack.h"

#include "runcontext.h"

namespace weft {

CounterTrack::CounterTrack(const QString &name, qint64 initial)
    : m_value(initial)
{
    m_object
        = RunContext::require("weft::CounterTrack").recorder().addObject(name, ObjectKind::Counter);
}

void CounterTrack::set(qint64 value, std::source_location location)
{
    RunContext &context = RunContext::require("weft::CounterTrack");
    std::lock_guard lock(m_mutex);
    m_value = value;
    context.record(EventKind::CounterValue, location, m_object, m_value);
}

qint64 CounterTrack::add(qint64 delta, std::source_location location)
{
    RunContext &context = RunContext::require("weft::CounterTrack");
    std::lock_guard lock(m_mutex);
    m_value += delta;
    context.record(EventKind::CounterValue, location, m_object, m_value);
    return m_value;
}

qint64 CounterTrack::value() const
{
    std::lock_guard lock(m_mutex);
    return m_value;
}

} // namespace weft
