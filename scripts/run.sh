#!/usr/bin/env bash
# One command: install what is missing, build, and launch Weft. Arguments go to weft.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec "$WEFT_BUILD/app/weft" "$@"
