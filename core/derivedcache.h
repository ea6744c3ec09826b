// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace weft {

// What is derived from one trace's payload (its lanes' states, ...), kept
// with the payload, so that every view and export of a trace shares one
// derivation instead of deriving its own: at 10 M events one costs about half
// a second and 150 MB. Thread-safe: the loading thread may derive while the
// window asks; a second asker of the same thing waits for the first's
// result, while different derivations may run at once on different threads.
//
// A copy is empty: a payload is copied to be changed (another schedule, other
// sites), and what was derived from the original need not hold for it.
class DerivedCache
{
public:
    DerivedCache() = default;
    DerivedCache(const DerivedCache &) { }
    DerivedCache &operator=(const DerivedCache &) { return *this; }
    ~DerivedCache() = default;
    DerivedCache(DerivedCache &&) noexcept { }
    DerivedCache &operator=(DerivedCache &&) noexcept { return *this; }

    // The value kept under `key` (the address of something static to the
    // kind of derivation), made by `make` the first time it is asked for.
    template<typename T, typename Make>
    std::shared_ptr<const T> get(const void *key, Make &&make) const
    {
        return std::static_pointer_cast<const T>(
            find(key, [&make]() -> std::shared_ptr<const void> { return make(); }));
    }

    // How many values are kept (derived, or being derived).
    std::size_t size() const;

private:
    std::shared_ptr<const void>
    find(const void *key, const std::function<std::shared_ptr<const void>()> &make) const;

    using Value = std::shared_future<std::shared_ptr<const void>>;
    // Held only to find or add a value, never while deriving one: a derivation
    // may ask for another of the same trace, or run beside it.
    mutable std::mutex m_mutex;
    mutable std::vector<std::pair<const void *, Value>> m_values;
};

} // namespace weft
