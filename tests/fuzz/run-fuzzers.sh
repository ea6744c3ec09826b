#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14 + ASan/UBSan, their own build
# directory) and runs each for N seconds from tests/fuzz/corpus; fails on any
# crash, hang (> 10 s per input) or RSS above 2 GB. .ci/run runs it (60 s each)
# after the sanitizer passes; it installs clang and its runtimes if missing. New interesting inputs go
# to a scratch corpus; merge them with -merge=1 to keep tests/fuzz/corpus small.
#   tests/fuzz/run-fuzzers.sh [seconds per target, default 60] [build dir]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-60}
build=${2:-build-fuzz}
source scripts/packages.sh
weft_install_packages clang-14 libclang-rt-14-dev cmake ninja-build qt6-base-dev libsimdjson-dev
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWEFT_BUILD_FUZZERS=ON -DWEFT_SANITIZE=address,undefined -DWEFT_BUILD_BENCH=OFF >/dev/null
targets=(fuzz_chrome_import fuzz_native_load fuzz_slices fuzz_render)
cmake --build "$build" --target "${targets[@]}"
export QT_QPA_PLATFORM=offscreen
# fuzz_render loads Qt's platform plugin and fontconfig, which keep one-time allocations.
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp
for target in "${targets[@]}"; do
    case $target in
        fuzz_native_load) seeds=tests/fuzz/corpus/native_load ;;
        fuzz_render) seeds="tests/fuzz/corpus/chrome_import tests/fuzz/corpus/native_load" ;;
        *) seeds=tests/fuzz/corpus/chrome_import ;;
    esac
    scratch="$build/fuzz-corpus/$target"
    mkdir -p "$scratch" "$build/fuzz-artifacts"
    echo "== $target: $seconds s"
    # shellcheck disable=SC2086
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$build/fuzz-artifacts/$target-" -print_final_stats=1 \
        "$scratch" $seeds
done
