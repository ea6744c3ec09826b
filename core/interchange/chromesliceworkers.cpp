// SPDX-License-Identifier: MIT
#include "chromesliceworkers.h"

#include "chromeeventconverter.h"
#include "chromesliceparser.h"

#include <algorithm>
#include <cstdlib>

namespace weft {

namespace {
// Each slice in flight holds a parser sized for it (about 6 bytes per byte
// of slice): more workers than this would cost memory and gain nothing, as
// the conversion on the calling thread is then the slowest part.
constexpr int kMaxWorkers = 8;
} // namespace

struct ChromeSliceWorkers::Job
{
    ChromeSliceParser parser; // what read() parsed stays in it until converted
    std::string_view json;
    ChromeTraceScanner::Slice slice;
    bool guessed = false;
    ChromeSliceParser::Status status = ChromeSliceParser::Status::Done;
    QString error;
    bool busy = false; // queued or being parsed; guarded by m_mutex
};

ChromeSliceWorkers::ChromeSliceWorkers(int workers)
{
    workers = std::clamp(workers, 0, kMaxWorkers);
    for (int i = 0; i < workers; ++i)
        m_threads.emplace_back([this] { work(); });
}

ChromeSliceWorkers::~ChromeSliceWorkers()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_workAvailable.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

int ChromeSliceWorkers::defaultCount()
{
    if (const char *forced = std::getenv("WEFT_IMPORT_THREADS"); forced && *forced)
        return std::clamp(std::atoi(forced), 0, kMaxWorkers);
    return std::clamp(int(std::thread::hardware_concurrency()), 1, kMaxWorkers);
}

void ChromeSliceWorkers::work()
{
    for (;;) {
        Job *job = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_workAvailable.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_stop)
                return;
            job = m_queue.front();
            m_queue.erase(m_queue.begin());
        }
        // The job is this thread's alone until busy is cleared.
        job->status = job->parser.read(job->json, job->slice, job->guessed, &job->error);
        {
            const std::lock_guard lock(m_mutex);
            job->busy = false;
        }
        m_jobFinished.notify_all();
    }
}

void ChromeSliceWorkers::submit(Job &job)
{
    if (m_threads.empty()) {
        job.status = job.parser.read(job.json, job.slice, job.guessed, &job.error);
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        job.busy = true;
        m_queue.push_back(&job);
    }
    m_workAvailable.notify_one();
}

void ChromeSliceWorkers::await(Job &job)
{
    if (m_threads.empty())
        return;
    std::unique_lock lock(m_mutex);
    m_jobFinished.wait(lock, [&job] { return !job.busy; });
}

void ChromeSliceWorkers::drain()
{
    for (const auto &job : m_jobs)
        await(*job);
}

ChromeSliceWorkers::Result ChromeSliceWorkers::run(std::string_view json,
                                                   ChromeTraceScanner &scanner,
                                                   ChromeEventConverter &converter,
                                                   std::size_t sliceBytes, QString *problem,
                                                   ChromeTraceScanner::Slice *failedSlice)
{
    // Fresh parsers: what a parser remembers of its texts (ChromeLocalTexts)
    // holds this converter's ids. Two slices per worker: one parsed while
    // the other waits to be converted.
    m_jobs.clear();
    const std::size_t slotCount = m_threads.empty() ? 1 : 2 * m_threads.size();
    for (std::size_t i = 0; i < slotCount; ++i)
        m_jobs.push_back(std::make_unique<Job>());
    std::size_t head = 0; // the next job to convert
    std::size_t inFlight = 0; // submitted, not converted: head … head + inFlight - 1
    std::size_t guessesInFlight = 0;
    bool exactNext = false;
    bool scanned = false; // the scanner has no more slices
    auto fail = [&](const Job &job, const QString &what) {
        drain();
        *problem = what;
        *failedSlice = job.slice;
        return Result::Failed;
    };
    for (;;) {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            drain();
            return Result::Cancelled;
        }
        while (!scanned && inFlight < slotCount) {
            Job &job = *m_jobs[(head + inFlight) % slotCount];
            // Guessing the cut saves a byte-by-byte scan of the whole file; a
            // wrong guess costs one retry of the rest of that slice.
            const bool guessed = !exactNext && scanner.guessSlice(sliceBytes, &job.slice);
            if (!guessed) {
                // An exact scan must start where an element really starts:
                // not after a guess that may yet turn out wrong (a scan from
                // inside a string could end the scanner with a false error).
                if (guessesInFlight > 0)
                    break;
                if (!scanner.nextSlice(sliceBytes, &job.slice)) {
                    scanned = true;
                    break;
                }
            }
            exactNext = false;
            job.json = json;
            job.guessed = guessed;
            guessesInFlight += guessed ? 1 : 0;
            ++inFlight;
            submit(job);
        }
        if (inFlight == 0)
            return Result::Done;

        Job &job = *m_jobs[head % slotCount];
        await(job);
        head = (head + 1) % slotCount;
        --inFlight;
        guessesInFlight -= job.guessed ? 1 : 0;
        switch (job.status) {
        case ChromeSliceParser::Status::Retry:
            // Everything cut after this slice was cut from a wrong guess.
            drain();
            head = 0;
            inFlight = 0;
            guessesInFlight = 0;
            scanned = false;
            scanner.rewind(job.slice.begin);
            exactNext = true;
            continue;
        case ChromeSliceParser::Status::Failed:
            return fail(job, job.error);
        case ChromeSliceParser::Status::Done:
            break;
        }
        if (job.parser.convert(converter, &job.error) == ChromeSliceParser::Status::Failed)
            return fail(job, job.error);
        if (m_onConverted)
            m_onConverted(job.slice.end);
    }
}

} // namespace weft
