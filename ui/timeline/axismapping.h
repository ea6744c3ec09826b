// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

namespace weft::ui {

// Which axis the timeline draws (View ▸ Axis) and the two-way mapping between
// the trace's real times and the times the view draws at. On the time axis
// both are the same; on the step axis the view draws StepOrder's mapped trace,
// while the playhead, scrubbing and tooltips keep speaking real times, so
// Playback, the output and the details panel need not know the axis.
class AxisMapping
{
public:
    void setTrace(const Trace &real);
    void setStepAxis(bool steps);
    bool isStepAxis() const { return m_steps; }

    const Trace &real() const { return m_real; }
    // What the view's model draws: the real trace, or its step-order map.
    const Trace &shown() const { return m_steps ? m_mapped : m_real; }

    // The step axis puts a real time at the column of the last event at or
    // before it (0 before the first event).
    qint64 toShown(qint64 realNs) const;
    // A column's real time: its event's; before the first, the start; past
    // the last (a live run's "now"), the end.
    qint64 toReal(qint64 shownNs) const;
    // A live run's "now" (real CLOCK_MONOTONIC ns; 0: not live) as the
    // shown model's live end: itself, or on the step axis the next column.
    qint64 shownLiveEnd(qint64 realNowNs) const;
    // A real duration between two shown times, for tooltips.
    qint64 realDuration(qint64 fromShownNs, qint64 toShownNs) const
    {
        return toReal(toShownNs) - toReal(fromShownNs);
    }

private:
    Trace m_real;
    Trace m_mapped;
    bool m_steps = false;
};

} // namespace weft::ui
