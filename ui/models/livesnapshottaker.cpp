// SPDX-License-Identifier: MIT
#include "livesnapshottaker.h"

namespace weft::ui {

LiveSnapshotTaker::LiveSnapshotTaker(std::function<Trace()> take, QObject *parent)
    : QObject(parent)
    , m_take(std::move(take))
{
    m_thread.setObjectName(QStringLiteral("weft-live-snapshot"));
    m_worker.moveToThread(&m_thread);
    m_thread.start();
}

LiveSnapshotTaker::~LiveSnapshotTaker()
{
    // The snapshot being taken finishes first; its result, posted to this
    // object, is dropped with it.
    m_thread.quit();
    m_thread.wait();
}

void LiveSnapshotTaker::request()
{
    if (m_busy)
        return;
    m_busy = true;
    QMetaObject::invokeMethod(
        &m_worker,
        [this, generation = m_generation] {
            Trace trace = m_take();
            QMetaObject::invokeMethod(
                this, [this, generation, trace] { finished(generation, trace); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LiveSnapshotTaker::discard()
{
    ++m_generation;
}

void LiveSnapshotTaker::finished(quint64 generation, const Trace &trace)
{
    m_busy = false;
    if (generation == m_generation)
        Q_EMIT taken(trace);
}

} // namespace weft::ui
