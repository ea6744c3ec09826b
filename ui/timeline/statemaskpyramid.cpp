// SPDX-License-Identifier: MIT
#include "statemaskpyramid.h"

#include "renderpass.h"

#include <algorithm>

namespace weft::ui {

namespace {
quint16 maskOf(const StateSpan &span)
{
    return quint16(1u << unsigned(span.state));
}
} // namespace

void StateMaskPyramid::append(std::span<const StateSpan> spans, std::size_t from)
{
    if (from == 0)
        m_levels.clear();
    from = std::min({from, m_states.size(), spans.size()});
    m_states.resize(spans.size());
    // The span before the first new one may touch a new next span, or no longer.
    for (std::size_t u = from == 0 ? 0 : from - 1; u < spans.size(); ++u)
        m_states[u] = quint8(
            quint8(spans[u].state)
            | (u + 1 < spans.size() && spans[u].endNs == spans[u + 1].startNs ? kTouchesNext : 0));
    m_starts.resize(spans.size());
    for (std::size_t u = from; u < spans.size(); ++u)
        m_starts[u] = spans[u].startNs;
    // Level k's block b covers spans [b·64^(k+1), (b+1)·64^(k+1)). Only the
    // blocks from the first one touched by a new span change.
    std::size_t changedFrom = from; // first changed index at the level below, in its units
    std::size_t below = spans.size(); // how many units the level below has
    for (std::size_t level = 0; below > 1 || level == 0; ++level) {
        if (level >= m_levels.size())
            m_levels.emplace_back();
        std::vector<quint16> &masks = m_levels[level];
        const std::size_t count = (below + kFanOut - 1) / kFanOut;
        const std::size_t firstBlock = changedFrom / kFanOut;
        masks.resize(count, 0);
        for (std::size_t b = firstBlock; b < count; ++b) {
            quint16 mask = 0;
            const std::size_t end = std::min(below, (b + 1) * kFanOut);
            for (std::size_t u = b * kFanOut; u < end; ++u)
                mask |= level == 0 ? maskOf(spans[u]) : m_levels[level - 1][u];
            masks[b] = mask;
        }
        changedFrom = firstBlock;
        below = count;
        if (count <= 1) {
            m_levels.resize(level + 1); // fewer spans than before (an open span dropped)
            break;
        }
    }
}

quint16 StateMaskPyramid::statesIn(std::span<const StateSpan> spans, std::size_t first,
                                   std::size_t last) const
{
    last = std::min({last, spans.size(), m_states.size()});
    if (first >= last)
        return 0;
    // Units are powers of 64: indices at a level are shifts of span indices,
    // never a division per unit (a 64-bit div was most of this function).
    constexpr unsigned kShift = 6;
    static_assert(kFanOut == std::size_t(1) << kShift);
    const auto readSpans = [&](std::size_t from, std::size_t to) {
        quint32 states = 0;
        for (std::size_t s = from; s < to; ++s)
            states |= 1u << (m_states[s] & kStateBits);
        return states;
    };
    const auto readUnits = [&](std::size_t level, std::size_t from, std::size_t to) {
        quint32 states = 0;
        const std::vector<quint16> &masks = m_levels[level];
        for (std::size_t u = from; u < to; ++u)
            states |= masks[u];
        return states;
    };
    // Climb while a whole unit of the next level fits inside: the ragged ends
    // are read at this level, the middle one level up. [lo, hi) is in units of
    // the current level (-1: single spans).
    quint32 states = 0;
    int level = -1;
    std::size_t lo = first, hi = last;
    while (level + 1 < int(m_levels.size())) {
        const std::size_t upLo = (lo + kFanOut - 1) >> kShift;
        const std::size_t upHi = hi >> kShift;
        if (upLo >= upHi)
            break;
        const std::size_t alignedLo = upLo << kShift, alignedHi = upHi << kShift;
        if (level < 0)
            states |= readSpans(lo, alignedLo) | readSpans(alignedHi, hi);
        else
            states |= readUnits(std::size_t(level), lo, alignedLo)
                | readUnits(std::size_t(level), alignedHi, hi);
        lo = upLo;
        hi = upHi;
        ++level;
    }
    states |= level < 0 ? readSpans(lo, hi) : readUnits(std::size_t(level), lo, hi);
    return quint16(states);
}

std::size_t StateMaskPyramid::firstStartingFrom(std::span<const StateSpan> spans, std::size_t first,
                                                qint64 t) const
{
    const std::size_t count = std::min(spans.size(), m_starts.size());
    if (first >= count)
        return count;
    // Gallop from `first`: the next pixel's spans begin where this one's end,
    // so the probes read ahead in one run of starts that the prefetcher follows
    // (8 bytes each, not a 32-byte span). A search through every 64th start
    // first, then within its block, jumped about and missed the cache on both
    // (the whole-trace frame's lanes took ~40 % longer at 10 M events).
    const auto begin = m_starts.begin();
    return std::size_t(gallopLowerBound(begin + std::ptrdiff_t(first),
                                        begin + std::ptrdiff_t(count), t, std::less<qint64>())
                       - begin);
}

quint16 StateMaskPyramid::statesInEach(std::span<const StateSpan> spans, std::size_t first,
                                       std::size_t last)
{
    last = std::min(last, spans.size());
    quint16 states = 0;
    for (; first < last; ++first)
        states |= maskOf(spans[first]);
    return states;
}

} // namespace weft::ui
