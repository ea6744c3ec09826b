// SPDX-License-Identifier: MIT
#pragma once

namespace weft {
class RunContext;
}

namespace weft::testsupport {

// Small lessons for FunctionScenario, shared by the tests that step and replay them.

// Two threads take one lock; each prints while holding it, and once more after;
// main joins both. (The last print keeps a releasing thread at a gate while the
// waiter wakes, so every event is ordered by the steps: nothing two threads do
// is left to chance.)
void twoThreadsOneLock(RunContext &context);

} // namespace weft::testsupport
