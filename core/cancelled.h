// SPDX-License-Identifier: MIT
#pragma once

namespace weft {

// Thrown by a traced primitive when the run is cancelled or times out, so a
// scenario thread unwinds from wherever it waits. Deliberately not derived
// from std::exception: scenario code catching std::exception must not swallow it.
struct Cancelled
{
};

} // namespace weft
