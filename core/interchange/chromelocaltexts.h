// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <string>
#include <string_view>
#include <vector>

namespace weft {

// The texts one slice parser has met (names, args), each with a local id,
// and the id the trace gave it once the converter first interned it. With
// worker threads (ChromeSliceWorkers) the parser hashes and compares a name
// on its own thread; the converter, the one thread all events go through,
// then finds the trace's id by index instead of hashing the name again for
// each of the million events that repeat it. Only the thread that holds the
// parser's slice touches it (read, then convert: never at once).
class ChromeLocalTexts
{
public:
    // Bounds the copies kept (a file of distinct names would otherwise hold
    // each one again per parser): past this many, the table starts afresh.
    static constexpr std::size_t kMaxEntries = 1 << 16;

    // The parser's side: a local id (1, 2, …) for the text.
    quint32 intern(std::string_view utf8);
    // The converter's side: the trace's id for a local id, 0 until set.
    quint32 &traceId(quint32 local);
    std::size_t size() const { return m_strings.size(); }
    void clear();

private:
    void grow();

    std::vector<std::string> m_strings; // local id - 1 -> UTF-8
    std::vector<quint32> m_hashes; // local id - 1 -> hash
    std::vector<quint32> m_slots; // open addressing; 0 = empty, else local id
    std::vector<quint32> m_traceIds; // local id - 1 -> trace id, 0 = not yet known
};

} // namespace weft
