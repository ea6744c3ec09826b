// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>

namespace weft {

// Not part of the lesson: measures how many threads are inside a stretch of
// code at the same time, so locks.counter's outcome can state (not assume)
// that serial mode never overlaps.
class OverlapMeter
{
public:
    // Counts the calling thread as inside for its scope.
    class Inside
    {
    public:
        explicit Inside(OverlapMeter &meter)
            : m_meter(meter)
        {
            m_meter.enter();
        }
        ~Inside() { m_meter.leave(); }
        Inside(const Inside &) = delete;
        Inside &operator=(const Inside &) = delete;

    private:
        OverlapMeter &m_meter;
    };

    int most() const { return m_most.load(); }

private:
    void enter()
    {
        const int now = m_inside.fetch_add(1) + 1;
        int most = m_most.load();
        while (now > most && !m_most.compare_exchange_weak(most, now)) {
            // most was reloaded by the failed exchange; try again while we are the larger
        }
    }
    void leave() { m_inside.fetch_sub(1); }

    std::atomic<int> m_inside {0};
    std::atomic<int> m_most {0};
};

} // namespace weft
