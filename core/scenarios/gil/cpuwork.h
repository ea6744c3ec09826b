// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <atomic>
#include <chrono>
#include <ctime>

namespace weft {

// One small unit of CPU-bound work (some tens of microseconds): the stand-in
// for a stretch of Python bytecode between two checks of the GIL's drop
// request. Linear congruential steps; the empty asm makes each step's result
// "used", so the compiler can neither fold the loop nor drop it when the
// caller ignores the result.
inline quint64 cpuWorkUnit(quint64 state)
{
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
#if defined(__GNUC__)
        asm volatile("" : "+r"(state));
#endif
    }
    return state;
}

// How much of the CPU the counting threads got while they ran: the CPU time
// they used over the time they existed. A thread that always has work gets
// ~100 % on a free core; far less means other programs had the cores, and a
// speed lesson measured then says more about the load than about the lesson.
class CpuShare
{
public:
    // Measures one stretch of work on the calling thread, from construction to destruction.
    class Stretch
    {
    public:
        explicit Stretch(CpuShare *share)
            : m_share(share)
            , m_cpu(threadCpuNs())
            , m_wall(wallNs())
        {
        }
        ~Stretch()
        {
            if (m_share)
                m_share->add(threadCpuNs() - m_cpu, wallNs() - m_wall);
        }
        Stretch(const Stretch &) = delete;
        Stretch &operator=(const Stretch &) = delete;

    private:
        CpuShare *m_share;
        qint64 m_cpu;
        qint64 m_wall;
    };

    void add(qint64 cpuNs, qint64 wallNs)
    {
        m_cpuNs.fetch_add(cpuNs, std::memory_order_relaxed);
        m_wallNs.fetch_add(wallNs, std::memory_order_relaxed);
    }
    // Per mille; 1000 when nothing was measured (nothing to warn about).
    qint64 permille() const
    {
        const qint64 wall = m_wallNs.load(std::memory_order_relaxed);
        return wall > 0 ? qMin<qint64>(1000, m_cpuNs.load(std::memory_order_relaxed) * 1000 / wall)
                        : 1000;
    }

private:
    static qint64 threadCpuNs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    static qint64 wallNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    std::atomic<qint64> m_cpuNs {0};
    std::atomic<qint64> m_wallNs {0};
};

} // namespace weft
