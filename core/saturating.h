// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <limits>

namespace weft {

// Times and durations read from a file may be anything; arithmetic on them
// clamps to qint64's range instead of overflowing (undefined behaviour).
inline qint64 saturatingSub(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (!__builtin_sub_overflow(a, b, &result))
        return result;
    return b > 0 ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
}

inline qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (!__builtin_add_overflow(a, b, &result))
        return result;
    return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
}

} // namespace weft
