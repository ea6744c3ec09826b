// SPDX-License-Identifier: MIT
#include "recorderspill.h"

#include <QCoreApplication>
#include <QIODevice>
#include <algorithm>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::RecorderSpill)
};
} // namespace

RecorderSpill::RecorderSpill(Recorder &recorder, QIODevice *out, Chunks chunks,
                             std::size_t maxSpilledEvents)
    : m_recorder(recorder)
    , m_writer(out)
{
    if (chunks == Chunks::Free)
        m_recorder.setSpilling(maxSpilledEvents);
}

RecorderSpill::~RecorderSpill()
{
    stop();
}

void RecorderSpill::start(const TraceMetadata &metadata)
{
    if (!m_writer.begin(metadata))
        fail(m_writer.errorString());
    m_thread = std::thread([this] { run(); });
}

void RecorderSpill::stop()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RecorderSpill::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kPeriod, [this] { return m_stopping; })) {
        lock.unlock();
        pass(false);
        lock.lock();
    }
}

void RecorderSpill::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = Tr::tr("the trace could not be written: %1").arg(message);
}

void RecorderSpill::pass(bool everything)
{
    m_taken.clear();
    m_recorder.takeSettled(kWindowNs, everything, m_taken);
    // After the events: every id they refer to is in the tables by now.
    m_recorder.updateTables(m_tables);
    if (m_taken.empty())
        return;
    // As snapshot() orders them: by time, on a tie by thread, then as recorded.
    std::stable_sort(m_taken.begin(), m_taken.end(),
                     [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
    // A file that cannot be written still frees the recorder's memory: what
    // cannot be written is lost, and the error says so.
    if (!m_failed && !m_writer.append(m_tables, m_taken.data(), m_taken.size()))
        fail(m_writer.errorString());
    if (!m_failed)
        m_events.fetch_add(m_taken.size(), std::memory_order_relaxed);
    // A burst leaves a large buffer behind: give it back.
    if (m_taken.capacity() > TraceStreamWriter::kEventsPerBlock * 4)
        m_taken = {};
}

Trace RecorderSpill::finish(const TraceMetadata &metadata, const Schedule &schedule)
{
    stop();
    pass(true);
    m_tables.metadata() = metadata;
    m_tables.metadata().droppedEvents = m_recorder.droppedCount();
    m_tables.setSchedule(schedule);
    if (!m_failed && !m_writer.finish(m_tables))
        fail(m_writer.errorString());
    return m_tables.build();
}

} // namespace weft
