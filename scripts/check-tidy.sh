#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over Weft's own C++ sources, two files at a
# time, and fails on any finding. Needs a configured and built tree (the
# compile_commands.json CMake exports, and the .moc files the tests include):
# .ci/run calls it after scripts/test.sh.
#   scripts/check-tidy.sh [--all | --changed] [build dir, default build/ or $WEFT_BUILD]
# --all also checks the paths in `excluded` below.
# --changed checks only what changed since the commit in scripts/tidy/clean-at
# (the last commit a whole-tree run found clean): each changed .cpp, and the
# .cpp beside each changed header. A whole-tree run takes about 25 minutes on 2
# cores, too long for CI beside the sanitizer passes; the changed files take a
# few. After a clean whole-tree run, write its commit into scripts/tidy/clean-at.
#
# The version is pinned (Debian 12's clang-tidy 14, as clang-format): another
# version has other checks and finds other things. clang 14 lacks
# __builtin_source_location, so scripts/tidy/source_location.h stands in for
# libstdc++'s std::source_location; -O0 keeps glibc's extern-inline stdio
# bodies out, which clang 14 takes for redefinitions in the recording library.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# ---- Temporarily excluded: paths being rewritten on other branches. ----------
# Empty now: every source is checked. Should a rewrite elsewhere need it, list
# its path here, and empty the list again once that branch has merged and its
# findings are fixed. Each entry is a path prefix relative to the repository
# root.
excluded=(
)
# -----------------------------------------------------------------------------

changed_only=0
if [ "${1:-}" = "--all" ]; then
    excluded=()
    shift
elif [ "${1:-}" = "--changed" ]; then
    changed_only=1
    shift
fi
BUILD="$(cd "${1:-${WEFT_BUILD:-$ROOT/build}}" && pwd)"
TIDY=clang-tidy-14
JOBS=2

source "$ROOT/scripts/packages.sh"
weft_install_packages clang-tidy-14 python3
if [ ! -f "$BUILD/compile_commands.json" ]; then
    echo "check-tidy: no $BUILD/compile_commands.json; build first (scripts/test.sh)" >&2
    exit 2
fi

# The project's own sources that the build compiles (not the moc and resource
# files it generates, not the C fixtures of the record tests).
# With --changed: the files changed since the last clean whole-tree run.
changed_list="$(mktemp)"
trap 'rm -f "$changed_list"' EXIT
if [ "$changed_only" = 1 ]; then
    clean_at="$(cat "$ROOT/scripts/tidy/clean-at")"
    if ! git -C "$ROOT" cat-file -e "$clean_at^{commit}" 2>/dev/null; then
        echo "check-tidy: commit $clean_at (scripts/tidy/clean-at) is not in this clone's" \
             "history (a shallow clone?); checking the last commit's changes only" >&2
        clean_at="HEAD~1"
    fi
    git -C "$ROOT" diff --name-only "$clean_at" -- app bench core tests ui >"$changed_list" \
        || { echo "check-tidy: cannot list the changes since $clean_at" >&2; exit 2; }
    echo "check-tidy: files changed since $clean_at: $(wc -l <"$changed_list")"
fi
mapfile -t files < <(python3 - "$ROOT" "$BUILD/compile_commands.json" "$changed_only" \
    "$changed_list" "${excluded[@]}" <<'EOF'
import json, os, sys
root, database, changed_only, changed_list = sys.argv[1:5]
excluded = sys.argv[5:]
changed = set(open(changed_list).read().split()) if changed_only == "1" else None
seen = set()
for entry in json.load(open(database)):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    relative = os.path.relpath(path, root)
    if (relative.split("/")[0] in ("app", "bench", "core", "tests", "ui")
            and relative.endswith(".cpp") and not relative.startswith(tuple(excluded))
            and relative not in seen):
        if changed is not None and relative not in changed \
                and relative[:-4] + ".h" not in changed:
            continue
        seen.add(relative)
        print(relative)
EOF
)
echo "check-tidy: $TIDY over ${#files[@]} files, $JOBS at a time"

logs="$(mktemp -d)"
trap 'rm -rf "$logs" "$changed_list"' EXIT
# The precompiled headers (the tests' WEFT_TEST_PCH, weft_core's and weft_ui's)
# are gcc's: clang would take a .gch for a clang PCH and fail. clang-tidy reads
# a copy of the compile commands without them; each source includes what it
# uses, so nothing is lost (a missing include shows up here as an error).
database="$logs/database"
mkdir -p "$database"
python3 - "$BUILD/compile_commands.json" "$database/compile_commands.json" <<'EOF'
import json, re, sys
entries = json.load(open(sys.argv[1]))
pch = re.compile(r" -Winvalid-pch| -include \S*cmake_pch\.hxx")
for entry in entries:
    entry["command"] = pch.sub("", entry["command"])
json.dump(entries, open(sys.argv[2], "w"))
EOF
BUILD="$database"
export TIDY BUILD ROOT logs
# Each file's diagnostics go to a log of its own; its exit status (non-zero on a
# compiler error or a crash) to a .rc file beside it.
printf '%s\n' "${files[@]}" | xargs -P "$JOBS" -I{} sh -c '
    log="$logs/$(printf %s "$1" | tr / _)"
    "$TIDY" -quiet -p "$BUILD" --header-filter="^$ROOT/(app|bench|core|tests|ui)/.*\.h$" \
        --extra-arg=-O0 --extra-arg=-include --extra-arg="$ROOT/scripts/tidy/source_location.h" \
        "$1" >"$log.log" 2>&1
    echo $? >"$log.rc"' sh {}

# A header's finding appears once per file including it: print each once, and
# drop those in excluded paths. A finding is its first line and the source
# excerpt and notes after it.
python3 - "$ROOT" "$logs" "${excluded[@]}" <<'EOF'
import collections, glob, os, re, sys
root, logs, excluded = sys.argv[1], sys.argv[2], sys.argv[3:]
head = re.compile(r"^(/[^:]+):\d+:\d+: (warning|error): .*?(?: \[([\w.,-]+)\])?$")
findings, failed = {}, []
for log in sorted(glob.glob(os.path.join(logs, "*.log"))):
    rc = open(log[:-4] + ".rc").read().strip()
    lines = open(log, errors="replace").read().splitlines()
    if rc != "0":
        failed.append((log, rc, lines))
    block = None
    for line in lines:
        match = head.match(line)
        if match:
            relative = os.path.relpath(match.group(1), root)
            keep = not relative.startswith(tuple(excluded))
            block = [line] if keep else None
            if keep:
                findings.setdefault(line, (match.group(3) or "error", block))
        elif block is not None and not re.match(r"^\d+ warnings? (and \d+ errors? )?generated", line):
            block.append(line)
for key in sorted(findings):
    print("\n".join(findings[key][1]))
# clang-tidy fails on a compiler error (even in an excluded file: the rest of
# that file then goes unchecked) or a crash.
for log, rc, lines in failed:
    print(f"check-tidy: clang-tidy exited with {rc} on {os.path.basename(log)[:-4]}:", file=sys.stderr)
    print("\n".join(lines[-20:]), file=sys.stderr)
counts = collections.Counter(check for check, _ in findings.values())
if counts:
    print("check-tidy: %d findings: %s" % (len(findings), ", ".join(
        f"{check} {n}" for check, n in counts.most_common())), file=sys.stderr)
sys.exit(1 if findings or failed else 0)
EOF
echo "check-tidy: no findings"
