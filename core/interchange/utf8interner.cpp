// SPDX-License-Identifier: MIT
#include "utf8interner.h"

#include <QAnyStringView>
#include <QHashFunctions>

namespace weft {

quint32 utf8Hash(std::string_view utf8)
{
    return quint32(
        qHash(QByteArrayView(utf8.data(), qsizetype(utf8.size())), QHashSeed::globalSeed()));
}

quint32 Utf8Interner::intern(std::string_view utf8)
{
    // Kept at most half full, so a probe soon meets an empty slot.
    if ((m_strings.size() + 1) * 2 > m_slots.size())
        grow();
    const quint32 hash = utf8Hash(utf8);
    const std::size_t mask = m_slots.size() - 1;
    const QUtf8StringView wanted(utf8.data(), qsizetype(utf8.size()));
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const quint32 id = m_slots[i];
        if (id == 0) {
            m_strings.push_back(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
            m_hashes.push_back(hash);
            m_slots[i] = quint32(m_strings.size());
            return m_slots[i];
        }
        if (m_hashes[id - 1] == hash && QAnyStringView::equal(wanted, m_strings[id - 1]))
            return id;
    }
}

std::vector<QString> Utf8Interner::take()
{
    std::vector<QString> strings = std::move(m_strings);
    m_strings = {};
    m_hashes = {};
    m_slots = {};
    return strings;
}

void Utf8Interner::grow()
{
    m_slots.assign(std::max<std::size_t>(64, m_slots.size() * 2), 0);
    for (quint32 id = 1; id <= m_strings.size(); ++id)
        place(id);
}

void Utf8Interner::place(quint32 id)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = m_hashes[id - 1] & mask;
    while (m_slots[i] != 0)
        i = (i + 1) & mask;
    m_slots[i] = id;
}

} // namespace weft
