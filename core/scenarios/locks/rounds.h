// SPDX-License-Identifier: MIT
#pragma once

#include "core/tracing.h"

#include <atomic>
#include <thread>

namespace weft {

// Not part of the lesson: what lets locks.race try it again. A race may not
// happen on a given try, so the same threads run their work again and again,
// in rounds. A round starts for every thread at the same moment: they spin at
// the start line rather than sleep, so none has the head start a wake-up
// would give it. Main opens each round and waits until all threads have
// finished it, then looks at the result. Every wait ends a cancelled run.
class Rounds
{
public:
    explicit Rounds(int threads)
        : m_threads(threads)
    {
    }

    // On each thread: calls work(args...) once per round until end().
    template<typename F, typename... Args> void repeat(F &work, const Args &...args)
    {
        for (int round = 1;; ++round) {
            spinUntil([&] { return m_opened.load() >= round || m_ended.load(); });
            if (m_ended.load())
                return;
            work(args...);
            m_finished.fetch_add(1);
        }
    }

    // On main: opens the next round and returns once every thread has finished it.
    void runOnce()
    {
        const int round = m_opened.fetch_add(1) + 1;
        spinUntil([&] { return m_finished.load() == m_threads * round; });
    }

    // On main: no more rounds; repeat() returns on every thread.
    void end() { m_ended.store(true); }

private:
    template<typename Condition> static void spinUntil(Condition condition)
    {
        while (!condition()) {
            checkCancelled();
            std::this_thread::yield();
        }
    }

    const int m_threads;
    std::atomic<int> m_opened {0};
    std::atomic<int> m_finished {0};
    std::atomic<bool> m_ended {false};
};

} // namespace weft
