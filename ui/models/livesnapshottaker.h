// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QObject>
#include <QThread>
#include <functional>

namespace weft::ui {

// Takes a live run's snapshots on a thread of its own. A snapshot copies the
// events recorded so far (Recorder::liveSnapshot(): ~15 ms at 1 M events here,
// a recording's chunks decoded again: more), which on the window's thread
// would hold up every 100 ms poll;
// here the window keeps showing the last snapshot, moving "now", until the
// next one arrives. One snapshot at a time: a request while one is being taken
// is dropped (the next poll asks again), so a slow snapshot never queues more.
class LiveSnapshotTaker : public QObject
{
    Q_OBJECT
public:
    // `take` runs on the worker thread: it must be safe to call from there.
    explicit LiveSnapshotTaker(std::function<Trace()> take, QObject *parent = nullptr);
    // Waits for the snapshot being taken (it is not interruptible).
    ~LiveSnapshotTaker() override;

    // Starts a snapshot unless one is being taken.
    void request();
    // Nothing requested so far is delivered: the run finished, or another began.
    void discard();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // On the thread that owns the taker, for the latest request not discarded.
    void taken(const weft::Trace &trace);

private:
    void finished(quint64 generation, const Trace &trace);

    std::function<Trace()> m_take;
    QThread m_thread;
    QObject m_worker; // lives in m_thread: what the snapshots are posted to
    bool m_busy = false;
    quint64 m_generation = 0; // bumped by discard(): older results are dropped
};

} // namespace weft::ui
