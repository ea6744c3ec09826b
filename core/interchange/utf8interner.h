// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <string_view>
#include <vector>

namespace weft {

// The hash both text tables of the importer use. Seeded per process (Qt's
// global seed), so a file cannot be written to make its names collide, and
// with the seed Qt hashes with AES instructions where the CPU has them,
// several times faster than its unseeded SipHash.
quint32 utf8Hash(std::string_view utf8);

// Gives each distinct UTF-8 text a small id (1, 2, …) and keeps it once, as
// the QString a trace stores. Keying a hash map by a std::string copy kept
// every distinct text twice: ~100 bytes more per name, 100 MB more for a
// file of a million distinct names. Lookups compare the UTF-8 bytes with the
// stored UTF-16 text directly; the index holds ids and hashes only.
class Utf8Interner
{
public:
    quint32 intern(std::string_view utf8);
    std::size_t size() const { return m_strings.size(); }
    // The texts in id order (id 1 first); the interner is empty afterwards.
    std::vector<QString> take();

private:
    void grow();
    void place(quint32 id);

    std::vector<QString> m_strings; // id - 1 -> text
    std::vector<quint32> m_hashes; // id - 1 -> hash, to grow the index without decoding
    std::vector<quint32> m_slots; // open addressing, linear probing; 0 = empty, else id
};

} // namespace weft
