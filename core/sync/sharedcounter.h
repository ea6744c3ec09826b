// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <atomic>
#include <source_location>

namespace weft {

// A shared integer that threads read and write back without a lock: the
// `counter` of the lost-update lessons, where `counter += 1` is really
// `value = counter` and then `counter = value + 1`.
//
// read() and write() are two separate steps, each passing the step gate first,
// so a learner can stop one thread between them and let another one in. The
// race is real but defined: the value is a std::atomic read and written with
// relaxed order, so there is no undefined behaviour (ThreadSanitizer stays
// quiet) and nothing orders the threads either. write() stores with
// exchange(), which writes exactly as a plain store does and also returns what
// it overwrote: if that is not what the writing thread last read, another
// thread's update was written over and is lost.
//
// Recorded on an ObjectKind::Counter object, on the calling thread's lane with
// the caller's source line: a read as a Mark ("read counter = 4", value = what
// was read), a write as a CounterValue (value = what was written), and a lost
// update as an abnormal Mark (value = what it overwrote minus what its thread
// had read: the other threads' increments it erased).
class SharedCounter
{
public:
    enum class Recording {
        EveryAccess, // every read, write and lost update
        // Only the first kMarkedLostUpdates lost updates; the rest are only
        // counted. For a million increments, which would bury the timeline.
        LostUpdatesOnly,
    };
    static constexpr qint64 kMarkedLostUpdates = 500;

    explicit SharedCounter(QString name = {}, Recording recording = Recording::EveryAccess);
    SharedCounter(const SharedCounter &) = delete;
    SharedCounter &operator=(const SharedCounter &) = delete;

    // `value = counter`
    qint64 read(std::source_location location = std::source_location::current());
    // `counter = value`; a lost update if the counter changed since this thread's read().
    void write(qint64 value, std::source_location location = std::source_location::current());
    // Sets the value while no other thread uses the counter (before the threads
    // start, or between rounds): recorded as a write, but not a step of the
    // race, so it passes no gate.
    void reset(qint64 value = 0, std::source_location location = std::source_location::current());

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }
    // Unrecorded, for the outcome once the threads have been joined.
    qint64 value() const { return m_value.load(std::memory_order_relaxed); }
    // Writes that overwrote another value than the one their thread had read.
    qint64 overwrites() const { return m_overwrites.load(std::memory_order_relaxed); }
    // How many of those are marked on the timeline.
    qint64 markedOverwrites() const;

private:
    QString m_name;
    quint32 m_object = 0;
    const Recording m_recording;
    std::atomic<qint64> m_value {0};
    std::atomic<qint64> m_overwrites {0};
};

} // namespace weft
