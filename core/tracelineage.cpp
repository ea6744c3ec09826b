// SPDX-License-Identifier: MIT
#include "tracelineage.h"

#include <algorithm>

namespace weft {

TraceLineage TraceLineage::next(std::size_t firstChanged) const
{
    TraceLineage after;
    after.series = series;
    after.generation = generation + 1;
    after.kept.reserve(kRemembered);
    after.kept.emplace_back(generation, firstChanged);
    for (const auto &[earlier, count] : kept) {
        if (after.kept.size() == kRemembered)
            break;
        after.kept.emplace_back(earlier, std::min(count, firstChanged));
    }
    return after;
}

} // namespace weft
