#!/usr/bin/env bash
# The test suite again under sanitizers (CI runs both, after scripts/test.sh):
#   address  — every test (WEFT_ASAN_LAYERS: only these layers) except the
#              package, soak and record jobs (record: real
#              programs run under the uninstrumented recording library), with AddressSanitizer
#              + UndefinedBehaviorSanitizer (+ LeakSanitizer) (build-asan/)
#   thread   — the core tests (engine, primitives, scenarios) with ThreadSanitizer
#              (build-tsan/)
# Without an argument, both. Suppressions live in tests/sanitizers/, each with
# its reason; only code inside Qt or system libraries may be suppressed.
#
# Robustness choices (CI must not go red by accident, nor green by accident):
# - Only the test executables a pass runs (and what they start: the weft binary)
#   are built, not the benchmarks or the screenshot tool.
# - Every sanitizer report goes to a log file (log_path), also from the weft
#   worker processes the process tests start, whose stderr a test may not show.
#   Any report file fails the pass, even if the test itself passed.
# - Tests run 5-40x slower under sanitizers. The slowest, tst_lockscounter
#   (2000 threads), took 35-65 s under ThreadSanitizer on a 2-core box loaded to
#   12 by parallel builds; everything else stays under 10 s. The ctest limits
#   (300 s by default, 120-180 s for the network tests) keep a 5x margin, so
#   they are not scaled.
# - Every test runs once, without retries, as in scripts/test.sh: the tests
#   assert only what holds under any scheduling (an order they check is forced
#   through the step gates), so a 5-40x slowdown changes their timing, not their
#   result. A failure or a hit ctest limit fails the pass and is a defect to fix.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUPP="$ROOT/tests/sanitizers"
export QT_QPA_PLATFORM=offscreen
modes=("${@:-address thread}")

# Names of the tests ctest would run with the given label filter.
selected_tests() {
    local build="$1"
    shift
    (cd "$build" && ctest -N "$@" 2>/dev/null | sed -n 's/^ *Test *#[0-9]*: *//p')
}

# Configures (installing missing packages), builds the selected tests, runs them
# (under the command prefix in $wrapper, if any). The sanitizer options must
# already point log_path into "$build/sanitizer-logs".
run_pass() {
    local name="$1" build="$2" sanitize="$3"
    shift 3
    local -a filter=("$@")
    # "|| return": set -e does not apply inside a function called from "||".
    WEFT_BUILD="$build" WEFT_CONFIGURE_ONLY=1 \
        WEFT_CMAKE_ARGS="-DWEFT_SANITIZE=$sanitize -DWEFT_BUILD_BENCH=OFF" \
        bash "$ROOT/scripts/setup.sh" || return 1
    local -a tests
    mapfile -t tests < <(selected_tests "$build" "${filter[@]}")
    if ((${#tests[@]} == 0)); then
        echo "test-sanitizers: no tests selected for the $name pass" >&2
        return 1
    fi
    cmake --build "$build" --parallel "$(nproc)" --target "${tests[@]}" || return 1

    local logs="$build/sanitizer-logs"
    rm -rf "$logs"
    mkdir -p "$logs"
    local status=0
    (
        cd "$build"
        ${wrapper[@]+"${wrapper[@]}"} ctest --output-on-failure --parallel "$(nproc)" "${filter[@]}"
    ) || status=$?
    # A log holding only LeakSanitizer's "Suppressions used" table is no report;
    # every real report ends with a SUMMARY line (UBSan's "runtime error" too).
    local -a reports
    mapfile -t reports < <(grep -l -E "^SUMMARY: |runtime error:" "$logs"/* 2>/dev/null || true)
    if ((${#reports[@]})); then
        echo "test-sanitizers: the $name pass produced ${#reports[@]} sanitizer report(s):" >&2
        for report in "${reports[@]}"; do
            echo "===== $report" >&2
            cat "$report" >&2
        done
        status=1
    fi
    return "$status"
}

# Linux kernels with more than 28 bits of mmap randomisation (e.g. 6.6+ with
# vm.mmap_rnd_bits=32) break gcc 12's ThreadSanitizer ("unexpected memory
# mapping"); then the ThreadSanitizer tests run with address randomisation off.
tsan_wrapper=()
if [ -r /proc/sys/vm/mmap_rnd_bits ] && [ "$(cat /proc/sys/vm/mmap_rnd_bits)" -gt 28 ]; then
    tsan_wrapper=(setarch "$(uname -m)" -R)
fi

# WEFT_ASAN_LAYERS: the test layers (labels core, ui, app) of the address pass.
# CI sets "core|app": the instrumented ui library and its 76 tests took ~10 of
# its 60 minutes on 2 cores. Run the default, every layer, after touching ui/.
asan_layers="${WEFT_ASAN_LAYERS:-core|ui|app}"

overall=0
for mode in ${modes[*]}; do
    start=$SECONDS
    case "$mode" in
    address)
        logs="$ROOT/build-asan/sanitizer-logs"
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$logs/asan"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
        export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp"
        wrapper=()
        run_pass address "$ROOT/build-asan" address,undefined -L "$asan_layers" \
            -LE "package|soak|record" || overall=1
        ;;
    thread)
        logs="$ROOT/build-tsan/sanitizer-logs"
        export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$SUPP/tsan.supp:log_path=$logs/tsan"
        wrapper=(${tsan_wrapper[@]+"${tsan_wrapper[@]}"})
        if ((${#wrapper[@]})); then
            echo "test-sanitizers: vm.mmap_rnd_bits > 28, running the tests under ${wrapper[*]}"
        fi
        run_pass thread "$ROOT/build-tsan" thread -L core -LE record || overall=1
        ;;
    *)
        echo "usage: $0 [address] [thread]" >&2
        exit 2
        ;;
    esac
    echo "test-sanitizers: $mode pass took $((SECONDS - start)) s"
done
exit "$overall"
