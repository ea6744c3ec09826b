#!/usr/bin/env bash
# Fails if a C++ file differs from what clang-format makes of it (.clang-format)
# or lacks its SPDX licence line. `scripts/check-format.sh --fix` rewrites the
# files instead. The version is pinned (Debian 12's clang-format 14): another
# version formats some constructs differently.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FORMAT=clang-format-14
if ! command -v "$FORMAT" >/dev/null; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -qq clang-format-14 >/dev/null 2>&1 \
        || { $sudo apt-get update -qq && $sudo apt-get install -y -qq clang-format-14 >/dev/null; }
fi
# Test fixtures keep their layout: tests name their lines.
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v -e '/fixtures/' -e '/data/')
if [ "${1:-}" = "--fix" ]; then
    "$FORMAT" -i "${files[@]}"
    exit 0
fi
status=0
for f in "${files[@]}"; do
    if ! head -n 3 "$f" | grep -q "SPDX-License-Identifier:"; then
        echo "$f: no SPDX-License-Identifier line at the top" >&2
        status=1
    fi
done
if ! "$FORMAT" --dry-run --Werror "${files[@]}" 2>/tmp/weft-format.log; then
    grep -m 20 "error:" /tmp/weft-format.log >&2 || true
    echo "clang-format: $(grep -c 'error:' /tmp/weft-format.log) places differ; run scripts/check-format.sh --fix" >&2
    status=1
fi
exit $status
