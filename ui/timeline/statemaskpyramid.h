// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/tracestates.h"

#include <QtGlobal>
#include <span>
#include <vector>

namespace weft::ui {

// Which states occur among a lane's spans, summarised per zoom level: level 0
// holds one mask (bit 1 << state) per block of 64 spans, level 1 per 64
// blocks of level 0 (4096 spans), and so on up to one block. A pixel that
// merges a million spans learns that one of them is a wait from a few dozen
// masks instead of reading them all, so a zoomed-out frame costs pixels, not
// spans. Built once per lane; append() extends it as a live lane grows.
// The ragged ends of a range are read from a copy of each span's state, a
// byte apiece: 64 of them share a cache line where 64 spans take 24. A copy
// of every span's start (8 bytes where a span takes 32) finds where a pixel's
// spans end.
class StateMaskPyramid
{
public:
    static constexpr std::size_t kFanOut = 64;

    // Adds the masks of spans[from, spans.size()): `spans` is the lane's whole
    // list, of which [0, from) was summarised before. Rebuilds from scratch when
    // `from` is 0.
    void append(std::span<const StateSpan> spans, std::size_t from);
    // The states (bit 1 << state) of spans[first, last), read through the
    // pyramid: O(kFanOut · levels).
    quint16 statesIn(std::span<const StateSpan> spans, std::size_t first, std::size_t last) const;
    // The same, span by span: what the pyramid must always agree with.
    static quint16 statesInEach(std::span<const StateSpan> spans, std::size_t first,
                                std::size_t last);
    // The first of spans[first, ...) starting at or after t (spans are sorted):
    // a gallop over the copies of their starts, instead of probing spans all
    // over the lane (a merged pixel at 10 M events skips ~90).
    std::size_t firstStartingFrom(std::span<const StateSpan> spans, std::size_t first,
                                  qint64 t) const;
    int levelCount() const { return int(m_levels.size()); }
    // How many spans it summarises.
    std::size_t size() const { return m_states.size(); }
    // spans[i]'s start, end and state, read from the pyramid's copies: a pixel's
    // last span and the next pixel's first are then found without reading a span
    // (at 10 M events each such read missed the cache). The end is the next
    // span's start when the two touch, as they do but at gaps and the lane's end.
    qint64 startOf(std::size_t i) const { return m_starts[i]; }
    qint64 endOf(std::span<const StateSpan> spans, std::size_t i) const
    {
        return (m_states[i] & kTouchesNext) != 0 ? m_starts[i + 1] : spans[i].endNs;
    }
    LaneState stateOf(std::size_t i) const { return LaneState(m_states[i] & kStateBits); }

private:
    std::vector<std::vector<quint16>> m_levels;
    // The state bits in each byte; kTouchesNext says spans[i].endNs == spans[i + 1].startNs.
    static constexpr quint8 kStateBits = 0x7f;
    static constexpr quint8 kTouchesNext = 0x80;
    std::vector<quint8> m_states; // spans[i].state, and kTouchesNext
    std::vector<qint64> m_starts; // spans[i].startNs, searched without reading the spans
};

} // namespace weft::ui
