// SPDX-License-Identifier: MIT
#include "zoomcontrol.h"

#include <algorithm>
#include <cmath>

namespace weft::ui {

ZoomControl::ZoomControl(QObject *parent)
    : QObject(parent)
{
}

bool ZoomControl::isFitAll() const
{
    return m_fitAll;
}

void ZoomControl::setTraceRange(qint64 startNs, qint64 endNs)
{
    if (endNs <= startNs)
        endNs = startNs + kMinWindowNs;
    m_traceStart = startNs;
    m_traceEnd = endNs;
    if (m_fitAll)
        applyFitAll();
    else
        apply(m_start, m_end); // re-clamp into the new range
}

void ZoomControl::setWindow(qint64 startNs, qint64 endNs)
{
    m_fitAll = false;
    apply(startNs, endNs);
}

void ZoomControl::zoomAbout(qint64 centerNs, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    centerNs = std::clamp(centerNs, m_start, m_end);
    const double newDuration = std::max(double(kMinWindowNs), double(windowDurationNs()) / factor);
    const double ratio = double(centerNs - m_start) / double(windowDurationNs());
    const qint64 start = centerNs - qint64(std::llround(newDuration * ratio));
    m_fitAll = false;
    apply(start, start + qint64(std::llround(newDuration)));
}

void ZoomControl::zoomIn()
{
    zoomAbout(m_start + windowDurationNs() / 2, kStepFactor);
}

void ZoomControl::zoomOut()
{
    zoomAbout(m_start + windowDurationNs() / 2, 1 / kStepFactor);
}

void ZoomControl::pan(qint64 deltaNs)
{
    m_fitAll = false;
    apply(m_start + deltaNs, m_end + deltaNs);
}

void ZoomControl::fitAll()
{
    m_fitAll = true;
    applyFitAll();
}

void ZoomControl::followEnd()
{
    if (m_fitAll) {
        applyFitAll();
        return;
    }
    const qint64 duration = windowDurationNs();
    apply(m_traceEnd - duration, m_traceEnd);
}

void ZoomControl::applyFitAll()
{
    // The room exports leave (TimelineRenderer): a thread's end, the playhead's
    // handle and a live run's front edge are then drawn whole, not cut in half
    // by the plot's border.
    const qint64 margin = fitAllMarginNs(m_traceEnd - m_traceStart);
    apply(m_traceStart - margin, m_traceEnd + margin);
}

void ZoomControl::apply(qint64 startNs, qint64 endNs)
{
    const qint64 traceDuration = m_traceEnd - m_traceStart;
    // A little slack on either side so the first and last events are not on the edge.
    const qint64 margin = traceDuration / 20;
    const qint64 lo = m_traceStart - margin, hi = m_traceEnd + margin;
    qint64 duration = std::clamp(endNs - startNs, kMinWindowNs, hi - lo);
    startNs = std::clamp(startNs, lo, hi - duration);
    endNs = startNs + duration;
    if (startNs == m_start && endNs == m_end)
        return;
    m_start = startNs;
    m_end = endNs;
    emit windowChanged(m_start, m_end);
}

} // namespace weft::ui
