#!/usr/bin/env bash
# One command: install what is missing, build, and run every test headless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$WEFT_BUILD"
ctest --output-on-failure --parallel "$(nproc)" ${WEFT_CTEST_ARGS:-}
