#!/usr/bin/env bash
# The test suite again under sanitizers:
#   address  — everything with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/)
#   thread   — the core (engine + scenarios) with ThreadSanitizer (build-tsan/)
# Without an argument, both.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUPP="$ROOT/tests/sanitizers"
export QT_QPA_PLATFORM=offscreen
modes=("${@:-address thread}")

for mode in ${modes[*]}; do
    case "$mode" in
    address)
        WEFT_BUILD="$ROOT/build-asan" \
        WEFT_CMAKE_ARGS="-DWEFT_SANITIZE=address,undefined -DWEFT_BUILD_BENCH=OFF" \
            bash "$ROOT/scripts/setup.sh"
        (
            cd "$ROOT/build-asan"
            export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
            export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
            export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp"
            ctest --output-on-failure --parallel "$(nproc)" -LE "package|soak"
        )
        ;;
    thread)
        WEFT_BUILD="$ROOT/build-tsan" \
        WEFT_CMAKE_ARGS="-DWEFT_SANITIZE=thread -DWEFT_BUILD_BENCH=OFF" \
            bash "$ROOT/scripts/setup.sh"
        (
            cd "$ROOT/build-tsan"
            export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$SUPP/tsan.supp"
            ctest --output-on-failure --parallel "$(nproc)" -L core
        )
        ;;
    *)
        echo "usage: $0 [address] [thread]" >&2
        exit 2
        ;;
    esac
done
