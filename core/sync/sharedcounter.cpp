// SPDX-License-Identifier: MIT
#include "sharedcounter.h"

#include "core/runcontext.h"

#include <QCoreApplication>
#include <algorithm>
#include <utility>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::SharedCounter)
};

// What the calling thread last read, and from which counter: write() compares
// what it overwrites with it. One slot is enough, as every read is followed by
// its write; a write without a read of its own is a blind store, never a loss.
struct LastRead
{
    const SharedCounter *counter = nullptr;
    qint64 value = 0;
};
thread_local LastRead t_lastRead;
} // namespace

SharedCounter::SharedCounter(QString name, Recording recording)
    : m_name(std::move(name))
    , m_recording(recording)
{
    RunContext &context = RunContext::require("weft::SharedCounter");
    if (m_name.isEmpty())
        m_name = QStringLiteral("counter");
    m_object = context.recorder().addObject(m_name, ObjectKind::Counter);
}

qint64 SharedCounter::read(std::source_location location)
{
    RunContext &context = RunContext::require("weft::SharedCounter");
    // Only a stepping learner reads the description: locks.counter passes here
    // a million times, so it is not built otherwise.
    context.passGate(EventKind::Mark, m_object,
                     context.gate().isStepping() ? Tr::tr("read %1").arg(m_name) : QString(),
                     location);
    const qint64 value = m_value.load(std::memory_order_relaxed);
    t_lastRead = {this, value};
    if (m_recording == Recording::EveryAccess) {
        context.record(EventKind::Mark, location, m_object, value,
                       context.recorder().intern(Tr::tr("read %1 = %2").arg(m_name).arg(value)));
    }
    return value;
}

void SharedCounter::write(qint64 value, std::source_location location)
{
    RunContext &context = RunContext::require("weft::SharedCounter");
    context.passGate(EventKind::CounterValue, m_object,
                     context.gate().isStepping() ? Tr::tr("write %1 = %2").arg(m_name).arg(value)
                                                 : QString(),
                     location);
    const qint64 overwritten = m_value.exchange(value, std::memory_order_relaxed);
    if (m_recording == Recording::EveryAccess)
        context.record(EventKind::CounterValue, location, m_object, value);

    const LastRead read = std::exchange(t_lastRead, LastRead {});
    if (read.counter != this || overwritten == read.value)
        return;
    // Another thread wrote between this thread's read and this write: its
    // update is gone.
    const qint64 number = m_overwrites.fetch_add(1, std::memory_order_relaxed) + 1;
    if (m_recording == Recording::LostUpdatesOnly && number > kMarkedLostUpdates)
        return;
    context.record(EventKind::Mark, location, m_object, overwritten - read.value,
                   context.recorder().intern(Tr::tr("lost update: read %1, wrote %2 over %3")
                                                 .arg(read.value)
                                                 .arg(value)
                                                 .arg(overwritten)),
                   Abnormal);
}

void SharedCounter::reset(qint64 value, std::source_location location)
{
    RunContext &context = RunContext::require("weft::SharedCounter");
    m_value.store(value, std::memory_order_relaxed);
    if (m_recording == Recording::EveryAccess)
        context.record(EventKind::CounterValue, location, m_object, value);
}

qint64 SharedCounter::markedOverwrites() const
{
    return m_recording == Recording::LostUpdatesOnly ? std::min(overwrites(), kMarkedLostUpdates)
                                                     : overwrites();
}

} // namespace weft
