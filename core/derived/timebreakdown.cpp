// SPDX-License-Identifier: MIT
#include "timebreakdown.h"

#include <algorithm>
#include <map>

namespace weft {

namespace {
void addBlocked(std::vector<std::pair<quint32, qint64>> &blocked, quint32 lock, qint64 ns)
{
    const auto at = std::lower_bound(blocked.begin(), blocked.end(), lock,
                                     [](const auto &entry, quint32 l) { return entry.first < l; });
    if (at != blocked.end() && at->first == lock)
        at->second += ns;
    else
        blocked.insert(at, {lock, ns});
}

void addInto(LaneTime &sum, const LaneTime &lane)
{
    sum.livedNs += lane.livedNs;
    for (std::size_t s = 0; s < sum.inState.size(); ++s)
        sum.inState[s] += lane.inState[s];
    for (const auto &[lock, ns] : lane.blockedOn)
        addBlocked(sum.blockedOn, lock, ns);
}
} // namespace

qint64 LaneTime::blockedOnLock(quint32 lock) const
{
    for (const auto &[l, ns] : blockedOn) {
        if (l == lock)
            return ns;
    }
    return 0;
}

TimeBreakdown::TimeBreakdown(const Trace &trace, const TraceStates &states, qint64 fromNs,
                             qint64 toNs)
    : m_fromNs(fromNs)
    , m_toNs(std::max(fromNs, toNs))
{
    for (const TraceStates::Lane &lane : states.lanes()) {
        // Lanes of slices only (as other tools write them) say nothing of their states.
        if (lane.actor == 0 || !lane.statesKnown)
            continue;
        LaneTime time;
        time.actor = lane.actor;
        time.process = trace.actor(lane.actor).process;
        for (const StateSpan &span : lane.spans) {
            if (span.state == LaneState::Finished)
                continue;
            const qint64 ns = std::min(span.endNs, m_toNs) - std::max(span.startNs, m_fromNs);
            if (ns <= 0)
                continue;
            time.inState[std::size_t(span.state)] += ns;
            time.livedNs += ns;
            if (span.state == LaneState::BlockedOnLock)
                addBlocked(time.blockedOn, span.object, ns);
        }
        m_lanes.push_back(std::move(time));
    }
}

std::vector<LaneTime> TimeBreakdown::processes() const
{
    std::map<quint32, LaneTime> byProcess;
    for (const LaneTime &lane : m_lanes) {
        if (lane.process == 0)
            continue;
        LaneTime &sum = byProcess[lane.process];
        sum.process = lane.process;
        addInto(sum, lane);
    }
    std::vector<LaneTime> result;
    result.reserve(byProcess.size());
    for (auto &[process, sum] : byProcess)
        result.push_back(std::move(sum));
    return result;
}

} // namespace weft
