// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"

#include <QList>

namespace weft {

// One gate passage granted while stepping: who went, to do what, from where.
struct ScheduleStep
{
    quint32 actor = 0;
    EventKind kind = EventKind::None;
    quint16 site = 0;

    friend bool operator==(const ScheduleStep &, const ScheduleStep &) = default;
};

// The interleaving a stepped run actually took: every passage through the step
// gate, in the order the gate let them through. Replaying it grants the same
// actors the same steps in the same order, which reproduces the interleaving
// because actor ids are assigned in creation order (deterministic under a
// fixed schedule).
class Schedule
{
public:
    Schedule() = default;

    bool isEmpty() const { return m_steps.isEmpty(); }
    qsizetype size() const { return m_steps.size(); }
    const QList<ScheduleStep> &steps() const { return m_steps; }
    const ScheduleStep &at(qsizetype i) const { return m_steps.at(i); }
    void append(const ScheduleStep &step) { m_steps.append(step); }

    // True if the user left step mode before the run ended: everything after
    // the last step ran freely, so a replay turns stepping off there too.
    bool leftStepMode() const { return m_leftStepMode; }
    void setLeftStepMode(bool left) { m_leftStepMode = left; }

    // Whether this run was stepped at all (a free run records no schedule).
    bool wasStepped() const { return !m_steps.isEmpty() || m_leftStepMode; }

    friend bool operator==(const Schedule &, const Schedule &) = default;

private:
    QList<ScheduleStep> m_steps;
    bool m_leftStepMode = false;
};

} // namespace weft
