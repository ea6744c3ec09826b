// SPDX-License-Identifier: MIT
#include "chromelocaltexts.h"

#include "utf8interner.h"

#include <algorithm>

namespace weft {

quint32 ChromeLocalTexts::intern(std::string_view utf8)
{
    // Kept at most half full, so a probe soon meets an empty slot.
    if ((m_strings.size() + 1) * 2 > m_slots.size())
        grow();
    const quint32 hash = utf8Hash(utf8);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const quint32 id = m_slots[i];
        if (id == 0) {
            m_strings.emplace_back(utf8);
            m_hashes.push_back(hash);
            m_traceIds.push_back(0);
            m_slots[i] = quint32(m_strings.size());
            return m_slots[i];
        }
        if (m_hashes[id - 1] == hash && m_strings[id - 1] == utf8)
            return id;
    }
}

quint32 &ChromeLocalTexts::traceId(quint32 local)
{
    return m_traceIds[local - 1];
}

void ChromeLocalTexts::clear()
{
    m_strings.clear();
    m_hashes.clear();
    m_traceIds.clear();
    std::fill(m_slots.begin(), m_slots.end(), 0);
}

void ChromeLocalTexts::grow()
{
    m_slots.assign(std::max<std::size_t>(64, m_slots.size() * 2), 0);
    const std::size_t mask = m_slots.size() - 1;
    for (quint32 id = 1; id <= m_strings.size(); ++id) {
        std::size_t i = m_hashes[id - 1] & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = id;
    }
}

} // namespace weft
