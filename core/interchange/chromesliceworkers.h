// SPDX-License-Identifier: MIT
#pragma once

#include "chrometracescanner.h"

#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace weft {

class ChromeEventConverter;
class ChromeSliceParser;

// Parses the slices a ChromeTraceScanner cuts with simdjson on worker
// threads (one parser each, several slices in flight) while the calling
// thread hands the parsed events to the converter strictly in file order, so
// the trace, its warnings and its errors are the same as with one thread.
//
// Slices are cut by guessing (ChromeTraceScanner::guessSlice); a slice
// parsed after a wrong guess is never converted: when a slice comes back
// Retry, the slices parsed after it are dropped and the scan resumes exactly
// from its start, as the single-threaded loop does.
class ChromeSliceWorkers
{
public:
    enum class Result {
        Done,
        Failed, // *problem says what; *failedSlice is the slice to explain it by
        Cancelled,
    };

    // workers = 0 parses on the calling thread (the single-threaded import).
    explicit ChromeSliceWorkers(int workers);
    ~ChromeSliceWorkers();
    ChromeSliceWorkers(const ChromeSliceWorkers &) = delete;
    ChromeSliceWorkers &operator=(const ChromeSliceWorkers &) = delete;

    // Hardware threads (at least 1); WEFT_IMPORT_THREADS overrides (0 = none).
    static int defaultCount();
    int workers() const { return int(m_threads.size()); }

    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // Called on the calling thread after each slice's events were converted,
    // with the slice's end: nothing before it is parsed again.
    void setOnConverted(std::function<void(std::size_t end)> converted)
    {
        m_onConverted = std::move(converted);
    }

    // Runs until the scanner has no more slices (or fails: the caller asks
    // the scanner why), a slice fails, or the cancel flag is set.
    Result run(std::string_view json, ChromeTraceScanner &scanner, ChromeEventConverter &converter,
               std::size_t sliceBytes, QString *problem, ChromeTraceScanner::Slice *failedSlice);

private:
    struct Job;
    void work();
    // Parses on the calling thread, or queues for a worker.
    void submit(Job &job);
    // Waits until the job's parse is finished.
    void await(Job &job);
    // Waits for every job still queued or being parsed (their results are dropped).
    void drain();

    std::vector<std::unique_ptr<Job>> m_jobs; // a ring: submitted and converted in this order
    std::vector<std::thread> m_threads;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<void(std::size_t)> m_onConverted;

    // Guarded by m_mutex: the queue, each job's busy flag, m_stop. A job's
    // input is written before it is queued, its output before busy is
    // cleared: the mutex orders both for the other thread.
    std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::condition_variable m_jobFinished;
    std::vector<Job *> m_queue;
    bool m_stop = false;
};

} // namespace weft
