// SPDX-License-Identifier: MIT
#pragma once

#include "recorder.h"
#include "tracebuilder.h"
#include "tracestreamwriter.h"

#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

class QIODevice;

namespace weft {

// Writes a Recorder's events to a .weft stream while the run goes, so the
// recorder's memory is bounded by a window, not by the length of the run: a
// thread of its own takes, every kPeriod, the events stamped at least
// kWindowNs before now (a thread may still be appending a stamp it read a
// moment ago), sorts them by time as snapshot() would and appends them as
// blocks (TraceStreamWriter); the recorder frees the chunks taken whole. The
// tables go before the events that refer to them; lanes whose native id was
// set later are written again. A run killed midway leaves a file that opens
// up to its last whole block.
class RecorderSpill
{
public:
    // Keep: the chunks written stay in the recorder (a test compares the
    // file with a snapshot of the same run).
    enum class Chunks { Free, Keep };

    // Before the recorder records anything. out may not be null.
    RecorderSpill(Recorder &recorder, QIODevice *out, Chunks chunks = Chunks::Free,
                  std::size_t maxSpilledEvents = Recorder::kDefaultMaxSpilledEvents);
    ~RecorderSpill(); // stops the thread; the file is left cut short
    RecorderSpill(const RecorderSpill &) = delete;
    RecorderSpill &operator=(const RecorderSpill &) = delete;

    // The header (with `metadata`: a cut file shows its title), then the thread.
    void start(const TraceMetadata &metadata);
    // Once every recording thread has stopped: stops the thread, writes the
    // rest, the tables, `metadata` and `schedule`, and the end block. The
    // returned trace has the tables and the metadata, not the events (they
    // are in the file: eventsWritten()).
    Trace finish(const TraceMetadata &metadata, const Schedule &schedule);
    // Stops the thread; nothing more is written (the run's trace went elsewhere).
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    // From any thread, at any time.
    quint64 eventsWritten() const { return m_events.load(std::memory_order_relaxed); }
    // After finish() or stop().
    bool failed() const { return m_failed; }
    QString errorString() const { return m_error; }

    static constexpr qint64 kWindowNs = 50'000'000;
    static constexpr std::chrono::milliseconds kPeriod {20};

private:
    void run();
    // Takes what settled (everything, if `everything`) and writes it.
    void pass(bool everything);
    void fail(const QString &message);

    Recorder &m_recorder;
    TraceStreamWriter m_writer;
    TraceBuilder m_tables; // the recorder's tables as written
    std::vector<Event> m_taken; // reused from pass to pass
    std::atomic<quint64> m_events {0};
    bool m_failed = false;
    QString m_error;

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace weft
