// SPDX-License-Identifier: MIT
#include "streamingdecoder.h"

#include "core/clock.h"
#include "core/tracebuilder.h"

#include <QCoreApplication>
#include <QIODevice>
#include <algorithm>

namespace weft::record {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::record::StreamingDecoder)
};
} // namespace

StreamingDecoder::StreamingDecoder(QString directory, QIODevice *out, const ProgramEnd &start)
    : m_reader(std::move(directory))
    , m_out(out)
    , m_writer(out)
    , m_start(start)
{
}

StreamingDecoder::~StreamingDecoder()
{
    if (m_thread.joinable()) {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
}

void StreamingDecoder::begin()
{
    m_decoder.begin(m_start);
    if (m_out && !m_writer.begin(m_decoder.builder().metadata()))
        fail(m_writer.errorString());
}

void StreamingDecoder::start()
{
    begin();
    m_thread = std::thread([this] { run(); });
}

void StreamingDecoder::run()
{
    std::unique_lock lock(m_mutex);
    bool caughtUp = true;
    // Behind (a batch was left unread): on at once; else a pause.
    while (caughtUp ? !m_wake.wait_for(lock, kPeriod, [this] { return m_stopping; })
                    : !m_stopping) {
        lock.unlock();
        caughtUp = step(monotonicNowNs() - kSettleNs, false);
        lock.lock();
    }
}

void StreamingDecoder::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_warnings.append(Tr::tr("the trace could not be written: %1").arg(message));
}

bool StreamingDecoder::step(qint64 settledNs, bool final)
{
    qint64 behindNs = 0;
    // A thread whose records wait here by the batch is not read further: the
    // others catch up, the merge takes its records, and memory stays bounded
    // when the program records faster than this thread decodes.
    const auto full = [this](qint32 pid, qint32 tid) {
        const auto queue = m_queues.find({pid, tid});
        return queue != m_queues.end() && queue->second.size() >= kBatch;
    };
    std::vector<RawEvent> records = m_reader.readNew(final, kBatch, full, &behindNs);
    // A thread with records still unread: nothing after the last one read
    // of it is settled; the last pass is the one that read everything.
    const bool caughtUp = behindNs == std::numeric_limits<qint64>::max();
    settledNs = std::min(settledNs, behindNs);
    final = final && caughtUp;
    for (RawEvent &raw : records) {
        if (raw.record.timeNs < m_mergedNs)
            ++m_late; // its thread was held up longer than kSettleNs: decoded out of order
        m_sawPids.insert(raw.pid);
        m_queues[{raw.pid, raw.record.tid}].push_back(std::move(raw));
    }
    m_window += records.size();
    m_peakWindow = std::max(m_peakWindow, m_window);
    records = {};

    // Merge the threads' records by time, as RecordingDecoder::decode does
    // (on a tie the lower pid and tid first), up to the settled time.
    using Queue = decltype(m_queues)::iterator;
    const auto later = [](const Queue &a, const Queue &b) {
        const qint64 ta = a->second.front().record.timeNs, tb = b->second.front().record.timeNs;
        return ta != tb ? ta > tb : a->first > b->first;
    };
    std::vector<Queue> heap;
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it)
        if (!it->second.empty())
            heap.push_back(it);
    std::make_heap(heap.begin(), heap.end(), later);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const Queue queue = heap.back();
        if (!final && queue->second.front().record.timeNs > settledNs)
            break;
        m_decoder.prepare(queue->second.front());
        m_mergedNs = std::max<qint64>(m_mergedNs, queue->second.front().record.timeNs);
        m_merged.push_back(std::move(queue->second.front()));
        queue->second.pop_front();
        if (queue->second.empty())
            heap.pop_back();
        else
            std::push_heap(heap.begin(), heap.end(), later);
    }
    // Threads that ended leave empty queues behind.
    for (auto it = m_queues.begin(); it != m_queues.end();)
        it = it->second.empty() ? m_queues.erase(it) : std::next(it);

    // Handle what every record it might look ahead to has been merged for.
    const qint64 handledNs = final ? std::numeric_limits<qint64>::max()
                                   : (settledNs < std::numeric_limits<qint64>::min() + kLookaheadNs
                                          ? std::numeric_limits<qint64>::min()
                                          : settledNs - kLookaheadNs);
    while (!m_merged.empty() && m_merged.front().record.timeNs <= handledNs) {
        m_decoder.handle(m_merged.front());
        m_merged.pop_front();
        --m_window;
    }
    if (!final)
        writeEvents(std::min(handledNs, m_decoder.heldBackNs() - 1));
    return caughtUp;
}

void StreamingDecoder::writeEvents(qint64 lastNs)
{
    // Taken in the order they were added, then sorted stably by time behind
    // the ones held from before (added earlier): the file's events come out
    // in the order TraceBuilder::build() would have put them in.
    std::vector<Event> taken = m_decoder.builder().takeEvents();
    const auto earlier = [](const Event &a, const Event &b) {
        return a.timeNs < b.timeNs;
    };
    std::stable_sort(taken.begin(), taken.end(), earlier);
    const std::size_t held = m_held.size();
    m_held.insert(m_held.end(), taken.begin(), taken.end());
    std::inplace_merge(m_held.begin(), m_held.begin() + std::ptrdiff_t(held), m_held.end(),
                       earlier);
    const auto end = std::upper_bound(m_held.begin(), m_held.end(), lastNs,
                                      [](qint64 ns, const Event &e) { return ns < e.timeNs; });
    const std::size_t count = std::size_t(end - m_held.begin());
    if (count == 0)
        return;
    if (m_out && !m_failed && !m_writer.append(m_decoder.builder(), m_held.data(), count))
        fail(m_writer.errorString());
    m_events += count;
    m_held.erase(m_held.begin(), end);
}

Trace StreamingDecoder::finish(const ProgramEnd &end)
{
    if (m_thread.joinable()) {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    while (!step(std::numeric_limits<qint64>::max(), true)) { }
    m_decoder.finish(end);
    TraceBuilder &builder = m_decoder.builder();
    builder.metadata().droppedEvents += m_reader.droppedEvents();
    // The ends (exits, a standing deadlock) may be earlier than events
    // written already: the reader sorts them in.
    writeEvents(std::numeric_limits<qint64>::max());
    if (m_out && !m_failed && !m_writer.finish(builder))
        fail(m_writer.errorString());
    m_warnings += m_reader.warnings();
    m_warnings += m_decoder.warnings();
    if (m_late > 0)
        m_warnings.append(Tr::tr("%n record(s) reached Weft late and were decoded out of order",
                                 nullptr,
                                 int(std::min<quint64>(m_late, std::numeric_limits<int>::max()))));
    return builder.build();
}

} // namespace weft::record
