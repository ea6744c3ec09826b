// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <chrono>
#include <cstdint>
#include <limits>

namespace weft {

// One clock for every process on the machine (CLOCK_MONOTONIC on Linux), so a
// child's events merge into the parent's trace without skew correction.
inline qint64 monotonicNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A tick count and the CLOCK_MONOTONIC time that belong to one moment: a
// point of the line that maps a fast tick counter (the TSC) onto the clock.
struct ClockPair
{
    std::uint64_t ticks = 0;
    std::int64_t ns = 0;
};

// Reads the clock between two tick reads and pairs it with their midpoint,
// `attempts` times, and keeps the tightest bracket. A thread preempted between
// its two tick reads gets a wide bracket whose midpoint can be off by half the
// preemption, and every event mapped through the pair is off with it: under a
// busy host that put a child process's receives before the parent's sends.
template<typename ReadTicks, typename ReadNs>
ClockPair tightestClockPair(ReadTicks readTicks, ReadNs readNs, int attempts = 3)
{
    ClockPair best;
    std::uint64_t bestWidth = std::numeric_limits<std::uint64_t>::max();
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const std::uint64_t before = readTicks();
        const std::int64_t ns = readNs();
        const std::uint64_t after = readTicks();
        if (after - before < bestWidth) {
            bestWidth = after - before;
            best = {before + (after - before) / 2, ns};
        }
    }
    return best;
}

} // namespace weft
