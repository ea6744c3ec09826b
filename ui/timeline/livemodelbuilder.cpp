// SPDX-License-Identifier: MIT
#include "livemodelbuilder.h"

#include <utility>

namespace weft::ui {

LiveModelBuilder::LiveModelBuilder(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("weft-live-model"));
    m_worker.moveToThread(&m_thread);
    m_thread.start();
}

LiveModelBuilder::~LiveModelBuilder()
{
    // Posted derivations not yet started are dropped with the event loop; the
    // one running finishes first, and its result, posted to this object, is
    // discarded with it.
    m_thread.quit();
    m_thread.wait();
}

quint64 LiveModelBuilder::request(const Trace &real, bool stepAxis, qint64 liveEndNs)
{
    const quint64 ticket = m_nextTicket++;
    m_waiting = Request {ticket, real, stepAxis, liveEndNs};
    startNext();
    return ticket;
}

void LiveModelBuilder::discardPending()
{
    m_waiting.reset();
    m_firstDelivered = m_nextTicket;
    QMetaObject::invokeMethod(
        &m_worker, [this] { m_spare.reset(); }, Qt::QueuedConnection);
}

void LiveModelBuilder::recycle(std::shared_ptr<DerivedSnapshot> done)
{
    QMetaObject::invokeMethod(
        &m_worker,
        [this, done = std::move(done)]() mutable {
            // Only a live run's next snapshot can extend it (TraceLineage);
            // another trace's model would only hold its memory.
            if (done && done->model.trace().lineage().series != 0)
                m_spare = std::move(done);
            else
                done.reset();
        },
        Qt::QueuedConnection);
}

void LiveModelBuilder::startNext()
{
    if (m_running || !m_waiting)
        return;
    Request next = std::move(*m_waiting);
    m_waiting.reset();
    m_running = true;
    // The worker only reads the snapshot (a Trace's data is immutable and
    // shared by reference count) and writes a model nobody else sees until it
    // is posted back here.
    QMetaObject::invokeMethod(
        &m_worker,
        [this, next = std::move(next)] {
            auto snapshot = DerivedSnapshot::of(next.real, next.stepAxis, next.liveEndNs,
                                                std::exchange(m_spare, nullptr));
            QMetaObject::invokeMethod(
                this, [this, ticket = next.ticket, snapshot] { finished(ticket, snapshot); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LiveModelBuilder::finished(quint64 ticket, const std::shared_ptr<DerivedSnapshot> &snapshot)
{
    m_running = false;
    if (ticket >= m_firstDelivered)
        Q_EMIT derived(ticket, snapshot);
    else
        recycle(snapshot);
    startNext();
}

} // namespace weft::ui
