// SPDX-License-Identifier: MIT
#pragma once

#include "derivedsnapshot.h"

#include <QObject>
#include <QThread>
#include <memory>
#include <optional>

namespace weft::ui {

// Derives a live run's snapshots on a worker thread, so that a poll costs the
// UI thread a swap instead of a derivation (~60 ms at 1 M events, most of a
// 100 ms poll). Only the latest request waits its turn: a snapshot superseded
// before the worker reaches it is never derived. Results come back on the
// thread that owns the builder, in request order, each with its ticket.
//
// The view hands back the model it showed before (recycle()); the worker
// keeps it and extends it with the next snapshot's new events
// (TimelineModel::setLiveTrace), two buffers taking turns, rather than
// deriving every snapshot whole.
class LiveModelBuilder : public QObject
{
    Q_OBJECT
public:
    explicit LiveModelBuilder(QObject *parent = nullptr);
    // Waits for the derivation in flight (it is not interruptible; at 10 M
    // events it takes about a second).
    ~LiveModelBuilder() override;

    // Queues the snapshot's derivation, reaching "now" (`liveEndNs`, on the
    // real clock); returns the ticket its result carries.
    quint64 request(const Trace &real, bool stepAxis, qint64 liveEndNs = 0);
    // Nothing requested so far is delivered: a finished run or a switched axis
    // has replaced what the view shows. The model kept to extend is freed.
    void discardPending();
    // A derivation is running or waiting.
    bool isBusy() const { return m_running || m_waiting.has_value(); }
    // Hands a model the view no longer needs to the worker, which keeps a
    // live run's to extend next and frees any other: freeing a million
    // events' lanes and flows is itself a few milliseconds.
    void recycle(std::shared_ptr<DerivedSnapshot> done);

Q_SIGNALS:
    void derived(quint64 ticket, const std::shared_ptr<DerivedSnapshot> &snapshot);

private:
    struct Request
    {
        quint64 ticket = 0;
        Trace real;
        bool stepAxis = false;
        qint64 liveEndNs = 0;
    };
    void startNext();
    void finished(quint64 ticket, const std::shared_ptr<DerivedSnapshot> &snapshot);

    QThread m_thread;
    QObject m_worker; // lives in m_thread: what the derivations are posted to
    std::optional<Request> m_waiting;
    // The worker's only: the model shown before the last one, extended next.
    std::shared_ptr<DerivedSnapshot> m_spare;
    bool m_running = false;
    quint64 m_nextTicket = 1;
    quint64 m_firstDelivered = 1; // tickets below this were discarded
};

} // namespace weft::ui
