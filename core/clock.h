// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <chrono>

namespace weft {

// One clock for every process on the machine (CLOCK_MONOTONIC on Linux), so a
// child's events merge into the parent's trace without skew correction.
inline qint64 monotonicNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace weft
