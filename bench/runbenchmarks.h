// SPDX-License-Identifier: MIT
#pragma once

#include <benchmark/benchmark.h>

namespace weft::bench {

// What BENCHMARK_MAIN() runs, for a main() that sets things up first (huge
// pages for malloc as the window has them, a QGuiApplication, its own modes).
inline int runBenchmarks(int &argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace weft::bench
