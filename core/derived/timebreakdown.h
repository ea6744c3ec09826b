// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/tracestates.h"

#include <array>
#include <utility>
#include <vector>

namespace weft {

// Where one lane's (or one process's) time went within a range: how long it
// lived there, and how much of that it spent in each state, with its time
// blocked on locks split per lock (a GIL is a lock like any other, so "waiting
// for the GIL" is its own entry).
struct LaneTime
{
    quint32 actor = 0; // 0 for a process's sum
    quint32 process = 0; // ActorInfo::process
    qint64 livedNs = 0; // the lane's life within the range; time after it finished is not counted
    std::array<qint64, std::size_t(LaneState::Count)> inState {}; // Finished stays 0
    std::vector<std::pair<quint32, qint64>> blockedOn; // lock -> ns, by lock id

    qint64 in(LaneState state) const { return inState[std::size_t(state)]; }
    qint64 blockedOnLock(quint32 lock) const;
};

// The per-thread account of time the breakdown table, its bar and its CSV
// show, read from the one derivation of lane states every view shares
// (TraceStates), so the numbers add up to what the timeline draws: for each
// lane, the states' times sum to livedNs, and the per-lock times to the
// BlockedOnLock time.
class TimeBreakdown
{
public:
    // The range [fromNs, toNs]; the whole run is [trace.startNs(), trace.endNs()].
    TimeBreakdown(const Trace &trace, const TraceStates &states, qint64 fromNs, qint64 toNs);
    // Every lane that records what it does, by actor id.
    const std::vector<LaneTime> &lanes() const { return m_lanes; }
    // The lanes summed per process, by process id; lanes of no known process are left out.
    std::vector<LaneTime> processes() const;

    qint64 fromNs() const { return m_fromNs; }
    qint64 toNs() const { return m_toNs; }

private:
    std::vector<LaneTime> m_lanes;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
};

} // namespace weft
