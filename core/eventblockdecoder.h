// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"

#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace weft {

// Copies the events blocks of a version 3 file (docs/trace-format.md) straight
// into the trace's event storage, a block per job, on worker threads beside
// the calling one, each job writing only its own range. An event is 32 bytes
// in the file and in memory, laid out alike, so a block is copied and checked
// in one pass instead of being read field by field and appended one at a
// time. The checks only find out whether a block is sound; a block that is
// not is explained by the reader, which reads it again event by event, so a
// load fails with the same message on any number of threads.
class EventBlockDecoder
{
public:
    struct Block
    {
        const char *payload = nullptr; // count * 32 bytes
        quint32 count = 0;
        std::size_t first = 0; // where its first event goes in the storage
        // The sizes of the tables when the block was read: its ids must be within them.
        quint32 actors = 0;
        quint32 objects = 0;
        quint32 strings = 0;
        quint32 sites = 0;
    };
    struct Checked
    {
        bool valid = true; // every kind known and every id within the tables
        bool inTimeOrder = true; // within the block
        qint64 minNs = 0; // of the block's times (of an empty block: undefined)
        qint64 maxNs = 0;
    };

    // threads: the number that decode, the calling thread included (at least 1).
    explicit EventBlockDecoder(int threads);

    // Hardware threads (at least 1); WEFT_LOAD_THREADS overrides (1 = the calling thread alone).
    static int defaultThreads();
    // Storage for count events, backed by huge pages where the kernel gives
    // them: the first write to each 4 KiB page of hundreds of MB otherwise
    // costs a page fault.
    // (On several threads: the kernel clears each new page.)
    std::vector<Event> allocate(std::size_t count) const;

    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // Called on the calling thread after each block it decoded, with the
    // events decoded so far by all threads.
    void setProgress(std::function<void(quint64 events)> progress)
    {
        m_progress = std::move(progress);
    }
    // Objects whose events are CounterValue ones, counted while decoding:
    // ids up to maxObject (the largest objects of any block).
    void countCounterTracks(quint32 maxObject);
    // Distinct objects of CounterValue events among the sound blocks decoded.
    quint32 counterTracks() const;

    // The checksums (tracebytes::checksum) of these payloads, into sums; false
    // if the cancel flag stopped it.
    bool checksums(const std::vector<std::pair<const char *, qsizetype>> &payloads,
                   std::vector<quint32> *sums) const;

    // Decodes every block into storage (sized for all of them); checked gets
    // one entry per block. False if the cancel flag stopped it: then every
    // worker has ended, and storage is partly written.
    bool run(const std::vector<Block> &blocks, Event *storage, std::vector<Checked> *checked);

private:
    void decode(const Block &block, Event *storage, Checked *checked);

    int m_threads;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<void(quint64)> m_progress;
    std::unique_ptr<std::atomic<quint64>[]> m_counterBits; // a bit per object id
    std::size_t m_counterWords = 0;
};

} // namespace weft
