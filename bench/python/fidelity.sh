#!/usr/bin/env bash
# Does recording change what CPython does? Runs bench/python/fidelity.py plain
# and under `weft record --python`, ROUNDS times each (interleaved, so load on
# this shared machine hits both alike), and prints each figure's median side by
# side with the recorded/plain ratio. The GIL ratios must stay within 10 %.
#   bench/python/fidelity.sh [rounds, default 3] [build dir, default build/]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${1:-3}"
BUILD="${2:-$ROOT/build}"
PYTHON=/usr/bin/python3
SCRIPT="$ROOT/bench/python/fidelity.py"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$PYTHON" --version
for round in $(seq "$ROUNDS"); do
    "$PYTHON" "$SCRIPT" >"$out/plain.$round"
    "$BUILD/app/weft" record --python "$SCRIPT" >"$out/recorded.$round" 2>/dev/null
done
"$PYTHON" - "$out" "$ROUNDS" <<'PY'
import statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def figures(kind):
    values = {}
    for r in range(1, rounds + 1):
        for line in open(f"{out}/{kind}.{r}"):
            parts = line.split()
            if len(parts) == 2:
                values.setdefault(parts[0], []).append(float(parts[1]))
    return {k: statistics.median(v) for k, v in values.items()}
plain, recorded = figures("plain"), figures("recorded")
print(f"{'figure':28} {'plain':>10} {'recorded':>10} {'ratio':>7}")
for name, value in plain.items():
    r = recorded.get(name, float("nan"))
    print(f"{name:28} {value:10.3f} {r:10.3f} {r / value if value else float('nan'):7.2f}")
PY
