// SPDX-License-Identifier: MIT
#include "statemaskpyramid.h"

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
    from = std::min(from, m_states.size());
    m_states.resize(spans.size());
    for (std::size_t u = from; u < spans.size(); ++u)
        m_states[u] = quint8(spans[u].state);
    m_blockStarts.resize((spans.size() + kFanOut - 1) / kFanOut);
    for (std::size_t b = from / kFanOut; b < m_blockStarts.size(); ++b)
        m_blockStarts[b] = spans[b * kFanOut].startNs;
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
    last = std::min(last, spans.size());
    if (first >= last)
        return 0;
    const auto unitMask = [&](int level, std::size_t index) {
        return level < 0 ? quint16(1u << m_states[index]) : m_levels[std::size_t(level)][index];
    };
    quint16 states = 0;
    int level = -1; // -1: single spans
    std::size_t unit = 1; // spans per unit at `level`
    // Climb while a whole unit of the next level fits inside: the ragged ends
    // are read at this level, the middle one level up. [first, last) stays
    // aligned to `unit` (in spans) after each climb.
    while (level + 1 < int(m_levels.size())) {
        const std::size_t up = unit * kFanOut;
        const std::size_t alignedFirst = (first + up - 1) / up * up;
        const std::size_t alignedLast = last / up * up;
        if (alignedFirst >= alignedLast)
            break;
        for (std::size_t s = first; s < alignedFirst; s += unit)
            states |= unitMask(level, s / unit);
        for (std::size_t s = alignedLast; s < last; s += unit)
            states |= unitMask(level, s / unit);
        first = alignedFirst;
        last = alignedLast;
        unit = up;
        ++level;
    }
    for (std::size_t s = first; s < last; s += unit)
        states |= unitMask(level, s / unit);
    return states;
}

std::size_t StateMaskPyramid::firstStartingFrom(std::span<const StateSpan> spans, std::size_t first,
                                                qint64 t) const
{
    const std::size_t count = std::min(spans.size(), m_states.size());
    if (first >= count)
        return count;
    const auto startsBefore = [](const StateSpan &s, qint64 time) {
        return s.startNs < time;
    };
    const auto within = [&](std::size_t low, std::size_t high) {
        return std::size_t(std::lower_bound(spans.begin() + std::ptrdiff_t(low),
                                            spans.begin() + std::ptrdiff_t(high), t, startsBefore)
                           - spans.begin());
    };
    // Blocks b + 1, b + 2, b + 4 ... ahead, then a bisection among the last step's.
    std::size_t low = first / kFanOut + 1; // blocks before `low` start before t, or hold `first`
    if (low >= m_blockStarts.size() || m_blockStarts[low] >= t)
        return within(first, std::min(count, low * kFanOut));
    std::size_t step = 1;
    while (low + step < m_blockStarts.size() && m_blockStarts[low + step] < t) {
        low += step;
        step *= 2;
    }
    const std::size_t high = std::min(low + step, m_blockStarts.size());
    const std::size_t block
        = std::size_t(std::lower_bound(m_blockStarts.begin() + std::ptrdiff_t(low + 1),
                                       m_blockStarts.begin() + std::ptrdiff_t(high), t)
                      - m_blockStarts.begin());
    // Block `block - 1` starts before t; `block` (if any) at or after it.
    return within((block - 1) * kFanOut + 1, std::min(count, block * kFanOut));
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
