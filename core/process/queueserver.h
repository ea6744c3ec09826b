// SPDX-License-Identifier: MIT
#pragma once

#include "core/thread.h"
#include "framedsocket.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace weft {

// What a queue's server did, counted as it happened.
struct QueueStats
{
    qint64 puts = 0; // items accepted
    qint64 gets = 0; // items handed out
    qint64 maxDepth = 0; // most items held at once
    qint64 blockedPuts = 0; // puts that had to wait for room
    qint64 blockedGets = 0; // gets that had to wait for an item
};

// The lane that holds a Queue's items: serves put/get requests from every
// connected client (in this process or a worker), keeps at most maxSize
// items, parks a put on a full queue and a get on an empty one until they can
// be answered, and records the depth as a counter track.
class QueueServer : public Thread
{
public:
    QueueServer(QString name, quint32 depthCounter, int maxSize);
    ~QueueServer() override;

    // Hands a connected socket to the server (picked up within one poll slice).
    void addClient(FramedSocket socket);
    void requestStop() { m_stop.store(true); }
    QueueStats stats() const;

protected:
    void run() override;

private:
    struct State;
    void serveOne(State &state, std::size_t client, const QByteArray &request);
    void reply(State &state, std::size_t client, const QByteArray &frame);
    void dropClient(State &state, std::size_t client);
    void recordDepth(const State &state);

    const quint32 m_depthCounter;
    const int m_maxSize;
    std::atomic<bool> m_stop {false};
    mutable std::mutex m_mutex;
    std::condition_variable m_loopDone;
    bool m_loopExited = false;
    std::vector<FramedSocket> m_incoming;
    QueueStats m_stats;
};

} // namespace weft
