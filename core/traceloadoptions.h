// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <atomic>
#include <functional>

namespace weft {

// How a native (.weft) load runs: on how many threads, reporting to whom,
// stopped by what. The defaults load on every hardware thread, silently.
struct TraceLoadOptions
{
    // Threads that decode a version 3 file's events, the loading thread
    // included (1: it alone); 0 or less: EventBlockDecoder::defaultThreads().
    int threads = 0;
    // Setting it stops the load ("loading was cancelled"); every worker has
    // ended when the load returns.
    const std::atomic_bool *cancel = nullptr;
    // Called now and then on the loading thread: bytes done, bytes in total, events so far.
    std::function<void(qint64 done, qint64 total, qint64 events)> progress;
};

} // namespace weft
