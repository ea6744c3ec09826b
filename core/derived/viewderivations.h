// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

namespace weft {

// Derives, into the trace's shared cache (Trace::derived), what every view of
// a trace reads as soon as it is shown: its lanes' states, its slices and its
// arrows. A loading thread calls it, so that the window, which asks for the
// same on its own thread, finds them derived (at 10 M events, about a second
// of work taken off the window). Uses a second thread for half of it.
void deriveForViews(const Trace &trace);

} // namespace weft
