// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <mutex>
#include <source_location>

namespace weft {

// A number drawn as a counter track of its own (a queue's depth, a value a
// manager process holds): each change records the new value as a
// CounterValue with the caller's line, so the code panel shows the line that
// changed it. Creating the track records nothing; its first change draws its
// first step.
//
// Safe to change from several threads: a change and its record happen under
// one lock, so the track's steps are in the order the value took them.
class CounterTrack
{
public:
    explicit CounterTrack(const QString &name, qint64 initial = 0);
    CounterTrack(const CounterTrack &) = delete;
    CounterTrack &operator=(const CounterTrack &) = delete;

    void set(qint64 value, std::source_location location = std::source_location::current());
    // Adds `delta` and returns the new value.
    qint64 add(qint64 delta, std::source_location location = std::source_location::current());
    qint64 value() const;
    quint32 object() const { return m_object; }

private:
    quint32 m_object = 0;
    mutable std::mutex m_mutex;
    qint64 m_value = 0;
};

} // namespace weft
