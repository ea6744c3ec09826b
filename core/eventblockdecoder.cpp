// SPDX-License-Identifier: MIT
#include "eventblockdecoder.h"

#include "hugepages.h"
#include "tracebytes.h"

#include <QtEndian>
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <system_error>
#include <thread>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace weft {

namespace {
// The file's event (docs/trace-format.md) is the in-memory Event on a
// little-endian machine: the same fields at the same offsets.
constexpr bool kFileLayoutIsEvent = Q_BYTE_ORDER == Q_LITTLE_ENDIAN && offsetof(Event, timeNs) == 0
    && offsetof(Event, value) == 8 && offsetof(Event, actor) == 16 && offsetof(Event, object) == 20
    && offsetof(Event, text) == 24 && offsetof(Event, site) == 28 && offsetof(Event, kind) == 30
    && offsetof(Event, flags) == 31 && sizeof(Event) == 32;

constexpr int kMaxThreads = 64;

Event eventAt(const char *bytes)
{
    Event e;
    if constexpr (kFileLayoutIsEvent) {
        std::memcpy(&e, bytes, sizeof e);
    } else {
        e.timeNs = qFromLittleEndian<qint64>(bytes);
        e.value = qFromLittleEndian<qint64>(bytes + 8);
        e.actor = qFromLittleEndian<quint32>(bytes + 16);
        e.object = qFromLittleEndian<quint32>(bytes + 20);
        e.text = qFromLittleEndian<quint32>(bytes + 24);
        e.site = qFromLittleEndian<quint16>(bytes + 28);
        e.kind = EventKind(quint8(bytes[30]));
        e.flags = quint8(bytes[31]);
    }
    return e;
}

// Runs work on the calling thread and threads - 1 others, and joins them.
template<typename Work> void runOnThreads(int threads, const Work &work)
{
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error &) {
            break; // no more threads to be had: those started (and this one) do it all
        }
    }
    work();
    for (std::thread &helper : helpers)
        helper.join();
}
} // namespace

EventBlockDecoder::EventBlockDecoder(int threads)
    : m_threads(std::clamp(threads, 1, kMaxThreads))
{
}

int EventBlockDecoder::defaultThreads()
{
    if (const char *forced = std::getenv("WEFT_LOAD_THREADS"); forced && *forced)
        return std::clamp(std::atoi(forced), 1, kMaxThreads);
    return std::clamp(int(std::thread::hardware_concurrency()), 1, kMaxThreads);
}

std::vector<Event> EventBlockDecoder::allocate(std::size_t count) const
{
    std::vector<Event> events;
    events.reserve(count);
    adviseHugePages(events.data(), events.capacity() * sizeof(Event));
#ifdef Q_OS_LINUX
    auto *data = reinterpret_cast<char *>(events.data());
    const std::size_t bytes = events.capacity() * sizeof(Event);
    // The kernel clears each new page at its first write: a third of a load's
    // time at 10 M events, on one thread when the storage is zeroed below.
    // Faulting it in beforehand (contents unchanged) shares that among the
    // threads. Kernels before 5.14 refuse the advice; then the zeroing faults.
#ifndef MADV_POPULATE_WRITE
    constexpr int MADV_POPULATE_WRITE = 23;
#endif
    constexpr std::size_t kPerJob = 16 * kHugePageBytes;
    if (m_threads > 1 && bytes > 2 * kPerJob) {
        char *base = data - reinterpret_cast<std::uintptr_t>(data) % 4096; // madvise's alignment
        const std::size_t length = std::size_t(data + bytes - base);
        std::atomic<std::size_t> next {0};
        runOnThreads(int(std::min<std::size_t>(std::size_t(m_threads), length / kPerJob)), [&] {
            for (std::size_t at; (at = next.fetch_add(kPerJob)) < length;)
                ::madvise(base + at, std::min(kPerJob, length - at), MADV_POPULATE_WRITE);
        });
    }
#endif
    events.resize(count);
    return events;
}

void EventBlockDecoder::countCounterTracks(quint32 maxObject)
{
    m_counterWords = std::size_t(maxObject) / 64 + 1;
    m_counterBits = std::make_unique<std::atomic<quint64>[]>(m_counterWords);
}

quint32 EventBlockDecoder::counterTracks() const
{
    quint32 tracks = 0;
    for (std::size_t i = 0; i < m_counterWords; ++i)
        tracks += quint32(std::popcount(m_counterBits[i].load(std::memory_order_relaxed)));
    return tracks;
}

bool EventBlockDecoder::checksums(const std::vector<std::pair<const char *, qsizetype>> &payloads,
                                  std::vector<quint32> *sums) const
{
    sums->assign(payloads.size(), 0);
    std::atomic<std::size_t> next {0};
    std::atomic_bool cancelled {false};
    // A thread for every 4 MB at most: a small file is not worth one.
    qsizetype bytes = 0;
    for (const auto &payload : payloads)
        bytes += payload.second;
    const std::size_t threads
        = std::min({std::size_t(m_threads), payloads.size(), std::size_t(bytes >> 22) + 1});
    runOnThreads(int(threads), [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < payloads.size();) {
            if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                return;
            }
            (*sums)[i] = tracebytes::checksum(payloads[i].first, payloads[i].second);
        }
    });
    return !cancelled;
}

void EventBlockDecoder::decode(const Block &block, Event *storage, Checked *checked)
{
    Event *out = storage + block.first;
    // One pass over the block: copy, and note what the reader must check.
    // No early exit: a sound block (the usual one) is read whole anyway.
    bool valid = true, ordered = true;
    qint64 minNs = std::numeric_limits<qint64>::max();
    qint64 maxNs = std::numeric_limits<qint64>::min();
    qint64 previousNs = std::numeric_limits<qint64>::min();
    const bool counting = m_counterBits != nullptr;
    for (quint32 i = 0; i < block.count; ++i) {
        const Event e = eventAt(block.payload + std::size_t(i) * 32);
        out[i] = e;
        valid &= (quint8(e.kind) < quint8(EventKind::Count)) & (e.actor <= block.actors)
            & (e.object <= block.objects) & (e.text <= block.strings) & (e.site <= block.sites);
        ordered &= e.timeNs >= previousNs;
        previousNs = e.timeNs;
        minNs = std::min(minNs, e.timeNs);
        maxNs = std::max(maxNs, e.timeNs);
        if (counting && e.kind == EventKind::CounterValue && e.object <= block.objects) {
            std::atomic<quint64> &word = m_counterBits[e.object / 64];
            const quint64 bit = quint64(1) << (e.object % 64);
            // Read first: the same few counters recur, and a read shares the line.
            if (!(word.load(std::memory_order_relaxed) & bit))
                word.fetch_or(bit, std::memory_order_relaxed);
        }
    }
    *checked = {valid, ordered, minNs, maxNs};
}

bool EventBlockDecoder::run(const std::vector<Block> &blocks, Event *storage,
                            std::vector<Checked> *checked)
{
    checked->assign(blocks.size(), Checked());
    std::atomic<std::size_t> nextBlock {0};
    std::atomic<quint64> decoded {0};
    std::atomic_bool cancelled {false};
    quint64 reported = 0; // by the calling thread
    // Each thread takes the next block not yet taken; a block's range of the
    // storage and its entry in checked are written by that thread alone, and
    // read once every thread has been joined.
    const std::thread::id caller = std::this_thread::get_id();
    const auto work = [&] {
        const bool reports = std::this_thread::get_id() == caller;
        for (;;) {
            if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                return;
            }
            const std::size_t i = nextBlock.fetch_add(1, std::memory_order_relaxed);
            if (i >= blocks.size())
                return;
            decode(blocks[i], storage, &(*checked)[i]);
            const quint64 done
                = decoded.fetch_add(blocks[i].count, std::memory_order_relaxed) + blocks[i].count;
            if (reports && m_progress) {
                reported = done;
                m_progress(done);
            }
        }
    };
    // A thread for every two blocks at most: a small file is not worth one.
    runOnThreads(int(std::min(std::size_t(m_threads), blocks.size() / 2 + 1)), work);
    // The helpers may have decoded the last blocks: the total, once.
    if (m_progress && !cancelled && reported != decoded.load())
        m_progress(decoded.load());
    // Cancelled late is cancelled all the same: the caller drops the result.
    return !cancelled && !(m_cancel && m_cancel->load());
}

} // namespace weft
