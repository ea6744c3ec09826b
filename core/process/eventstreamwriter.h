// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace weft {

class Recorder;

// Worker side of the event stream: sends a child process's recording to its
// parent as it happens, so one trace holds every process.
//
// The stream is a sequence of frames [type:u8][length:u32 BE][payload]:
// table entries (actors, objects, strings, sites), always before the events
// that use them, and batches of raw 32-byte Events with the child's own ids
// and CLOCK_MONOTONIC timestamps. See EventStreamReader for the other end.
class EventStreamWriter
{
public:
    enum class FrameType : quint8 { Actor = 1, Object, String, Site, Events };

    explicit EventStreamWriter(const Recorder &recorder);
    ~EventStreamWriter();
    EventStreamWriter(const EventStreamWriter &) = delete;
    EventStreamWriter &operator=(const EventStreamWriter &) = delete;

    // Everything recorded since the previous call, as frames. Each thread's
    // events come in the order it recorded them.
    QByteArray encodePending();

    // Writes encodePending() to fd every interval from a background thread.
    void start(int fd, std::chrono::milliseconds interval);
    // Writes what is left and stops the thread; safe to call twice.
    void stop();

    static QByteArray frame(FrameType type, const QByteArray &payload);

private:
    void writeAll(const QByteArray &bytes);

    const Recorder &m_recorder;
    int m_sentActors = 0;
    int m_sentObjects = 0;
    int m_sentStrings = 0;
    int m_sentSites = 0;
    // Per lane, how many of its events were sent. A lane's events are
    // recorded by one thread in time order, so the unsent ones are a suffix.
    QHash<quint32, qsizetype> m_sentPerActor;

    std::mutex m_mutex; // serialises encodePending() between the thread and stop()
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_fd = -1;
    std::thread m_thread;
};

} // namespace weft
