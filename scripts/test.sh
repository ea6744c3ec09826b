#!/usr/bin/env bash
# One command: install what is missing, build, and run every test headless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$WEFT_BUILD"
# Every test runs once, without retries. Scenario tests run real threads,
# processes and sockets, yet assert only what holds under any scheduling; an
# order they check is forced through the step gates. A failure, even a rare
# one, is a defect to fix (in the test or in the code), not noise to re-run.
ctest --output-on-failure --parallel "$(nproc)" ${WEFT_CTEST_ARGS:-}
