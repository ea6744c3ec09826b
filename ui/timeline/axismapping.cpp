// SPDX-License-Identifier: MIT
#include "axismapping.h"

#include "core/derived/steporder.h"

#include <algorithm>

namespace weft::ui {

void AxisMapping::setTrace(const Trace &real)
{
    m_real = real;
    // Mapped only while the step axis is on: a free run's live updates pay nothing.
    m_mapped = m_steps ? StepOrder::map(real) : Trace();
}

void AxisMapping::setStepAxis(bool steps)
{
    if (steps == m_steps)
        return;
    m_steps = steps;
    m_mapped = m_steps ? StepOrder::map(m_real) : Trace();
}

qint64 AxisMapping::toShown(qint64 realNs) const
{
    if (!m_steps)
        return realNs;
    const std::vector<Event> &events = m_real.events();
    const auto after = std::upper_bound(events.begin(), events.end(), realNs,
                                        [](qint64 t, const Event &e) { return t < e.timeNs; });
    return StepOrder::timeOfStep(after - events.begin());
}

qint64 AxisMapping::toReal(qint64 shownNs) const
{
    if (!m_steps)
        return shownNs;
    const std::vector<Event> &events = m_real.events();
    if (events.empty())
        return 0;
    const qint64 step = StepOrder::stepAt(shownNs);
    if (step < 1)
        return events.front().timeNs;
    if (step > qint64(events.size()))
        return events.back().timeNs;
    return events[std::size_t(step - 1)].timeNs;
}

qint64 AxisMapping::shownLiveEnd(qint64 realNowNs) const
{
    return realNowNs && m_steps ? StepOrder::liveEnd(shown()) : realNowNs;
}

} // namespace weft::ui
