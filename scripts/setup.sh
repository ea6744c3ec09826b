#!/usr/bin/env bash
# Installs what is missing (Debian 12), configures and builds Weft into build/.
# Sourced by run.sh and test.sh; safe to run again (only missing packages are installed).
# WEFT_BUILD: build directory; WEFT_CMAKE_ARGS: extra configure arguments;
# WEFT_CONFIGURE_ONLY=1: stop after configuring (test-sanitizers.sh builds only its tests).
# The sanitizer runtimes (libasan8, libubsan1, liblsan0, libtsan2) need nothing
# extra: they are hard dependencies of g++-12's libgcc-12-dev.
set -euo pipefail

WEFT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEFT_BUILD="${WEFT_BUILD:-$WEFT_ROOT/build}"

packages=(
    cmake ninja-build g++ lld pkg-config
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
    libbenchmark-dev libsimdjson-dev
    python3
    fonts-noto-cjk
)

source "$WEFT_ROOT/scripts/packages.sh"
weft_install_packages "${packages[@]}"

launcher=()
# ccache caches the tests' precompiled header (WEFT_TEST_PCH) only with this sloppiness.
if command -v ccache >/dev/null 2>&1; then
    launcher=("-DCMAKE_CXX_COMPILER_LAUNCHER=env;CCACHE_SLOPPINESS=pch_defines,time_macros;ccache")
fi

cmake -S "$WEFT_ROOT" -B "$WEFT_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" ${WEFT_CMAKE_ARGS:-}
if [ "${WEFT_CONFIGURE_ONLY:-0}" != 1 ]; then
    cmake --build "$WEFT_BUILD" --parallel "$(nproc)"
fi
