// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace weft {

// One small unit of CPU-bound work (some tens of microseconds): the stand-in
// for a stretch of Python bytecode between two checks of the GIL's drop
// request. Linear congruential steps; the empty asm makes each step's result
// "used", so the compiler can neither fold the loop nor drop it when the
// caller ignores the result.
inline quint64 cpuWorkUnit(quint64 state)
{
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
#if defined(__GNUC__)
        asm volatile("" : "+r"(state));
#endif
    }
    return state;
}

} // namespace weft
