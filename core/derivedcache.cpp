// SPDX-License-Identifier: MIT
#include "derivedcache.h"

namespace weft {

std::size_t DerivedCache::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_values.size();
}

std::shared_ptr<const void>
DerivedCache::find(const void *key, const std::function<std::shared_ptr<const void>()> &make) const
{
    std::promise<std::shared_ptr<const void>> promise;
    Value found;
    {
        const std::lock_guard lock(m_mutex);
        for (const auto &[k, value] : m_values)
            if (k == key)
                found = value;
        if (!found.valid())
            m_values.emplace_back(key, promise.get_future().share());
    }
    if (found.valid())
        return found.get(); // waits, outside the lock, for whoever derives it
    try {
        std::shared_ptr<const void> value = make();
        promise.set_value(value);
        return value;
    } catch (...) {
        // Whoever waits gets the same failure (out of memory, most likely).
        promise.set_exception(std::current_exception());
        throw;
    }
}

} // namespace weft
