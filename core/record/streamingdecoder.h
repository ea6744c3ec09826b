// SPDX-License-Identifier: MIT
#pragma once

#include "chunkreader.h"
#include "core/tracestreamwriter.h"
#include "recordingdecoder.h"

#include <QStringList>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <thread>

class QIODevice;

namespace weft::record {

// Decodes a recording while the program runs and writes its events to a
// .weft stream (TraceStreamWriter) behind a watermark, so memory is bounded
// by a window of records, not by the length of the run: a thread of its own
// reads the chunks the drainer adds (deleting those it has read), merges the
// threads' records by time up to `now - kSettleNs` (a record is in a chunk
// within about a millisecond of its time stamp), hands each to the decoder
// kLookaheadNs later (so a thread's creation finds the new thread's first
// record) and writes the events that nothing can come before any more.
//
// Python programs are decoded at the end instead (ProgramRecorder): finding
// the GIL looks at records from before it was found.
class StreamingDecoder
{
public:
    // out may be null: the events are decoded (for the outcome) and dropped.
    StreamingDecoder(QString directory, QIODevice *out, const ProgramEnd &start);
    ~StreamingDecoder(); // stops the thread; the file is left cut short

    // begin(), then a thread that decodes up to `now - kSettleNs` every kPeriod.
    void start();
    // Without start() (tests): the file's header, then steps on the calling
    // thread, each reading what is new and decoding and writing up to settledNs.
    void begin();
    void decodeUpTo(qint64 settledNs) { step(settledNs, false); }
    // Once the drainer's last pass is done: the rest of the records, the ends,
    // the end block. The returned trace has the tables and the outcome, not
    // the events (they are in the file).
    Trace finish(const ProgramEnd &end);

    // After finish().
    quint64 eventsWritten() const { return m_events; }
    bool failed() const { return m_failed; }
    QStringList warnings() const { return m_warnings; }
    quint64 droppedEvents() const { return m_reader.droppedEvents(); }
    bool sawProcess(qint64 pid) const { return m_sawPids.count(pid) > 0; }
    // Records the decoder held at most at once (the window), for the bench.
    std::size_t peakWindow() const { return m_peakWindow; }

    static constexpr qint64 kSettleNs = 50'000'000;
    static constexpr qint64 kLookaheadNs = 50'000'000;
    static constexpr std::chrono::milliseconds kPeriod {20};
    // Records read of one thread per step: what bounds the window when the
    // program records faster than the decoder keeps up (the rest waits in
    // the chunk files; the drainer does not wait for us).
    static constexpr std::uint32_t kBatch = 65536;

private:
    void run();
    // Reads what is new and decodes and writes up to `settledNs`.
    // True if everything the chunks held was read.
    bool step(qint64 settledNs, bool final);
    void writeEvents(qint64 beforeNs);
    void fail(const QString &message);

    ChunkReader m_reader;
    QIODevice *m_out;
    TraceStreamWriter m_writer;
    RecordingDecoder m_decoder;
    ProgramEnd m_start;
    // Per (pid, tid): records read, not yet merged (each thread's in order).
    std::map<std::pair<qint32, qint32>, std::deque<RawEvent>> m_queues;
    // Merged in time order and prepared, not yet handled.
    std::deque<RawEvent> m_merged;
    qint64 m_mergedNs = std::numeric_limits<qint64>::min();
    std::size_t m_window = 0, m_peakWindow = 0;
    quint64 m_late = 0;
    quint64 m_events = 0;
    // Events taken from the decoder not yet written (sorted by time, stably).
    std::vector<Event> m_held;
    std::set<qint64> m_sawPids;
    QStringList m_warnings;
    bool m_failed = false;

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace weft::record
