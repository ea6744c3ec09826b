// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>

namespace weft {

// Sorts [first, last) stably, like std::stable_sort, in about one pass when
// every element sits near its place: a trace file written in time order
// except for what is written beside something earlier (a slice's end next to
// its begin, a flow's finish next to its start). Elements out of place are
// inserted into the sorted part before them (found by galloping back);
// once `maxMoves` elements have been shifted for them, std::stable_sort
// finishes the job, so a file in another order costs a bounded detour, never
// quadratic time. Either way the result is std::stable_sort's: an insertion
// moves an element only past greater ones, so equal ones keep their order.
template<typename RandomIt, typename Less>
void stableSortNearlySorted(RandomIt first, RandomIt last, Less less, std::size_t maxMoves)
{
    using Distance = typename std::iterator_traits<RandomIt>::difference_type;
    std::size_t moves = 0;
    for (RandomIt i = first; i != last; ++i) {
        if (i == first || !less(*i, *(i - 1)))
            continue;
        // [first, i) is sorted and its last element is greater than *i.
        auto value = std::move(*i);
        Distance step = 2;
        RandomIt from = first;
        for (;;) {
            from = i - std::min(step, Distance(i - first));
            if (from == first || !less(value, *from))
                break;
            step *= 2;
        }
        const RandomIt place = std::upper_bound(from, i, value, less);
        moves += std::size_t(i - place);
        if (moves > maxMoves) {
            *i = std::move(value);
            std::stable_sort(first, last, less);
            return;
        }
        std::move_backward(place, i, i + 1);
        *place = std::move(value);
    }
}

// Makes [first, last) sorted when [first, tail) is: sorts the tail (unless it
// is already) and merges it in from where its first element belongs. Returns
// that place: the elements before it kept theirs. A growing list whose new
// elements mostly come last (a live run's new lock bands and arrows) moves
// only its end, not all of it. `less` must be a total order, so that the
// result is std::sort's of the whole.
template<typename RandomIt, typename Less>
RandomIt mergeSortedTail(RandomIt first, RandomIt tail, RandomIt last, Less less)
{
    if (tail == last)
        return last;
    if (!std::is_sorted(tail, last, less))
        std::sort(tail, last, less);
    const RandomIt from = std::upper_bound(first, tail, *tail, less);
    std::inplace_merge(from, tail, last, less);
    return from;
}

} // namespace weft
