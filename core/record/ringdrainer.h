// SPDX-License-Identifier: MIT
#pragma once

#include "core/clock.h"
#include "rawrecord.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace weft::record {

// Maps time-stamp counter ticks onto CLOCK_MONOTONIC ns: piecewise linear
// through calibration points (tick, ns) that the owner takes as it goes (the
// approach of Recorder::snapshot: a clock read bracketed by two tick reads,
// the midpoint taken). Cores share one invariant TSC, so one map serves every
// thread and process. Interpolation between points keeps the map monotonic;
// ticks past the last point extrapolate the last segment's slope.
class TscClock
{
public:
    using Point = ClockPair;

    static bool supported(); // x86-64: the TSC can be read
    static std::uint64_t ticksNow(); // lfence; rdtsc (0 where unsupported)
    static Point readPoint(); // the tightest of three bracketed reads

    // Points must come in time order; one closer than kMinSpacingNs to the
    // point before its predecessor replaces the last (so a point per pass
    // keeps the table small), and the table is thinned past kMaxPoints.
    void addPoint(Point point);
    std::int64_t toNs(std::uint64_t ticks) const;
    std::size_t pointCount() const { return m_points.size(); }

    static constexpr std::int64_t kMinSpacingNs = 10'000'000;
    static constexpr std::size_t kMaxPoints = 1 << 14;

private:
    std::vector<Point> m_points;
    mutable std::size_t m_lastSegment = 1;
    mutable std::size_t m_slopeSegment = 0; // the segment m_slope is for (0: none)
    mutable double m_slope = 1.0;
};

// Copies what recorded threads write into their rings (*.wrr in the recording
// directory, see rawrecord.h) into chunk files (*.wrc) that ChunkReader reads,
// converting TSC timestamps to CLOCK_MONOTONIC ns on the way. Runs on a thread
// of its own: a pass every ~1 ms, a rescan of the directory for new rings every
// ~20 ms. A chunk's records are written (through a shared mapping) before its
// count is stored with release order, so a live reader sees a prefix. A ring
// whose thread ended (RingHeader::flags) or whose process is gone is drained,
// then retired: unmapped and truncated to nothing (its name stays taken). Memory:
// the mappings of the open rings and of one chunk per ring, nothing else.
class RingDrainer
{
public:
    explicit RingDrainer(QString directory);
    ~RingDrainer(); // stop()

    RingDrainer(const RingDrainer &) = delete;
    RingDrainer &operator=(const RingDrainer &) = delete;

    void start();
    // Asks the thread for a last rescan and pass, then to end. Does not block.
    void finish();
    // finish(), then waits for the thread: everything written so far is in chunks.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    // One rescan and one pass on the calling thread (without start(); tests).
    // final: also the rings of live processes' are copied to the end and their
    // chunks closed.
    void drainNow(bool final = false);

    quint64 droppedEvents() const { return m_dropped.load(std::memory_order_relaxed); }
    quint64 drainedRecords() const { return m_drained.load(std::memory_order_relaxed); }
    int ringCount() const { return m_ringCount.load(std::memory_order_relaxed); }
    QStringList warnings() const;

    void setPeriods(std::chrono::microseconds pass, std::chrono::milliseconds rescan)
    {
        m_passPeriod = pass;
        m_rescanPeriod = rescan;
    }

    // /proc/cpuinfo says constant_tsc and nonstop_tsc (x86-64 only): TSC
    // readings of every core tick at one rate, in step, through sleep states.
    static bool hostHasInvariantTsc();

private:
    struct Ring;
    void run();
    void rescan(bool final);
    void pass(bool final);
    bool openRing(const std::string &name, Ring &ring, bool *retry);
    void drainRing(Ring &ring);
    bool openChunk(Ring &ring);
    void closeChunk(Ring &ring);
    void publishChunk(Ring &ring);
    void retire(Ring &ring, bool truncate);
    void warn(const QString &message);

    const QString m_directory;
    const std::string m_dir;
    std::chrono::microseconds m_passPeriod {1000};
    std::chrono::milliseconds m_rescanPeriod {20};

    std::vector<std::unique_ptr<Ring>> m_rings;
    std::set<std::string> m_known; // ring names taken care of
    std::map<std::string, int> m_pending; // ring names not ready yet: attempts
    std::map<std::pair<std::int32_t, std::int32_t>, std::uint32_t> m_nextChunk; // per pid, tid
    TscClock m_clock;

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_finishing = false;

    std::atomic<quint64> m_dropped {0};
    std::atomic<quint64> m_drained {0};
    std::atomic<int> m_ringCount {0};
    mutable std::mutex m_warningsMutex;
    QStringList m_warnings;
};

} // namespace weft::record
